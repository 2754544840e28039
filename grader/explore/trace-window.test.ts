import { describe, expect, it } from "vitest";
import { TRACE_KEEP, traceWindowStart } from "../engine/scheduler";
import type { ScheduleConfig } from "../protocol/types";
import { exploreSource, program, session } from "../testing";

// Issue 17: a traced replay told how many events the untraced run produced records only the
// events its trace keeps (the last 5,000–10,000). It must give exactly what a full traced run
// gives — same events, lines, steps, dropped count, outcome — only faster.

const config: ScheduleConfig = {
  strategy: "rr",
  seed: 0,
  depth: 3,
  expectedSteps: 1,
  guide: [],
  cores: 1,
  maxSteps: 30_000,
  trace: false,
  recordOptions: false,
  entryModule: "program.ts",
  entryExport: "default",
  detectRaces: true,
  detectLockOrder: true,
};

// A spin loop with a lock, a shared counter and a thread blocked to the end: events of every
// kind, sites read late (the blocked thread's wait, the thread in flight at the cut).
const SPIN = program(`
  const lock = new Lock("l");
  const done = new Event("done");
  const counter = new Shared(0, "counter");
  const waiter = spawn(async () => { await done.wait(); }, "Waiter");
  for (;;) {
    await lock.acquire();
    await counter.set((await counter.get()) + 1);
    lock.release();
    await yieldNow();
  }
  await waiter.join();
`);

// A race whose first access comes long before the window: the report names both accesses'
// lines, and the first one's is the site captured when that operation started (enter()), an
// event the trace drops. Why the traced replay still captures every operation's site, not only
// those of the window: the sites feed race and deadlock evidence as well as the trace.
const LATE_RACE = program(`
  const counter = new Shared(0, "counter");
  // Not awaited where it is called: by the time the write takes effect this frame has left
  // the stack, so only the site captured when the operation started names this line.
  const store = (v: number) => counter.set(v);
  const early = spawn(async () => {
    await store(1);
  }, "Early");
  for (let i = 0; i < ${3 * TRACE_KEEP}; i++) await yieldNow();
  const late = spawn(async () => {
    await counter.set(2);
  }, "Late");
  await late.join();
  await early.join();
`);

// A thread that waits from the start and is woken inside the window of a spin loop's step
// limit: the event of its wait returning is in the trace, and its line is the site captured
// when the wait began, long before the window (the only site from before it the trace needs).
const LATE_WAKE = program(`
  const done = new Event("done");
  // Not awaited where it is called: when the wait returns this frame has left the stack.
  const waitDone = () => done.wait();
  const waiter = spawn(async () => {
    await waitDone();
    for (;;) await yieldNow();
  }, "Waiter");
  for (let i = 0; i < 28_000; i++) await yieldNow();
  await done.set();
  for (;;) await yieldNow();
`);

describe("a traced replay that knows its event count", () => {
  it("keeps the window a full trace keeps", () => {
    expect(traceWindowStart(undefined)).toBe(0);
    expect(traceWindowStart(2 * TRACE_KEEP)).toBe(0);
    expect(traceWindowStart(2 * TRACE_KEEP + 1)).toBe(TRACE_KEEP);
    expect(traceWindowStart(3 * TRACE_KEEP)).toBe(TRACE_KEEP);
    expect(traceWindowStart(3 * TRACE_KEEP + 1)).toBe(2 * TRACE_KEEP);
  });

  it("a long schedule: the same result as the full traced run, front events counted as dropped", () => {
    const s = session(SPIN);
    try {
      const plain = s.runSchedule(config);
      expect(plain.outcome.kind).toBe("step-limit");
      expect(plain.events).toBeGreaterThan(3 * TRACE_KEEP);
      const full = s.runSchedule({ ...config, trace: true });
      const windowed = s.runSchedule({ ...config, trace: true, traceEventsKnown: plain.events });
      expect(full.events).toBe(plain.events);
      expect(windowed).toEqual(full);
      expect(windowed.traceDropped).toBe(traceWindowStart(plain.events));
      expect(windowed.trace!.some((e) => e.line !== undefined)).toBe(true);
    } finally {
      s.dispose();
    }
  });

  it("a race found after the window starts: its first access, outside the window, keeps its line", () => {
    const s = session(LATE_RACE);
    try {
      const plain = s.runSchedule(config);
      expect(plain.outcome.kind).toBe("data-race");
      expect(plain.events).toBeGreaterThan(3 * TRACE_KEEP);
      const full = s.runSchedule({ ...config, trace: true });
      const windowed = s.runSchedule({ ...config, trace: true, traceEventsKnown: plain.events });
      expect(windowed).toEqual(full);
      const race = windowed.outcome.kind === "data-race" ? windowed.outcome.race : null;
      expect(race!.first.thread).toBe("Early");
      expect(race!.first.step).toBeLessThan(windowed.traceDropped!);
      expect(windowed.trace!.some((e) => e.step === race!.first.step)).toBe(false);
      expect(race!.first.line).toBeTypeOf("number");
      expect(race!.first.line).not.toBe(race!.second.line);
    } finally {
      s.dispose();
    }
  });

  it("a step limit: sites before the window only where still pending, the same result", () => {
    for (const source of [SPIN, LATE_WAKE]) {
      const s = session(source);
      try {
        const plain = s.runSchedule(config);
        expect(plain.outcome.kind).toBe("step-limit");
        expect(plain.windowSites).toBeDefined();
        const full = s.runSchedule({ ...config, trace: true });
        const known = { ...config, trace: true, traceEventsKnown: plain.events };
        const sparse = s.runSchedule({ ...known, windowSites: plain.windowSites });
        expect(sparse).toEqual(full);
        expect(full.windowSites).toBeUndefined();
        if (source === LATE_WAKE) {
          // The waiter's wait, pending when the window opens, is the site that must be kept:
          // without it the wake-up's event names another line.
          const woke = full.trace!.find((e) => e.thread === "Waiter" && e.line !== undefined)!;
          expect(woke.step).toBeGreaterThanOrEqual(full.traceDropped!);
          expect(plain.windowSites!.some(([thread]) => thread === 1)).toBe(true);
          const none = s.runSchedule({ ...known, windowSites: [] });
          expect(none.trace!.find((e) => e.step === woke.step)!.line).not.toBe(woke.line);
        }
      } finally {
        s.dispose();
      }
    }
  });

  it("only a step limit gives windowSites: a race reports a site from before the window", () => {
    const s = session(LATE_RACE);
    try {
      expect(s.runSchedule(config).windowSites).toBeUndefined();
    } finally {
      s.dispose();
    }
  });

  it("a short schedule: nothing skipped", () => {
    const s = session(program(`const c = new Shared(0, "c"); await c.set(1); assert((await c.get()) === 2, "two");`));
    try {
      const plain = s.runSchedule(config);
      expect(plain.outcome.kind).toBe("assertion");
      const full = s.runSchedule({ ...config, trace: true });
      const windowed = s.runSchedule({ ...config, trace: true, traceEventsKnown: plain.events });
      expect(plain.events).toBe(full.trace!.length);
      expect(windowed).toEqual(full);
      expect(windowed.traceDropped).toBe(0);
    } finally {
      s.dispose();
    }
  });

  it("a failure found untraced is explained with the window of the full trace", () => {
    const report = exploreSource(SPIN, { strategy: "rr", runs: 1, cores: 1, maxSteps: 30_000 });
    const trace = report.failure!.trace;
    expect(report.failure!.kind).toBe("step-limit");
    expect(trace.length).toBeGreaterThan(TRACE_KEEP);
    expect(trace.length).toBeLessThanOrEqual(2 * TRACE_KEEP);
    // Contiguous steps up to the cut, numbered as in the whole schedule, with their lines.
    expect(trace.every((e, i) => e.step === trace[0]!.step + i)).toBe(true);
    expect(trace[0]!.step).toBeGreaterThan(0);
    expect(trace.filter((e) => e.line !== undefined).length).toBeGreaterThan(TRACE_KEEP / 2);
  });
});
