// Proves the bundled benchmark corpus (issue 3 "Evidence"; `npm run bench` measures it):
// every buggy program passes the un-stressed rr schedule and is caught by the default
// portfolio within 1,000 schedules — with the detectors on (as shipped) and off (the
// schedule alone must make the assert fail or the deadlock happen, so no bug here is a
// detector-only artefact) — and every correct program passes 300 portfolio schedules.
// A buggy program the portfolio stops finding is a loss of power: report it, do not
// re-seed or weaken the program (barrier-event-timed.ts is found only by the portfolio's
// `delay` share, at a low rate per schedule — see its header).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exploreSource } from "../../testing";

const here = path.dirname(fileURLToPath(import.meta.url));

function programs(kind: "buggy" | "correct") {
  const dir = path.join(here, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => ({ name: f.slice(0, -3), source: readFileSync(path.join(dir, f), "utf8") }));
}

/** The bugs that end in a deadlock; every other buggy program fails an assert or crashes (verdict "race"). */
const DEADLOCKS = new Set([
  "lock-order-deadlock",
  "dining-philosophers",
  "missed-notify",
  "reusable-barrier-event",
  "barrier-event-timed",
]);

const buggy = programs("buggy");
const correct = programs("correct");
const options = { strategy: "portfolio" as const, seed: 1, maxSteps: 100_000 };

describe("bench corpus", () => {
  it("has at least 12 buggy and 8 correct programs", () => {
    expect(buggy.length).toBeGreaterThanOrEqual(12);
    expect(correct.length).toBeGreaterThanOrEqual(8);
  });

  for (const detectors of [true, false]) {
    describe(`buggy programs, detectors ${detectors ? "on" : "off"}: found by the portfolio within 1,000 schedules`, () => {
      for (const p of buggy) {
        it(p.name, () => {
          const r = exploreSource(p.source, { ...options, runs: 1000, detectors });
          // With the detectors on, the race and lock-order detectors may already flag the rr
          // schedule; with them off, rr must pass: a bundled bug is a concurrency bug.
          if (!detectors) expect(r.baseline.kind, "the un-stressed rr schedule passes").toBe("passed");
          expect(r.verdict, r.failure?.message).not.toBe("passed");
          expect(r.verdict).toBe(DEADLOCKS.has(p.name) ? "deadlock" : "race");
          expect(r.failure!.schedule).toBeLessThan(1000);
        });
      }
    });
  }

  describe("correct programs pass 300 portfolio schedules", () => {
    for (const p of correct) {
      it(p.name, () => {
        const r = exploreSource(p.source, { ...options, runs: 300 });
        expect(r.verdict, r.failure?.message).toBe("passed");
        expect(r.schedulesRun).toBe(300);
      });
    }
  });
});
