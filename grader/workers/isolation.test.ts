// The sandbox process holds nothing worth stealing (issue 9): an empty environment, nobody's
// uid and no network where the machine allows it (root here; elsewhere the test says what it
// could check), and no sandbox outlives a `kill -9` of its parent.

import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SANDBOX_UID, sandboxLaunch } from "./isolation";
import { SandboxPool } from "./pool";

const PARENT = fileURLToPath(new URL("./fixtures/pool-parent.mts", import.meta.url));
const isRoot = process.getuid?.() === 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Start the stand-in grading worker; resolve with its pid and its sandboxes' pids. */
function startParent(args: string[]): Promise<{ parent: number; pids: number[] }> {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", PARENT, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ parent: child.pid!, pids: (JSON.parse(line) as { pids: number[] }).pids });
    });
    child.on("exit", (code) => reject(new Error(`the parent exited early (${code}): ${out}`)));
  });
}

async function gone(pids: number[], withinMs: number): Promise<number[]> {
  const end = Date.now() + withinMs;
  while (Date.now() < end && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

describe("sandbox processes die with their parent", () => {
  for (const mode of ["isolated", "not isolated (the parent watcher alone)"]) {
    it(`kill -9 of the parent while a sandbox is busy: no sandbox left within 5 s (${mode})`, async () => {
      const args = mode === "isolated" ? ["--busy"] : ["--busy", "--no-isolation"];
      const { parent, pids } = await startParent(args);
      expect(pids.length).toBe(2);
      expect(pids.every(alive)).toBe(true);
      process.kill(parent, "SIGKILL");
      const left = await gone(pids, 5_000);
      for (const pid of left) process.kill(pid, "SIGKILL");
      expect(left).toEqual([]);
    }, 90_000);
  }
});

describe.skipIf(process.platform !== "linux")("what a sandbox process holds (read from /proc)", () => {
  const pools: SandboxPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  const environ = (pid: number) =>
    readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .filter(Boolean)
      .map((kv) => kv.split("=")[0]!);
  const uidOf = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  const netOf = (pid: number | "self") => readlinkSync(`/proc/${pid}/net/../ns/net`);

  it("an isolated pool's workers have no environment, and as root run as nobody with no network", async () => {
    process.env.DATABASE_URL ??= "file:./secret.db";
    const pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000 });
    pools.push(pool);
    await pool.warmUp();
    const [pid] = pool.pids;
    expect(environ(pid!).filter((k) => !k.startsWith("NODE_CHANNEL_"))).toEqual([]);
    if (isRoot) {
      expect(pool.isolation.droppedPrivileges).toBe(true);
      expect(uidOf(pid!)).toBe(SANDBOX_UID);
      if (pool.isolation.networkIsolated) expect(netOf(pid!)).not.toBe(netOf("self"));
    } else {
      expect(pool.isolation.summary).toMatch(/not root/);
      expect(uidOf(pid!)).toBe(process.getuid!());
    }
  }, 90_000);

  it("with isolation off the worker keeps our user and network (the probes above can tell)", async () => {
    const pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000, isolate: false });
    pools.push(pool);
    await pool.warmUp();
    const [pid] = pool.pids;
    expect(uidOf(pid!)).toBe(process.getuid!());
    expect(netOf(pid!)).toBe(netOf("self"));
    expect(environ(pid!).filter((k) => !k.startsWith("NODE_CHANNEL_"))).toEqual([]);
  }, 90_000);
});

describe("falling back when privileges cannot be dropped", () => {
  it.skipIf(!isRoot)("as root, files nobody cannot read keep the sandbox as root, with a notice", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-probe-"));
    try {
      const readable = path.join(dir, "readable.js");
      const secret = path.join(dir, "secret.js");
      writeFileSync(readable, "");
      writeFileSync(secret, "");
      chmodSync(dir, 0o755);
      chmodSync(readable, 0o644);
      chmodSync(secret, 0o600);
      // Must fire: nobody cannot read secret.js.
      const refused = sandboxLaunch(true, [readable, secret]);
      expect(refused.isolation.droppedPrivileges).toBe(false);
      expect(refused.isolation.summary).toMatch(/cannot run node or read the project's files/);
      expect(refused.uid).toBeUndefined();
      expect(refused.wrapperArgs).toEqual([]);
      // Must stay quiet: every file is readable.
      expect(sandboxLaunch(true, [readable]).isolation.droppedPrivileges).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(isRoot)("not root: the sandbox keeps this user, and the summary says why", () => {
    const launch = sandboxLaunch(true, []);
    expect(launch.isolation).toMatchObject({ droppedPrivileges: false, networkIsolated: false });
    expect(launch.isolation.summary).toMatch(/not root: cannot drop privileges/);
  });
});
