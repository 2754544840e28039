// Shared helpers for the primitives' tests (ports of CPython's Lib/test/lock_tests.py and
// test_queue.py). Programs run through the real sandbox; their checks are `assert`s inside
// the program, so each test fails when the runtime misbehaves.

import { expect } from "vitest";
import type { ExploreReport } from "../../explore/explore";
import { exploreSource, program, runOnce } from "../../testing";
import type { ScheduleConfig, ScheduleResult } from "../../protocol/types";
import type { Verdict } from "../../protocol/verdict";

/** Python's assertRaises for programs: `const e = await raises(RuntimeError, () => lock.release())`. */
const preamble = `
import { IndexError } from "interleave";
async function raises(type: any, fn: () => unknown): Promise<Error> {
  let caught: unknown = undefined;
  try { await fn(); } catch (e) { caught = e; }
  assert(caught !== undefined, "expected " + type.name + ", nothing was raised");
  assert(caught instanceof type, "expected " + type.name + ", got " + String(caught));
  return caught as Error;
}
function range(n: number): number[] { return Array.from({ length: n }, (_, i) => i); }
`;

/** A whole program whose main() runs `body`, with the API, `raises` and `range` in scope. */
export function source(body: string, extra = ""): string {
  return program(body, preamble + extra);
}

/** One run of the un-stressed (rr) schedule; it must pass. */
export function passes(body: string, config: Partial<ScheduleConfig> = {}): ScheduleResult {
  const r = runOnce(source(body), config);
  expect(r.outcome.kind, r.outcome.message).toBe("passed");
  return r;
}

/** One rr run that must end with `kind`; returns the outcome for further checks. */
export function endsWith(kind: ScheduleResult["outcome"]["kind"], body: string): ScheduleResult["outcome"] {
  const r = runOnce(source(body));
  expect(r.outcome.kind, r.outcome.message).toBe(kind);
  return r.outcome;
}

/** The property holds on every explored schedule: rr, then `runs` random schedules. */
export function passesEverySchedule(body: string, runs = 200): ExploreReport {
  const r = exploreSource(source(body), { strategy: "random", runs });
  // explore() with a single strategy leaves a failed rr baseline out of its verdict, so
  // the baseline is checked on its own.
  expect(r.baseline.kind, "the rr baseline").toBe("passed");
  expect(r.verdict, r.failure?.message).toBe("passed");
  expect(r.schedulesRun).toBe(runs);
  return r;
}

/** A wrong program must be caught (with this verdict) within `runs` random schedules. */
export function caughtAs(verdict: Verdict, body: string, runs = 200): ExploreReport {
  const r = exploreSource(source(body), { strategy: "random", runs });
  expect(r.verdict, r.failure?.message ?? "it passed").toBe(verdict);
  return r;
}
