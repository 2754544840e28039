import { GradeReport, type CheckResult, type Failure, type Performance, type TraceEvent } from "./grade-report.schema";
import type { GradingDelay } from "./grading-delay";
import { studentVerdict } from "./student-verdict";
import type { SubmissionKind } from "./submit-solution.schema";

// What pages and the results API hand to the browser: the stored report, parsed, with hidden
// checks reduced to their title and pass/fail — no verdict, message, trace or feedback of a
// hidden check ever leaves the server — and the failing interleaving of the first failing
// visible check. The overall verdict is the first failing visible check's (student-verdict.ts).
// A little over our ~400 lines: the one place that decides what of a report leaves the server
// (each outcome kind's evidence, narrowed on its kind) is easier to audit whole.

export const SUBMISSION_STATUSES = ["queued", "running", "done", "failed"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The name of the student's file in traces and reports (grader: gradeSolution's displayName). */
export const SOLUTION_FILE = "solution.ts";

/** Longer traces are cut from the front: the end is where the failure is. */
export const MAX_TIMELINE_EVENTS = 2_000;

export type { TraceEvent };

export type CheckView =
  | { kind: "hidden"; title: string; passed: boolean }
  | {
      kind: "visible";
      id: string;
      title: string;
      passed: boolean;
      verdict: string;
      message: string;
      /** The exercise author's hint for this check, shown when it failed. */
      feedback: string | null;
      points: number;
      earned: number;
      schedulesRun: number;
      /** A performance check's measurement (speedup chart, utilisation strip). */
      performance: PerformanceView | null;
    };

export type UtilisationView = NonNullable<Performance["utilisation"]>;

export type PerformanceView = {
  kind: string;
  passed: boolean;
  cores: number;
  makespan: number;
  t1: number | null;
  speedup: number | null;
  minSpeedup: number | null;
  maxMakespan: number | null;
  /** Karp–Flatt serial fraction on `cores` cores. */
  serialFraction: number | null;
  /** Lines of the student's file that ran serially (the explanation names them). */
  serialLines: { from: number; to: number } | null;
  utilisation: UtilisationView | null;
};

export type FailureView = {
  checkTitle: string;
  verdict: string;
  message: string;
  /** Where it failed (the student's file, or "the exercise's checks" for the harness). */
  file: string | null;
  line: number | null;
  /** Which interleaving the timeline shows ("lost-update": a race's, run with the detectors off). */
  traceKind: "shrunk" | "found" | "deadlock-fuzzer" | "lost-update";
  /** Preemptions of the shown interleaving (null for a DeadlockFuzzer schedule). */
  preemptions: number | null;
  /** Preemptions of the schedule as first found (before shrinking). */
  foundPreemptions: number;
  strategy: string;
  seed: number;
  schedule: number;
  failingShare: { failed: number; explored: number } | null;
  threads: string[];
  trace: TraceEvent[];
  /** Events cut from the front of a very long trace. */
  omittedEvents: number;
  waits: { thread: string; op: string; target: string; holder: string | null; line: number | null }[];
  cycle: string[];
  race: {
    target: string;
    kind: string;
    accesses: { thread: string; op: string; line: number | null; step: number }[];
  } | null;
  lockOrder: { thread: string; held: string; acquired: string; heldLine: number | null; acquiredLine: number | null }[];
  liveness: { verdict: string; message: string; starved: string[]; lines: number[] } | null;
  deadlockConfirmation: { happened: boolean; attempts: number } | null;
  /**
   * A race shown as a lost update: the timeline's events (indices in `trace`) of the two reads of
   * one value and the two writes, adjacent; `overwritten` is the value the second write replaced.
   */
  lostUpdate: {
    target: string;
    events: [number, number, number, number];
    read: string | null;
    overwritten: string | null;
    /** The program's own failure on that schedule (e.g. a wrong total). */
    message: string;
    /** The schedule's decisions: `replay --schedule … --no-detectors` gives this very trace. */
    decisions: number[];
  } | null;
};

export type ResultView = {
  verdict: string;
  passed: boolean;
  score: number;
  maxScore: number;
  checks: CheckView[];
  /** Compile errors in the student's file. */
  diagnostics: { line: number; column: number; message: string }[];
  /** The first failing visible check's failure, with its interleaving. */
  failure: FailureView | null;
  /** Only hidden checks failed: the student is told so, without details. */
  onlyHiddenChecksFailed: boolean;
  /** The stored report could not be read (an older or damaged report). */
  unreadable: boolean;
  /** The report was too large to store whole: traces or details were cut. */
  truncated: boolean;
};

export type SubmissionView = {
  id: string;
  status: SubmissionStatus;
  /** "run": the quick check, never scored; "submit": graded and counted. */
  kind: SubmissionKind;
  exercise: { slug: string; title: string };
  createdAt: string;
  finishedAt: string | null;
  attempts: number;
  /** Why grading failed (status "failed"). */
  error: string | null;
  code: string;
  result: ResultView | null;
  /** Set by getSubmissionForViewer on a submission queued too long (grading-delay.ts). */
  delay?: GradingDelay | null;
};

export type SubmissionRow = {
  id: string;
  status: string;
  kind: string;
  createdAt: Date;
  finishedAt: Date | null;
  attempts: number;
  error: string | null;
  code: string;
  exercise: { slug: string; title: string };
  result: { verdict: string; score: number; maxScore: number; reportJson: string } | null;
};

export function parseStatus(value: string): SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(value) ? (value as SubmissionStatus) : "failed";
}

export function parseKind(value: string): SubmissionKind {
  return value === "run" ? "run" : "submit";
}

export function toSubmissionView(row: SubmissionRow): SubmissionView {
  return {
    id: row.id,
    status: parseStatus(row.status),
    kind: parseKind(row.kind),
    exercise: row.exercise,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    attempts: row.attempts,
    error: row.error,
    code: row.code,
    result: row.result ? toResultView(row.result) : null,
  };
}

export function toResultView(result: NonNullable<SubmissionRow["result"]>): ResultView {
  const base = {
    verdict: result.verdict,
    passed: result.verdict === "passed",
    score: result.score,
    maxScore: result.maxScore,
  };
  const parsed = GradeReport.safeParse(safeJson(result.reportJson));
  if (!parsed.success) {
    return {
      ...base,
      checks: [],
      diagnostics: [],
      failure: null,
      onlyHiddenChecksFailed: false,
      unreadable: true,
      truncated: false,
    };
  }
  const report = parsed.data;
  const firstVisibleFailure = report.checks.find((c) => !c.hidden && c.verdict !== "passed" && c.failure);
  const verdict = studentVerdict(report.checks, result.verdict);
  return {
    ...base,
    verdict,
    passed: verdict === "passed",
    checks: report.checks.map(toCheckView),
    diagnostics: (report.diagnostics ?? [])
      .filter((d) => d.file === SOLUTION_FILE)
      .map(({ line, column, message }) => ({ line, column, message })),
    failure: firstVisibleFailure ? toFailureView(firstVisibleFailure, firstVisibleFailure.failure!) : null,
    onlyHiddenChecksFailed:
      report.checks.some((c) => c.hidden && c.verdict !== "passed") &&
      report.checks.every((c) => c.hidden || c.verdict === "passed"),
    unreadable: false,
    truncated: report.truncated !== undefined,
  };
}

function toCheckView(check: CheckResult): CheckView {
  const passed = check.verdict === "passed";
  if (check.hidden) return { kind: "hidden", title: check.title, passed };
  return {
    kind: "visible",
    id: check.id,
    title: check.title,
    passed,
    verdict: check.verdict,
    message: check.message,
    feedback: passed ? null : (check.feedback ?? null),
    points: check.points,
    earned: check.earned,
    schedulesRun: check.schedulesRun,
    performance: check.performance ? toPerformanceView(check.performance) : null,
  };
}

function toPerformanceView(p: Performance): PerformanceView {
  return {
    kind: p.kind,
    passed: p.passed,
    cores: p.cores,
    makespan: p.makespan,
    t1: p.t1 ?? null,
    speedup: p.speedup ?? null,
    minSpeedup: p.minSpeedup ?? null,
    maxMakespan: p.maxMakespan ?? null,
    serialFraction: p.serialFraction ?? null,
    serialLines: p.serial && p.serial.file === SOLUTION_FILE ? { from: p.serial.from, to: p.serial.to } : null,
    utilisation: p.utilisation ?? null,
  };
}

/** A line is shown only when it is in the student's file: the harness is hidden. */
function studentLine(site: { file?: string; line?: number }): number | null {
  return site.file === SOLUTION_FILE && site.line !== undefined ? site.line : null;
}

function toFailureView(check: CheckResult, failure: Failure): FailureView {
  // The clearest interleaving: a deadlock the DeadlockFuzzer made happen, else the shrunk
  // schedule (fewest preemptions), else the schedule as found.
  const confirmed = failure.confirmation?.happened && failure.confirmation.trace?.length ? failure.confirmation : null;
  // A data race: the schedule where it loses an update in plain sight, when the grader found one
  // (whole: its marked events must still be there).
  const lost =
    failure.lostUpdate && !failure.lostUpdate.traceOmitted && failure.lostUpdate.trace.length <= MAX_TIMELINE_EVENTS
      ? failure.lostUpdate
      : null;
  const shown = lost
    ? {
        traceKind: "lost-update" as const,
        trace: lost.trace,
        preemptions: lost.preemptions,
        omitted: 0,
      }
    : confirmed
      ? {
          traceKind: "deadlock-fuzzer" as const,
          trace: confirmed.trace!,
          preemptions: null,
          omitted: confirmed.traceOmitted ?? 0,
        }
      : failure.shrunk
        ? {
            traceKind: "shrunk" as const,
            trace: failure.shrunk.trace,
            preemptions: failure.shrunk.preemptions,
            omitted: failure.shrunk.traceOmitted ?? 0,
          }
        : {
            traceKind: "found" as const,
            trace: failure.trace,
            preemptions: failure.preemptions,
            omitted: failure.traceOmitted ?? 0,
          };
  const kept = causalOrder(shown.trace.slice(-MAX_TIMELINE_EVENTS));
  const threads = [...failure.threads];
  for (const event of kept) if (!threads.includes(event.thread)) threads.push(event.thread);
  const outcome = failure.outcome;
  // (A failure's outcome is never "passed", which has no site; the stored union still has it.)
  const site: { file?: string; line?: number } = outcome.kind === "passed" ? {} : outcome;
  const evidence = evidenceView(outcome);
  return {
    checkTitle: check.title,
    verdict: failure.verdict,
    message: failure.message,
    file: site.file === SOLUTION_FILE ? SOLUTION_FILE : site.file ? "the exercise's checks" : null,
    line: studentLine(site),
    traceKind: shown.traceKind,
    preemptions: shown.preemptions,
    foundPreemptions: failure.preemptions,
    strategy: failure.strategy,
    seed: failure.seed,
    schedule: failure.schedule,
    failingShare: check.report?.failingShare ?? null,
    threads,
    trace: kept.map(withoutHarnessLine),
    omittedEvents: shown.omitted + shown.trace.length - kept.length,
    ...evidence,
    liveness: failure.liveness ?? null,
    deadlockConfirmation: failure.confirmation
      ? { happened: failure.confirmation.happened, attempts: failure.confirmation.attempts }
      : null,
    lostUpdate:
      lost && evidence.race
        ? {
            target: evidence.race.target,
            events: lost.steps.map((i) => kept.indexOf(lost.trace[i]!)) as [number, number, number, number],
            read: lost.trace[lost.steps[0]]?.value ?? null,
            overwritten: lost.trace[lost.steps[2]]?.value ?? null,
            message: lost.message,
            decisions: lost.decisions ?? [],
          }
        : null,
  };
}

type EvidenceView = Pick<FailureView, "waits" | "cycle" | "race" | "lockOrder">;

/** The evidence the outcome's kind carries: a deadlock's waits, a lock-order cycle, a race's two accesses. */
function evidenceView(outcome: Failure["outcome"]): EvidenceView {
  const none: EvidenceView = { waits: [], cycle: [], race: null, lockOrder: [] };
  switch (outcome.kind) {
    case "deadlock":
      return {
        ...none,
        waits: outcome.waits.map((w) => ({
          thread: w.thread,
          op: w.op,
          target: w.target,
          holder: w.holder ?? null,
          line: studentLine(w),
        })),
        cycle: outcome.cycle ?? [],
      };
    case "potential-deadlock":
      return {
        ...none,
        lockOrder: outcome.lockOrder.map((edge) => ({
          thread: edge.thread,
          held: edge.held,
          acquired: edge.acquired,
          heldLine: edge.heldAt ? studentLine(edge.heldAt) : null,
          acquiredLine: edge.acquiredAt ? studentLine(edge.acquiredAt) : null,
        })),
      };
    case "data-race": {
      // (A report stored while the outcome was one flat object may lack it.)
      const race = outcome.race;
      if (!race) return none;
      return {
        ...none,
        race: {
          target: race.target,
          kind: race.kind,
          accesses: [race.first, race.second].map((a) => ({
            thread: a.thread,
            op: a.op,
            line: studentLine(a),
            step: a.step,
          })),
        },
      };
    }
    default:
      return none;
  }
}

/**
 * The race detector stops a schedule at the access it flags, and the trace records the failure
 * before that access: shown in causal order, the access comes first, then the failure it caused.
 */
export function causalOrder(trace: TraceEvent[]): TraceEvent[] {
  const out = [...trace];
  for (let i = 0; i + 1 < out.length; i++) {
    const fail = out[i]!;
    const access = out[i + 1]!;
    if (fail.op !== "fail" || access.op === "fail" || access.thread !== fail.thread || access.line !== fail.line)
      continue;
    out[i] = access;
    out[i + 1] = fail;
    i++;
  }
  return out;
}

/** Harness lines would reveal the hidden checks' code layout: keep only that it was there. */
function withoutHarnessLine(event: TraceEvent): TraceEvent {
  if (event.file === undefined || event.file === SOLUTION_FILE) return event;
  const { line: _line, ...rest } = event;
  return rest;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
