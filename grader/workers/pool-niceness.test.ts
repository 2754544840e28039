import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { SandboxPool } from "./pool";

// Issue 17: a grading worker's sandboxes run niced (pages before grading), the worker itself not.

describe("the sandbox processes' niceness", () => {
  const pools: SandboxPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it("is the one asked for", async () => {
    const own = os.getPriority();
    const wanted = Math.min(19, Math.max(own, 10) + 1);
    const pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000, isolate: false, niceness: wanted });
    pools.push(pool);
    await pool.warmUp();
    expect(os.getPriority(pool.pids[0]!)).toBe(wanted);
    expect(os.getPriority()).toBe(own);
  }, 60_000);

  it("is the caller's when none is asked for", async () => {
    const pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000, isolate: false });
    pools.push(pool);
    await pool.warmUp();
    expect(os.getPriority(pool.pids[0]!)).toBe(os.getPriority());
  }, 60_000);
});
