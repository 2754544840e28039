// The deterministic scheduler: exactly one virtual thread holds the baton between two
// scheduling points. A thread at a point asks the strategy who goes next; if it is someone
// else, the thread parks on a promise and the chosen thread's promise is resolved. Nothing
// here reads a real clock: time is virtual and advances only when no thread can run.
//
// Longer than our ~400 lines on purpose: one class whose state every part reads at each
// scheduling point (the hot path of bench section a); splitting it would put an indirection
// there. Its cold parts live elsewhere: naming a deadlock in detect/deadlock/wait-for.ts,
// describing errors and values in describe.ts, the CPU model in cores.ts, costs in costs.ts.

import type { Decision, DecisionReason, PointKind, Strategy } from "./strategies/strategy";
import { DivergenceError, WAIT_FOR_TIME } from "./strategies/strategy";
import type {
  DecisionRecord,
  FailureReport,
  ScheduleConfig,
  ScheduleOutcome,
  ScheduleResult,
  SchedulePerfProfile,
  SourceSite,
  StoppedState,
  TraceEvent,
} from "../protocol/types";
import type { LockRef, Monitor } from "./monitor";
import { Prng } from "./prng";
import { Cpu, type CpuDemand } from "./cores";
import { UtilisationRecorder } from "./utilisation";
import { uncharged } from "./builtin-costs";
import { describeDeadlock } from "../detect/deadlock/wait-for";
import {
  cap,
  describeError,
  errorSite,
  formatMs,
  formatValue,
  MAX_MESSAGE,
  MAX_NAME,
  siteKey,
  summarize,
} from "./describe";
import { CARRY_SLICE, CHARGE_QUANTUM, GIL_SWITCH_INTERVAL_MS, UNIT_MS, UNITS_PER_STEP_BUDGET } from "./costs";

/**
 * A thread that runs this many scheduling points in a row without giving the baton away
 * ends the unfair part of the schedule: from then on every decision is a fair random one
 * (Coyote's fair PCT). Spin-waits then terminate instead of being misreported.
 */
export const FAIR_AFTER_STREAK = 2_000;
/** ... or once this share of the step budget is spent (Coyote's fair PCT switches after a bound). */
export const FAIR_AFTER_SHARE = 0.25;

/**
 * Scheduling points in a row with no thread blocking, sleeping, working or ending: the
 * runnable threads only spin. Spinning costs real time, so the clock jumps to the next
 * timed event (a sleeper or a timeout wakes up) instead of never moving.
 */
export const SPIN_WINDOW = 1_000;

/** A traced schedule keeps at most 2 × this many events (the last ones): enough to explain any failure. */
export const TRACE_KEEP = 5_000;

/**
 * The first event a traced schedule of `events` events keeps: the trace drops TRACE_KEEP
 * events from its front each time it grows past 2 × TRACE_KEEP. Undefined (not known): 0.
 */
export function traceWindowStart(events: number | undefined): number {
  if (events === undefined || events <= 2 * TRACE_KEEP) return 0;
  return TRACE_KEEP * (Math.floor((events - 2 * TRACE_KEEP - 1) / TRACE_KEEP) + 1);
}

export type ThreadState = "runnable" | "blocked" | "sleeping" | "working" | "done";

export interface WaitInfo {
  op: string;
  target: string;
  /** The wait list the thread sits in; it is taken out of it when its timeout expires. */
  waiters: VThread[] | null;
  /** The thread that holds what this thread waits for, if one does (for the wait-for cycle). */
  holder?: () => VThread | null | undefined;
  /** An asyncio await (or I/O): a task gives its event loop to the next ready task while it waits. */
  yieldsLoop?: boolean;
  /** What the thread waits for, when "waits in op(target)" does not say it (Queue.join: unfinished tasks). */
  waitsFor?: () => string;
}

/**
 * A virtual process (multiprocessing): its threads share its module instances (`cache`) and,
 * in GIL mode, its GIL; nothing else. Process 0 is the program's main process.
 */
export class VProcess {
  /** The process's module instances (name → exports), filled in by the runtime that starts it. */
  cache: Map<string, unknown> = new Map();
  constructor(
    readonly id: number,
    readonly name: string,
  ) {}
}

/**
 * An asyncio event loop: its tasks are virtual threads that run one at a time. The holder
 * keeps the loop until it awaits something that blocks (WaitInfo.yieldsLoop), sleeps in
 * asyncio or ends; then the task that became ready first gets it.
 */
export class EventLoopRef {
  holder: VThread | null = null;
  constructor(readonly name: string) {}
}

export class VThread {
  state: ThreadState = "runnable";
  resume: (() => void) | null = null;
  /** Virtual time at which a sleep, a piece of work or a timed wait ends. */
  wakeAt = Infinity;
  wait: WaitInfo | null = null;
  waitSite: SourceSite | undefined;
  timedOut = false;
  /** The runtime operation this thread is inside, to catch a missing `await`. */
  inFlight: string | null = null;
  /**
   * Where the operation in flight was called (trace mode). The stack is captured when the
   * operation starts and turned into a line only when someone reads it: formatting a stack
   * costs more than capturing it, and in a long traced schedule most events are dropped
   * unread (issue 17: the traced replay of a 100,000-step spin loop).
   */
  get inFlightSite(): SourceSite | undefined {
    if (this.inFlightStack !== null) {
      this.inFlightResolved = this.inFlightStack();
      this.inFlightStack = null;
    }
    return this.inFlightResolved;
  }
  /** Record where the operation now in flight was called, to be read (once) if needed. */
  setInFlightSite(later: () => SourceSite | undefined): void {
    this.inFlightStack = later;
    this.inFlightResolved = undefined;
  }
  private inFlightStack: (() => SourceSite | undefined) | null = null;
  private inFlightResolved: SourceSite | undefined;
  /** Places where a site may be captured (each operation entered, each block), numbered per thread, traced or not. */
  siteSeq = 0;
  /** The `siteSeq` of the operation in flight, and of the thread's last block. */
  inFlightSeq = 0;
  blockSeq = 0;
  readonly joinWaiters: VThread[] = [];
  /** The lock this thread is about to acquire (set across its scheduling point). */
  pendingLock: LockRef | null = null;
  started = false;
  /** It has had the baton at least once (a stopped schedule says `start` for one that has not). */
  hasRun = false;
  /** Python's daemon threads: the program may end while they are still blocked or running. */
  daemon = false;
  /** CPU time this thread waits for or runs (see cores.ts). */
  demand: CpuDemand | null = null;
  /** Cost units not charged yet (costs.ts). */
  pending = 0;
  /** Units of short bursts not charged yet (charged once they reach CARRY_SLICE). */
  carried = 0;
  /** Where the pending units were spent, "file:line" → units (traced schedules only). */
  lineUnits: Map<string, number> | null = null;
  /** The event loop this thread is a task of (asyncio), or null for a thread. */
  loop: EventLoopRef | null = null;
  /** When it last became runnable: a loop runs its ready tasks in this order. */
  readySeq = 0;
  /** The exception an asyncio task ended with: it waits for whoever awaits the task. */
  endedWith: { error: unknown } | null = null;
  constructor(
    readonly id: number,
    public name: string,
    readonly process: VProcess,
  ) {}
}

/** Thrown into a thread that exhausted the schedule's CPU budget (the schedule is over). */
export class CpuBudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CpuBudgetExceeded";
  }
}

/** A promise that never settles: what an operation returns once the schedule is over. */
const NEVER: Promise<never> = new Promise<never>(() => {});
const noSite = (): SourceSite | undefined => undefined;

export class Scheduler {
  readonly threads: VThread[] = [];
  current: VThread | null = null;
  now = 0;
  steps = 0;
  preemptions = 0;
  workDone = 0;
  outcome: ScheduleOutcome | null = null;
  private decisionIndex = 0;
  private readonly decisions: number[] = [];
  private readonly options: DecisionRecord[] | undefined;
  private readonly trace: TraceEvent[] | undefined;
  /** Where each kept trace event happened, captured cheaply and turned into lines at the end. */
  private traceStacks: (Error | SourceSite | undefined)[] = [];
  /** Events so far (traced or not): the next trace event's step. */
  private traceCount = 0;
  /** Events before this index are counted, not recorded: the ring would drop them anyway. */
  private readonly traceFrom: number;
  /** Events dropped from the front of a long trace (only the last TRACE_KEEP are kept). */
  private traceDropped = 0;
  /**
   * A traced replay of a step-limit failure (`config.windowSites`): before its window, sites
   * are captured only for these operations (thread id → siteSeqs), those still pending when
   * the window opens. Null: every site is captured.
   */
  private readonly sparseSites: Map<number, number[]> | null;
  /** Untraced: where every thread stood at the last few multiples of TRACE_KEEP events (windowSites). */
  private windowSnaps: { at: number; sites: [number, number][] }[] = [];
  readonly cpu: Cpu<VThread>;
  /** Traced schedules: what every thread did while the clock moved (performance reports). */
  private readonly utilisation: UtilisationRecorder | undefined;
  readonly processes: VProcess[] = [new VProcess(0, "MainProcess")];
  /** Cost units ticked by instrumented code and runtime operations. */
  units = 0;
  /** Set while a module loads outside any thread and its top level is charged to main (boot.ts instantiate). */
  chargeLoad = false;
  private readonly maxUnits: number;
  private readyCounter = 0;
  /** Tasks of event loops exist (runnableIds then applies the loop rule). */
  private loops = 0;
  private readonly metrics = new Map<string, number[]>();
  /** Consecutive decisions in which the running thread went on. */
  private streak = 0;
  /** Set once the schedule switched to its fair random suffix. */
  private fair: Prng | null = null;
  /** Scheduling points since a thread last blocked, slept, worked or ended. */
  private spinning = 0;
  /** What the thread at the current scheduling point does next (the `switch` strategy's reduction). */
  private pointKind: PointKind = "sync";
  /** Points before a synchronization where another thread could run (ScheduleResult.syncPoints). */
  private syncPoints = 0;
  /** Set when the schedule stopped at `stopAfterDecisions`. */
  private stopped: StoppedState | undefined;

  constructor(
    readonly config: ScheduleConfig,
    private readonly strategy: Strategy,
    readonly monitor: Monitor,
    /** The user's file and line at the top of the current stack (trace mode only). */
    readonly siteOf: (stack?: string) => SourceSite | undefined,
  ) {
    this.options = config.recordOptions ? [] : undefined;
    this.trace = config.trace ? [] : undefined;
    this.traceFrom = config.trace ? traceWindowStart(config.traceEventsKnown) : 0;
    this.sparseSites = null;
    if (config.trace && config.windowSites && this.traceFrom > 0) {
      this.sparseSites = new Map();
      for (const [thread, seq] of config.windowSites) {
        const list = this.sparseSites.get(thread) ?? [];
        list.push(seq);
        this.sparseSites.set(thread, list);
      }
    }
    this.utilisation = config.trace ? new UtilisationRecorder() : undefined;
    this.cpu = new Cpu<VThread>(config.cores, config.gil === true, GIL_SWITCH_INTERVAL_MS);
    this.maxUnits = config.maxUnits ?? config.maxSteps * UNITS_PER_STEP_BUDGET;
  }

  get mainProcess(): VProcess {
    return this.processes[0]!;
  }

  get tracing(): boolean {
    return this.trace !== undefined;
  }

  get over(): boolean {
    return this.outcome !== null;
  }

  /** Index the next trace event will have (steps count when not tracing): names an access in reports. */
  get traceIndex(): number {
    return this.trace ? this.traceCount : this.steps;
  }

  /**
   * A site resolved later: capturing a stack is cheap in V8, formatting it is not, so
   * detectors and traces keep the Error and read its stack only if they report it.
   */
  siteLater(): () => SourceSite | undefined {
    // (Before a step-limit replay's window no detector reports: its outcome is the step limit.)
    if (!this.trace || (this.sparseSites !== null && this.traceCount < this.traceFrom)) return noSite;
    const e = new Error();
    let site: SourceSite | undefined | null = null;
    return () => (site === null ? (site = this.siteOf(e.stack)) : site);
  }

  // ---- threads -------------------------------------------------------------------------

  /** A new thread of `process` (by default the current thread's process). */
  newThread(name: string, process?: VProcess): VThread {
    const t = new VThread(
      this.threads.length,
      cap(String(name), MAX_NAME),
      process ?? this.current?.process ?? this.mainProcess,
    );
    if (this.trace) t.lineUnits = new Map();
    this.threads.push(t);
    return t;
  }

  newProcess(name: string): VProcess {
    const p = new VProcess(this.processes.length, name);
    this.processes.push(p);
    return p;
  }

  /** Make `t` a task of `loop` (before it starts). */
  bindToLoop(t: VThread, loop: EventLoopRef): void {
    t.loop = loop;
    this.loops++;
  }

  /** Make `t` runnable; `body` starts the first time the scheduler hands it the baton. */
  start(t: VThread, parent: VThread | null, body: () => unknown): void {
    t.started = true;
    t.readySeq = ++this.readyCounter;
    this.afterBurst(t);
    this.strategy.onSpawn(t.id);
    this.monitor.fork(parent?.id ?? null, t.id);
    const go = new Promise<void>((resolve) => {
      t.resume = resolve;
    });
    void go.then(async () => {
      try {
        await body();
      } catch (error) {
        this.crashed(t, error);
        return;
      }
      // What the thread computed since its last scheduling point, and its carried short
      // bursts, before it ends.
      if (!this.over) await this.settle(t, true);
      this.dropPending(t);
      this.ended(t);
    });
  }

  /** Hand the baton to the first thread (main). Called once, outside any thread. */
  boot(main: VThread): void {
    this.run(main);
  }

  private ended(t: VThread): void {
    if (this.over) return;
    if (t.inFlight) {
      this.fail(
        {
          kind: "misuse",
          message: `${t.name} ended while its ${t.inFlight}() had not finished: was an \`await\` missing?`,
        },
        t,
        t.inFlightSite,
      );
      return;
    }
    t.state = "done";
    this.releaseLoop(t);
    this.event(t, "end");
    for (const w of t.joinWaiters.splice(0)) this.wake(w);
    this.switchAway(t, "end");
  }

  private crashed(t: VThread, error: unknown): void {
    if (this.over) return;
    // An error a task raised reaches whoever awaited it: name the task, not only the awaiter.
    const origin = typeof error === "object" && error !== null ? this.raisedIn.get(error) : undefined;
    const who =
      origin && origin !== t.name
        ? `${origin} raised ${describeError(error)} (${t.name} awaited it)`
        : `${t.name} raised ${describeError(error)}`;
    this.fail({ kind: "error", message: who }, t, errorSite(error, this.siteOf));
  }

  /** Which task first raised each error object (for crashed()). */
  private readonly raisedIn = new WeakMap<object, string>();

  /** An asyncio task `t` ended with `error`: remembered for the report of whoever awaits it, and for a deadlock. */
  taskRaised(t: VThread, error: unknown): void {
    t.endedWith = { error };
    if (typeof error === "object" && error !== null && !this.raisedIn.has(error)) this.raisedIn.set(error, t.name);
  }

  // ---- operations ------------------------------------------------------------------------

  /** Enter a runtime operation on the current thread (missing-await and out-of-thread checks). */
  enter(op: string): VThread {
    const t = this.current;
    if (t === null)
      throw new RuntimeError(`${op}() must be called from inside a thread (from main() or a function a Thread runs)`);
    if (t.inFlight !== null) {
      // asyncio code gets asyncio advice: a task makes things overlap with tasks, not threads.
      const advice = t.loop
        ? "A task must await each operation before starting the next; to do things at the same time, create tasks (asyncio.createTask) or gather them."
        : "A thread must await each operation before starting the next; to do things at the same time, start threads.";
      const message = `${op}() was called while ${t.inFlight}() had not finished in ${t.name}: was an \`await\` missing? ${advice}`;
      this.fail({ kind: "misuse", message }, t, this.siteOf());
      throw new RuntimeError(message);
    }
    t.inFlight = op;
    t.inFlightSeq = ++t.siteSeq;
    // Where the program called the operation: after its first await the caller's frame may be
    // gone from the stack (e.g. `return x.get()` without await), so events use this site.
    if (this.tracing) {
      if (this.capturesSite(t, t.inFlightSeq)) {
        const stack = new Error();
        t.setInFlightSite(() => this.siteOf(stack.stack));
      } else t.setInFlightSite(noSite);
    }
    return t;
  }

  /**
   * Whether a traced schedule captures the site numbered `seq` of `t`: always, except before
   * the window of a step-limit replay (`windowSites`), where only the operations and waits
   * still pending when the window opens can show up in what it reports. Capturing a stack at
   * each of 100,000 operations was most of such a replay's cost (issue 17).
   */
  private capturesSite(t: VThread, seq: number): boolean {
    if (this.sparseSites === null || this.traceCount >= this.traceFrom) return true;
    return this.sparseSites.get(t.id)?.includes(seq) ?? false;
  }

  /** Untraced: note the operations and waits pending now, which a replay windowed here would need. */
  private snapWindowSites(): void {
    const sites: [number, number][] = [];
    for (const t of this.threads) {
      if (t.inFlight !== null) sites.push([t.id, t.inFlightSeq]);
      else if (t.state === "blocked") sites.push([t.id, t.blockSeq]);
    }
    this.windowSnaps.push({ at: this.traceCount, sites });
    if (this.windowSnaps.length > 3) this.windowSnaps.shift();
  }

  leave(t: VThread): void {
    t.inFlight = null;
  }

  /**
   * A scheduling point: maybe delay the thread, and let the strategy pick who runs next.
   * Resolves when `t` holds the baton again. Operations call it before they take effect and
   * record their event (`event`) when they do.
   */
  async point(t: VThread, reason: DecisionReason = "point", access = false): Promise<void> {
    if (t.loop !== null && reason === "point") this.checkLoop(t);
    const kind: PointKind = access ? "access" : t.inFlight === null ? "resume" : "sync";
    // The burst that ends here: charged if it is long enough, carried otherwise (costs.ts).
    // The common case (a short burst, little carried) stays synchronous: no extra await.
    if (t.pending < CHARGE_QUANTUM && t.carried + t.pending < CARRY_SLICE) {
      t.carried += t.pending;
      t.pending = 0;
    } else if (!this.over) await this.settle(t, false);
    this.count(t);
    if (this.over) return NEVER;
    // (Set after the burst was charged: charging may let other threads reach their points.)
    this.pointKind = kind;
    const delay = reason === "point" ? this.strategy.delay(this.peek(t, reason)) : 0;
    if (delay > 0) {
      t.state = "sleeping";
      t.wakeAt = this.now + delay;
      this.event(t, "delay", undefined, delay);
      return this.switchAway(t, reason);
    }
    const next = this.decide(t, reason);
    if (next === null || next === t) return next === null ? NEVER : undefined;
    return this.transfer(t, next);
  }

  /** Block `t` until woken or until `deadline`. Resolves to false when the deadline passed. */
  async block(t: VThread, wait: WaitInfo, deadline = Infinity): Promise<boolean> {
    if (this.over) return NEVER;
    this.dropPending(t);
    t.state = "blocked";
    t.wait = wait;
    t.wakeAt = deadline;
    t.timedOut = false;
    wait.waiters?.push(t);
    if (wait.yieldsLoop) this.releaseLoop(t);
    // A block inside an operation shares its site (and its number); one outside gets its own.
    t.blockSeq = t.inFlight !== null ? t.inFlightSeq : ++t.siteSeq;
    if (this.tracing) t.waitSite = t.inFlightSite ?? (this.capturesSite(t, t.blockSeq) ? this.siteOf() : undefined);
    this.event(t, "block", wait.target);
    await this.switchAway(t, "block");
    return !t.timedOut;
  }

  /** Make a blocked thread runnable (it is taken out of its wait list). */
  wake(t: VThread): void {
    if (t.state !== "blocked") return;
    const list = t.wait?.waiters;
    if (list) {
      const i = list.indexOf(t);
      if (i >= 0) list.splice(i, 1);
    }
    t.state = "runnable";
    t.wait = null;
    t.wakeAt = Infinity;
    t.readySeq = ++this.readyCounter;
    this.event(t, "wake");
    this.afterBurst(t);
  }

  /**
   * Started or woken by the running thread in the middle of a burst it has not been charged
   * for yet (spawn, release, set and notify take effect before their scheduling point): `t`
   * may run only once that burst is over in virtual time, as if the effect came at its end.
   */
  private afterBurst(t: VThread): void {
    const by = this.current;
    if (!by || by === t || by.pending < CHARGE_QUANTUM || t.state !== "runnable") return;
    t.state = "sleeping";
    t.wakeAt = this.now + by.pending * UNIT_MS;
  }

  /** Occupy a virtual core for `units` of virtual time. */
  async work(t: VThread, units: number): Promise<void> {
    await this.point(t);
    this.event(t, "work", undefined, units);
    this.dropPending(t);
    const site = this.tracing ? this.siteOf() : undefined;
    await this.compute(t, units, site ? new Map([[siteKey(site), 1]]) : null);
  }

  /**
   * `t` computes for `ms` of virtual CPU time: it waits for a core (and its process's GIL in
   * GIL mode), runs, and goes on when the CPU is done with it. No scheduling point of its own.
   */
  async compute(t: VThread, ms: number, sites: Map<string, number> | null = null): Promise<void> {
    if (ms <= 0 || this.over) return;
    this.workDone += ms;
    this.cpu.request(t, ms, this.now, sites);
    await this.switchAway(t, "block");
  }

  /** Charge the burst `t` computed since its last scheduling point (instrumented code). */
  private async chargePending(t: VThread): Promise<void> {
    const units = t.pending;
    t.pending = 0;
    const sites = t.lineUnits;
    if (sites) t.lineUnits = new Map();
    this.event(t, "compute", undefined, units * UNIT_MS);
    await this.compute(t, units * UNIT_MS, sites);
  }

  /**
   * End of a burst: a long one is charged now; a short one is carried, and the carried
   * units are charged once they reach a time slice (or at the thread's end). Without the
   * carry a program could compute for free in slices shorter than the quantum, with a
   * scheduling point between them (costs.ts).
   */
  private async settle(t: VThread, ending: boolean): Promise<void> {
    if (t.pending >= CHARGE_QUANTUM) {
      await this.chargePending(t);
      return;
    }
    t.carried += t.pending;
    t.pending = 0;
    if (t.carried >= CARRY_SLICE || (ending && t.carried >= CHARGE_QUANTUM)) {
      t.pending = t.carried;
      t.carried = 0;
      await this.chargePending(t);
    }
  }

  /** Discard the current burst (code the runtime ran for the thread, not the program). */
  private dropPending(t: VThread): void {
    t.pending = 0;
    if (t.lineUnits && t.lineUnits.size > 0) t.lineUnits = new Map();
  }

  /**
   * Instrumented code ran `units` statements at `file:line` (grader/compile/instrument.ts),
   * or a built-in computed that much (builtin-costs.ts). Past the CPU budget the schedule is
   * over and the thread is stopped where it is. Only a positive, finite count is cost: a
   * counter the program somehow reached could not give time back.
   */
  tick(units: number, line: number, file: string): void {
    if (!(units > 0 && units < Infinity)) return;
    this.units += units;
    let t = this.current;
    if (t === null) {
      // Loading the program (module top-level code) happens before main runs: it is main's
      // first burst, charged with it (chargeLoad: set by boot.ts while a module other than
      // the exercise harness loads). Outside a load it is only counted against the budget.
      const main = this.threads[0];
      if (main && this.units > this.maxUnits) this.cpuBudgetExceeded(main, line, file);
      if (!main || !this.chargeLoad) return;
      t = main;
    }
    t.pending += units;
    if (t.lineUnits) {
      const key = `${file}:${line}`;
      t.lineUnits.set(key, (t.lineUnits.get(key) ?? 0) + units);
    }
    if (this.units > this.maxUnits) this.cpuBudgetExceeded(t, line, file);
  }

  private cpuBudgetExceeded(t: VThread, line: number, file: string): never {
    const message = `${t.name} computed for more than ${formatMs(this.maxUnits * UNIT_MS)} of virtual CPU time (${this.maxUnits} statements) without finishing: an endless loop, or far more computation than the exercise expects (${file}:${line})`;
    if (!this.over) {
      this.fail({ kind: "step-limit", message, budget: "cpu" }, t, { file, line });
      // The runtime stops this thread: it never gets the baton again.
      t.state = "done";
    }
    throw new CpuBudgetExceeded(message);
  }

  /** A harness measurement (latency of one request, say): summarized in the result. */
  measure(name: string, value: number): void {
    let samples = this.metrics.get(name);
    if (!samples) this.metrics.set(name, (samples = []));
    if (samples.length < MAX_SAMPLES) samples.push(value);
  }

  /** asyncio.sleep(0): the task goes to the back of its loop's ready queue. */
  async yieldLoop(t: VThread): Promise<void> {
    this.releaseLoop(t);
    t.readySeq = ++this.readyCounter;
    await this.point(t, "yield");
  }

  /**
   * A task that is picked takes its loop, whether the baton moves to it or it was the one
   * deciding (it blocked, time passed, and it is picked again): the tasks of one loop run
   * on one thread, one after the other, and the loop orders them for the race detector.
   */
  private takeLoop(t: VThread): void {
    const loop = t.loop;
    if (loop && loop.holder !== t) {
      loop.holder = t;
      this.monitor.acquire(t, loop);
    }
  }

  /**
   * The loop-ownership invariant, checked whenever a thread gets or keeps the baton: a task
   * runs only while it holds its loop. Broken, another task of the loop could run in the
   * middle of its read-modify-write (asyncio promises atomicity between blocking awaits).
   */
  private checkLoop(t: VThread): void {
    const loop = t.loop;
    if (loop && loop.holder !== t && !this.over)
      this.fail(
        {
          kind: "error",
          message: `internal error: ${t.name} runs without holding ${loop.name} (held by ${loop.holder?.name ?? "nobody"}); please report this program`,
        },
        t,
      );
  }

  private releaseLoop(t: VThread): void {
    const loop = t.loop;
    if (loop && loop.holder === t) {
      this.monitor.release(t, loop);
      loop.holder = null;
    }
  }

  async sleep(t: VThread, ms: number): Promise<void> {
    await this.point(t);
    this.event(t, "sleep", undefined, ms);
    this.dropPending(t);
    if (ms <= 0) return;
    t.state = "sleeping";
    t.wakeAt = this.now + ms;
    await this.switchAway(t, "block");
  }

  /** A point that returns a thenable: the effect already happened; awaiting it lets others run. */
  lazyPoint(): PromiseLike<void> {
    const thenable = {
      then: <R1 = void, R2 = never>(
        onFulfilled?: ((value: void) => R1 | PromiseLike<R1>) | null,
        onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
      ): PromiseLike<R1 | R2> => {
        const t = this.current;
        const p = t === null || this.over ? Promise.resolve() : this.point(t);
        return p.then(onFulfilled, onRejected);
      },
    };
    return Object.freeze(thenable);
  }

  // ---- failures --------------------------------------------------------------------------

  /** End the schedule with `failure` (the first one stands), in thread `t` at `site`. */
  fail(failure: FailureReport, t?: VThread | null, site?: SourceSite): void {
    if (this.outcome) return;
    this.outcome = {
      ...failure,
      message: cap(failure.message, MAX_MESSAGE),
      thread: t?.name,
      file: site?.file,
      line: site?.line,
    };
    if (this.trace && t) this.traceEvent(t, "fail", failure.kind, undefined, site ?? new Error());
  }

  // ---- the baton -------------------------------------------------------------------------

  private transfer(from: VThread, to: VThread): Promise<void> {
    return new Promise<void>((resolve) => {
      from.resume = resolve;
      this.run(to);
    });
  }

  private run(to: VThread): void {
    this.current = to;
    to.hasRun = true;
    this.checkLoop(to);
    const resume = to.resume;
    to.resume = null;
    resume?.();
  }

  /** `t` cannot go on (blocked, sleeping, working or done): pass the baton on. */
  private switchAway(t: VThread, reason: DecisionReason): Promise<void> {
    const next = this.decide(t, reason);
    if (next === null) return NEVER;
    if (next === t) return Promise.resolve();
    if (t.state === "done") {
      this.run(next);
      return Promise.resolve();
    }
    return this.transfer(t, next);
  }

  /** Threads the strategy may pick: runnable, and for a task, its loop's turn. */
  private runnableIds(): number[] {
    const ids: number[] = [];
    if (this.loops === 0) {
      for (const t of this.threads) if (t.state === "runnable") ids.push(t.id);
      return ids;
    }
    const firstReady = new Map<EventLoopRef, VThread>();
    for (const t of this.threads) {
      const loop = t.loop;
      if (t.state !== "runnable" || !loop || loop.holder !== null) continue;
      const best = firstReady.get(loop);
      if (!best || t.readySeq < best.readySeq) firstReady.set(loop, t);
    }
    for (const t of this.threads) {
      if (t.state !== "runnable") continue;
      const loop = t.loop;
      if (!loop || loop.holder === t || (loop.holder === null && firstReady.get(loop) === t)) ids.push(t.id);
    }
    return ids;
  }

  private peek(t: VThread, reason: DecisionReason): Decision {
    return {
      runnable: this.runnableIds(),
      running: t.id,
      canContinue: true,
      reason,
      index: this.decisionIndex,
      kind: this.pointKind,
    };
  }

  /** Ask the strategy for the next thread; advance virtual time when nobody can run. */
  private decide(running: VThread, reason: DecisionReason): VThread | null {
    if (this.over) return null;
    for (;;) {
      if (!this.anyLiveNonDaemon()) {
        this.finish();
        return null;
      }
      const runnable = this.runnableIds();
      if (runnable.length === 0) {
        if (this.advanceTime()) continue;
        this.finish();
        return null;
      }
      if (this.config.stopAfterDecisions !== undefined && this.decisionIndex >= this.config.stopAfterDecisions) {
        this.stop(runnable);
        return null;
      }
      const canContinue = running.state === "runnable";
      const why: DecisionReason = canContinue ? reason : running.state === "done" ? "end" : "block";
      if (canContinue) this.spinning++;
      else this.spinning = 0;
      if (this.spinning >= SPIN_WINDOW && this.hasTimedEvent()) {
        this.spinning = 0;
        this.advanceTime();
        continue;
      }
      const guided = this.config.strategy === "guided" && this.decisionIndex < this.config.guide.length;
      if (
        this.fair === null &&
        !guided &&
        runnable.length > 1 &&
        // A thread hogging the baton, or simply a long schedule: the unfair prefix (PCT keeps
        // waking the same low-priority loser forever) ends after a quarter of the budget, so
        // the last half that the liveness analysis reads is always fair.
        ((canContinue && why === "point" && this.streak >= FAIR_AFTER_STREAK) ||
          this.steps >= this.config.maxSteps * FAIR_AFTER_SHARE)
      ) {
        this.fair = new Prng(this.config.seed, 3);
      }
      const kind = canContinue && why === "point" ? this.pointKind : undefined;
      if (kind === "sync" && runnable.length > 1) this.syncPoints++;
      let chosen: number;
      if (this.fair !== null) {
        chosen = runnable[this.fair.int(runnable.length)]!;
      } else {
        try {
          chosen = this.strategy.choose({
            runnable,
            running: running.id,
            canContinue,
            reason: why,
            index: this.decisionIndex,
            kind,
          });
        } catch (error) {
          if (error instanceof DivergenceError) {
            this.fail({ kind: "diverged", message: error.message }, running);
            return null;
          }
          throw error;
        }
      }
      // WAIT_FOR_TIME: every runnable thread is held back (a directed schedule pausing them
      // at a lock): let virtual time pass so that sleeping threads can arrive; if nothing is
      // pending, the first runnable thread goes on.
      if (chosen === WAIT_FOR_TIME) {
        if (this.advanceTime()) continue;
        chosen = runnable[0]!;
      }
      this.streak = canContinue && chosen === running.id ? this.streak + 1 : 0;
      this.decisionIndex++;
      this.decisions.push(chosen);
      // A yield gives the baton away on purpose: switching there is not a preemption.
      this.options?.push({ chosen, runnable, current: canContinue && why === "point" ? running.id : -1 });
      if (canContinue && why === "point" && chosen !== running.id) this.preemptions++;
      const next = this.threads[chosen]!;
      this.takeLoop(next);
      return next;
    }
  }

  /**
   * The prefix is done (`stopAfterDecisions`): note where every thread stands and end the
   * schedule here. Every thread is parked at a scheduling point, so the operation it is inside
   * (`inFlight`) is the one it takes when it runs next.
   */
  private stop(runnable: number[]): void {
    this.stopped = {
      after: this.decisionIndex,
      runnable,
      threads: this.threads
        .filter((t) => t.started && t.state !== "done")
        .map((t) => {
          const site = t.state === "blocked" ? t.waitSite : t.inFlightSite;
          return {
            id: t.id,
            name: t.name,
            state: t.state,
            op: t.wait?.op ?? t.inFlight ?? (t.hasRun ? undefined : "start"),
            target: t.wait?.target,
            file: t.inFlight !== null || t.wait ? site?.file : undefined,
            line: t.inFlight !== null || t.wait ? site?.line : undefined,
          };
        }),
    };
    this.outcome = {
      kind: "passed",
      message: `stopped after ${this.decisionIndex} decisions, before the program ended`,
    };
  }

  /** (A plain loop: this runs at every decision.) */
  private anyLiveNonDaemon(): boolean {
    const threads = this.threads;
    for (let i = 0; i < threads.length; i++) {
      const t = threads[i]!;
      if (!t.daemon && t.state !== "done") return true;
    }
    return false;
  }

  private hasTimedEvent(): boolean {
    for (const t of this.threads) if (t.state !== "runnable" && t.state !== "done" && t.wakeAt < Infinity) return true;
    return false;
  }

  /** Jump the clock to the next sleep, work completion or timeout. False when there is none. */
  private advanceTime(): boolean {
    let next = Infinity;
    for (const t of this.threads) if (t.state !== "runnable" && t.state !== "done" && t.wakeAt < next) next = t.wakeAt;
    if (next === Infinity) return false;
    this.cpu.account(this.now, next);
    this.utilisation?.record(this.threads, this.now, next, (t) => this.cpu.stateOf(t));
    this.now = next;
    for (const t of this.threads) {
      if (t.wakeAt !== next || t.state === "runnable" || t.state === "done") continue;
      t.wakeAt = Infinity;
      if (t.state === "working" && !this.cpu.sliceEnded(t, next)) continue;
      if (t.state === "blocked") {
        t.timedOut = true;
        const list = t.wait?.waiters;
        if (list) {
          const i = list.indexOf(t);
          if (i >= 0) list.splice(i, 1);
        }
        t.wait = null;
        this.event(t, "timeout");
      }
      t.state = "runnable";
      t.readySeq = ++this.readyCounter;
    }
    this.cpu.dispatch(this.now);
    return true;
  }

  /** Nobody can run and no clock event is pending: the program ended or deadlocked. */
  private finish(): void {
    const live = this.threads.filter((t) => t.state !== "done");
    if (!live.some((t) => !t.daemon)) {
      this.outcome ??= { kind: "passed", message: "all threads finished" };
      return;
    }
    // A task that died first is often why the others wait (it never put, set or released).
    const died = this.threads
      .filter((t) => t.state === "done" && t.endedWith !== null)
      .map((t) => `${t.name} had already ended with ${describeError(t.endedWith!.error)}`);
    const { message, waits, cycle } = describeDeadlock(live, died);
    this.fail({ kind: "deadlock", message, waits, cycle }, null);
  }

  // ---- events ----------------------------------------------------------------------------

  /** Count a scheduling point against the step budget. */
  private count(t: VThread): void {
    this.steps++;
    if (this.steps > this.config.maxSteps && !this.over) {
      this.fail(
        {
          kind: "step-limit",
          message: `the program did not finish within ${this.config.maxSteps} scheduling points (a spin loop, a livelock, or simply too much work)`,
        },
        t,
        this.siteOf(),
      );
    }
  }

  /** Record what a thread did (trace mode only). */
  event(t: VThread, op: string, target?: string, value?: unknown): void {
    // Counted traced or not (the result's `events`); a replay told the count records only the
    // events its trace would keep (`traceEventsKnown`), the rest are counted as dropped.
    if (!this.trace || this.traceCount < this.traceFrom) {
      if (!this.trace && this.traceCount % TRACE_KEEP === 0 && this.traceCount > 0) this.snapWindowSites();
      this.traceCount++;
      if (this.trace) this.traceDropped++;
      return;
    }
    const where = t.inFlight !== null && t.inFlightSite ? t.inFlightSite : new Error();
    // (Uncharged: a traced schedule must cost what an untraced one does; builtin-costs.ts.)
    uncharged(() => this.traceEvent(t, op, target, value, where));
  }

  private traceEvent(
    t: VThread,
    op: string,
    target: string | undefined,
    value: unknown,
    where: Error | SourceSite,
  ): void {
    const e: TraceEvent = { step: this.traceCount++, thread: t.name, op, time: this.now };
    if (target !== undefined) e.target = cap(target, MAX_NAME);
    if (value !== undefined) e.value = formatValue(value);
    this.trace!.push(e);
    this.traceStacks.push(where);
    if (this.trace!.length > 2 * TRACE_KEEP) {
      this.trace!.splice(0, TRACE_KEEP);
      this.traceStacks.splice(0, TRACE_KEEP);
      this.traceDropped += TRACE_KEEP;
    }
  }

  /** Lines for the kept events (their stacks are read only now). */
  private finishTrace(): TraceEvent[] | undefined {
    const trace = this.trace;
    if (!trace) return undefined;
    for (let i = 0; i < trace.length; i++) {
      const where = this.traceStacks[i];
      const site = where instanceof Error ? this.siteOf(where.stack) : where;
      if (site?.line !== undefined) {
        trace[i]!.line = site.line;
        trace[i]!.file = site.file;
      }
    }
    this.traceStacks = [];
    return trace;
  }

  /** Where the schedule ran serially (exactly one thread computing), for the speedup report. */
  private profileResult(): SchedulePerfProfile {
    const p = this.cpu.profile;
    const serial = [...p.serialSites]
      .map(([key, time]) => {
        const i = key.lastIndexOf(":");
        return { file: key.slice(0, i), line: Number(key.slice(i + 1)), time };
      })
      .filter((x) => x.time > 0)
      .sort((a, b) => b.time - a.time || a.file.localeCompare(b.file) || a.line - b.line)
      .slice(0, 200);
    return { serialTime: p.serialTime, parallelTime: p.parallelTime, serial };
  }

  result(): ScheduleResult {
    const outcome = this.outcome ?? {
      kind: "escaped" as const,
      message: `${this.current?.name ?? "a thread"} is waiting for a promise the scheduler does not control (a Promise that never settles, a timer, or an operation from another schedule). Use the runtime's primitives (sleep, Event, Queue, ...) to wait.`,
      thread: this.current?.name,
    };
    return {
      outcome,
      steps: this.steps,
      syncPoints: this.syncPoints,
      // Exploration only needs the decisions of a failing schedule (or when it records options).
      decisions: outcome.kind === "passed" && !this.options ? [] : this.decisions,
      options: this.options,
      preemptions: this.preemptions,
      time: this.now,
      work: this.workDone,
      units: this.units,
      processes: this.processes.length,
      metrics: this.metrics.size > 0 ? summarize(this.metrics) : undefined,
      profile: this.trace ? this.profileResult() : undefined,
      utilisation: this.utilisation?.result(),
      threads: this.threads.map((t) => t.name),
      finalStates: this.threads
        .filter((t) => t.started)
        .map((t) => ({ thread: t.name, state: t.state, op: t.wait?.op, target: t.wait?.target })),
      trace: this.finishTrace(),
      traceDropped: this.trace ? this.traceDropped : undefined,
      // The failure event is recorded in traced schedules only: count it in the others too.
      events:
        this.traceCount +
        (!this.trace && this.outcome && "thread" in this.outcome && this.outcome.thread !== undefined ? 1 : 0),
      stopped: this.stopped,
      windowSites: this.windowSitesResult(),
    };
  }

  /**
   * An untraced schedule that ran into its step budget: the sites its traced replay needs
   * from before its window (`ScheduleConfig.windowSites`). Only for that outcome: any other
   * may report a site from anywhere (a race's first access, a lock taken long ago).
   */
  private windowSitesResult(): [number, number][] | undefined {
    if (this.trace || this.outcome?.kind !== "step-limit" || this.outcome.budget === "cpu") return undefined;
    const at = traceWindowStart(this.traceCount + (this.outcome.thread !== undefined ? 1 : 0));
    return at > 0 ? this.windowSnaps.find((w) => w.at === at)?.sites : undefined;
  }
}

const MAX_SAMPLES = 100_000;

export { describeError, formatValue } from "./describe";

export class RuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuntimeError";
  }
}
