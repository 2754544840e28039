// How a sandbox worker process is started so that it holds nothing worth stealing (issue 9):
// an empty environment (no DATABASE_URL, no secrets), and, where the machine allows it, an
// unprivileged user with no network. Probed once per process, best level first:
//   1. root, with util-linux: `unshare --net -- setpriv --reuid/--regid 65534 --clear-groups
//      --pdeathsig KILL -- node …`: a network namespace with only a down loopback, user
//      nobody, and the kernel kills the sandbox when its parent dies (PR_SET_PDEATHSIG);
//   2. root without them: node's own fork({ uid, gid }): nobody, but the host's network;
//   3. not root: the caller's user and network, and a notice saying so.
// Whatever the level, worker-main.ts also watches its parent and exits when it is gone.

import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** nobody:nogroup on Debian and most Linux systems. */
export const SANDBOX_UID = 65534;
export const SANDBOX_GID = 65534;

export interface SandboxIsolation {
  /** The user the sandbox processes run as. */
  uid: number;
  /** Whether the sandbox runs as a different, unprivileged user than its parent. */
  droppedPrivileges: boolean;
  /** Whether the sandbox has its own, empty network namespace. */
  networkIsolated: boolean;
  /** One line for the log: what the sandbox can and cannot do here. */
  summary: string;
}

export interface SandboxLaunch {
  isolation: SandboxIsolation;
  /** fork()'s execPath and the arguments before node's own (unshare and setpriv, or nothing). */
  execPath: string;
  wrapperArgs: string[];
  uid?: number;
  gid?: number;
}

let cached: SandboxLaunch | null = null;

/** A program's absolute path from our PATH (the sandbox itself gets no PATH). */
function which(program: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)) {
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

const WRAPPER = (setpriv: string, node: string) => [
  "--net",
  "--",
  setpriv,
  `--reuid=${SANDBOX_UID}`,
  `--regid=${SANDBOX_GID}`,
  "--clear-groups",
  "--pdeathsig=KILL",
  "--",
  node,
];

/** `isolate: false` skips the probes (and the privilege drop): the process runs as its parent's user. */
export function sandboxLaunch(isolate = true): SandboxLaunch {
  const node = process.execPath;
  const unchanged = (why: string): SandboxLaunch => ({
    isolation: {
      uid: process.getuid?.() ?? -1,
      droppedPrivileges: false,
      networkIsolated: false,
      summary: `sandbox: empty environment; runs as uid ${process.getuid?.() ?? "?"} with the host's network (${why})`,
    },
    execPath: node,
    wrapperArgs: [],
  });
  if (!isolate) return unchanged("isolation turned off");
  if (cached) return cached;
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    cached = unchanged("not root: cannot drop privileges or unshare the network");
    return cached;
  }
  const quiet = { stdio: "ignore" as const, env: {} as NodeJS.ProcessEnv, timeout: 10_000 };
  const unshare = which("unshare");
  const setpriv = which("setpriv");
  const probe = unshare && setpriv ? spawnSync(unshare, [...WRAPPER(setpriv, node), "-e", ""], quiet) : null;
  if (unshare && setpriv && probe?.status === 0) {
    cached = {
      isolation: {
        uid: SANDBOX_UID,
        droppedPrivileges: true,
        networkIsolated: true,
        summary: `sandbox: empty environment, uid ${SANDBOX_UID}, no network (unshare --net + setpriv)`,
      },
      execPath: unshare,
      wrapperArgs: WRAPPER(setpriv, node),
    };
    return cached;
  }
  const plain = spawnSync(node, ["-e", ""], { ...quiet, uid: SANDBOX_UID, gid: SANDBOX_GID });
  cached =
    plain.status === 0
      ? {
          isolation: {
            uid: SANDBOX_UID,
            droppedPrivileges: true,
            networkIsolated: false,
            summary: `sandbox: empty environment, uid ${SANDBOX_UID}, host network (unshare --net is not available here)`,
          },
          execPath: node,
          wrapperArgs: [],
          uid: SANDBOX_UID,
          gid: SANDBOX_GID,
        }
      : unchanged(`running as uid ${SANDBOX_UID} failed here`);
  return cached;
}
