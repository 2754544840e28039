// The utilisation record (issue 14): what each thread did while the virtual clock moved.

import { describe, expect, it } from "vitest";
import { program, runOnce } from "../testing";
import type { UtilisationState } from "./utilisation";

/** Virtual ms each thread spent in each state. */
function totals(src: string, config: { cores?: number; gil?: boolean } = {}) {
  const r = runOnce(src, config);
  expect(r.outcome.kind, r.outcome.message).toBe("passed");
  expect(r.utilisation, "a traced schedule records utilisation").toBeDefined();
  const out: Record<string, Partial<Record<UtilisationState, number>>> = {};
  for (const s of r.utilisation!.segments) {
    const t = (out[s.thread] ??= {});
    t[s.state] = (t[s.state] ?? 0) + (s.to - s.from);
  }
  return { out, result: r };
}

const threeWorkers = (body: string) =>
  program(`
    const lock = new Lock("L");
    const ts = [0, 1, 2].map((i) => spawn(async () => { ${body} }, "W" + i));
    for (const t of ts) await t.join();
  `);

describe("utilisation", () => {
  it("threads of one process wait for the GIL, not for a core", () => {
    const { out } = totals(threeWorkers("await work(10);"), { cores: 4, gil: true });
    for (const w of ["W0", "W1", "W2"]) {
      expect(out[w]!.busy).toBeCloseTo(10, 6);
      expect(out[w]!.core ?? 0).toBe(0);
    }
    // CPython's forced switch every 5 ms: W0 0–5, W1 5–10, W2 10–15, W0 15–20, W1 20–25, W2 25–30.
    expect(["W0", "W1", "W2"].map((w) => out[w]!.gil)).toEqual([10, 15, 20]);
  });

  it("without the GIL and with enough cores nobody waits to compute", () => {
    const { out, result } = totals(threeWorkers("await work(10);"), { cores: 4 });
    for (const w of ["W0", "W1", "W2"]) expect(out[w]).toEqual({ busy: 10 });
    expect(result.time).toBe(10);
    expect(out.MainThread).toEqual({ wait: 10 });
  });

  it("threads beyond the cores wait for a core", () => {
    const { out } = totals(threeWorkers("await work(10);"), { cores: 2 });
    expect(out.W2).toEqual({ core: 10, busy: 10 });
    expect(out.W0!.core ?? 0).toBe(0);
  });

  it("a contended lock and a sleep are told apart, with what was waited for", () => {
    const { out, result } = totals(
      threeWorkers("await lock.acquire(); await work(5); lock.release(); await sleep(3);"),
      {
        cores: 4,
      },
    );
    expect(out.W0).toEqual({ busy: 5, sleep: 3 });
    expect(out.W1).toEqual({ lock: 5, busy: 5, sleep: 3 });
    expect(out.W2).toEqual({ lock: 10, busy: 5, sleep: 3 });
    const lockWait = result.utilisation!.segments.find((s) => s.state === "lock");
    expect(lockWait?.target).toBe("L");
  });

  it("an untraced schedule records nothing", () => {
    const r = runOnce(threeWorkers("await work(1);"), { trace: false });
    expect(r.utilisation).toBeUndefined();
  });
});
