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

/** Probed once per set of files to read. */
const cache = new Map<string, SandboxLaunch>();

/** `node -e READS file…` exits 0 only when every file is readable. */
const READS = `for (const f of process.argv.slice(1)) require("node:fs").accessSync(f, require("node:fs").constants.R_OK)`;

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

/**
 * `isolate: false` skips the probes (and the privilege drop): the process runs as its parent's
 * user. `mustRead`: files the sandbox loads (its entry, tsx, isolated-vm); a project checked
 * out where nobody cannot read it keeps its user rather than starting sandboxes that fail.
 */
export function sandboxLaunch(isolate = true, mustRead: string[] = []): SandboxLaunch {
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
  const key = mustRead.join("\0");
  const known = cache.get(key);
  if (known) return known;
  const launch = probe(node, mustRead, unchanged);
  cache.set(key, launch);
  return launch;
}

function probe(node: string, mustRead: string[], unchanged: (why: string) => SandboxLaunch): SandboxLaunch {
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    return unchanged("not root: cannot drop privileges or unshare the network");
  }
  const quiet = { stdio: "ignore" as const, env: {} as NodeJS.ProcessEnv, timeout: 10_000 };
  const unshare = which("unshare");
  const setpriv = which("setpriv");
  // The probe reads what the sandbox will load, as the sandbox's user.
  const canRead = ["-e", READS, ...mustRead];
  const full = unshare && setpriv ? spawnSync(unshare, [...WRAPPER(setpriv, node), ...canRead], quiet) : null;
  if (unshare && setpriv && full?.status === 0) {
    return {
      isolation: {
        uid: SANDBOX_UID,
        droppedPrivileges: true,
        networkIsolated: true,
        summary: `sandbox: empty environment, uid ${SANDBOX_UID}, no network (unshare --net + setpriv)`,
      },
      execPath: unshare,
      wrapperArgs: WRAPPER(setpriv, node),
    };
  }
  const plain = spawnSync(node, canRead, { ...quiet, uid: SANDBOX_UID, gid: SANDBOX_GID });
  return plain.status === 0
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
    : unchanged(`uid ${SANDBOX_UID} cannot run node or read the project's files here`);
}
