// The grade report as it is stored (GradingResult.reportJson) and read back: the one schema
// the server parses with (server/submissions/grade-report.schema.ts re-exports it). The
// grader's own types (grader/grade/grade.ts GradeReport, explore/types.ts Failure) carry
// more (decisions, hashes, the explore report's internals); z.object drops what is not
// listed here, and report.test.ts checks that everything the grader writes parses.
// Fields named `traceOmitted` / `truncated` are added by the worker when it trims a report
// to store it (server/grading/trim-report.ts).

import { z } from "zod";
import { lockOrderEdgeSchema, outcomeMembers, traceEventSchema, waitEdgeSchema } from "./result-schema";
import { REPLAY_STRATEGIES } from "./strategies";
import { HOST_OUTCOME_KINDS, VERDICTS } from "./verdict";

export const TraceEvent = traceEventSchema;
export type TraceEvent = z.infer<typeof TraceEvent>;

const verdict = z.enum(VERDICTS);

const m = outcomeMembers;
/**
 * A failure's outcome as stored: the isolate's union (result-schema.ts), read tolerantly.
 * Reports stored before the union had a flat outcome: a kind's evidence may be missing there
 * (a list reads as empty; a race stays absent) and a field of another kind is dropped (the
 * members are not strict), so every report the flat schema took still parses.
 */
export const StoredOutcome = z.discriminatedUnion("kind", [
  m.passed,
  m.assertion,
  m.error,
  m.escaped,
  m.misuse,
  m.diverged,
  m.deadlock.extend({ waits: z.array(waitEdgeSchema).default([]) }),
  m["potential-deadlock"].extend({ lockOrder: z.array(lockOrderEdgeSchema).default([]) }),
  m["data-race"].partial({ race: true }),
  m["step-limit"],
]);
export type StoredOutcome = z.infer<typeof StoredOutcome>;

/** A trace as stored: `traceOmitted` events were cut from its front by the worker. */
const storedTrace = { trace: z.array(TraceEvent), traceOmitted: z.number().int().min(0).optional() };

/** Failure evidence that depends on how the failure was found (each optional, at most one set). */
const explanations = {
  /** The same failure with the fewest preemptions found (a shrunk schedule). */
  shrunk: z
    .object({ preemptions: z.number().int(), steps: z.number().int(), message: z.string(), ...storedTrace })
    .optional(),
  /** step-limit schedules: starvation or livelock (detect/starvation/). */
  liveness: z
    .object({
      verdict: z.enum(["starvation", "timeout"]),
      message: z.string(),
      starved: z.array(z.string()),
      lines: z.array(z.number().int()),
    })
    .optional(),
  /** A predicted (lock-order) deadlock: did a directed schedule make it happen (DeadlockFuzzer)? */
  confirmation: z
    .object({
      happened: z.boolean(),
      attempts: z.number().int(),
      message: z.string().optional(),
      trace: z.array(TraceEvent).optional(),
      traceOmitted: z.number().int().min(0).optional(),
    })
    .optional(),
  /** A data race shown losing an update (explore/lost-update.ts): a real schedule, detectors off. */
  lostUpdate: z
    .object({
      decisions: z.array(z.number().int()).optional(),
      ...storedTrace,
      message: z.string(),
      preemptions: z.number().int(),
      steps: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
    })
    .optional(),
};

export const Failure = z.object({
  verdict,
  kind: z.enum(HOST_OUTCOME_KINDS),
  message: z.string(),
  schedule: z.number().int(),
  strategy: z.enum(REPLAY_STRATEGIES),
  seed: z.number(),
  depth: z.number().int().optional(),
  preemptions: z.number().int(),
  steps: z.number().int(),
  outcome: StoredOutcome,
  ...storedTrace,
  threads: z.array(z.string()),
  ...explanations,
});
export type Failure = z.infer<typeof Failure>;

/** A performance check's utilisation strip (perf/utilisation-strip.ts): one letter per bucket. */
const UtilisationStrip = z.object({
  end: z.number(),
  bucket: z.number(),
  threads: z.array(z.object({ name: z.string(), strip: z.string(), totals: z.record(z.string(), z.number()) })),
  partial: z.boolean(),
});

/** A performance check's measurement (perf/check.ts, CheckPerformance). */
export const Performance = z.object({
  kind: z.string(),
  passed: z.boolean(),
  cores: z.number(),
  makespan: z.number(),
  t1: z.number().optional(),
  speedup: z.number().optional(),
  minSpeedup: z.number().optional(),
  maxMakespan: z.number().optional(),
  serialFraction: z.number().nullable().optional(),
  amdahlLimit: z.number().nullable().optional(),
  serial: z.object({ file: z.string(), from: z.number(), to: z.number(), text: z.string() }).nullable().optional(),
  utilisation: UtilisationStrip.nullable().optional(),
});
export type Performance = z.infer<typeof Performance>;

export const CheckResult = z.object({
  id: z.string(),
  title: z.string(),
  hidden: z.boolean(),
  points: z.number(),
  earned: z.number(),
  verdict,
  message: z.string(),
  feedback: z.string().optional(),
  schedulesRun: z.number().int(),
  failure: Failure.optional(),
  performance: Performance.optional(),
  /** What the app shows of the explore report: how often the bug showed, and whether time ran out. */
  report: z
    .object({
      failingShare: z.object({ failed: z.number().int(), explored: z.number().int() }).optional(),
      budgetExhausted: z.boolean().optional(),
    })
    .optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const GradeReport = z.object({
  verdict,
  score: z.number(),
  maxScore: z.number(),
  checks: z.array(CheckResult),
  diagnostics: z
    .array(z.object({ file: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() }))
    .optional(),
  /** Set when the worker trimmed the report to store it (what was cut, counted). */
  truncated: z.object({ traceEvents: z.number().int(), originalBytes: z.number().int() }).optional(),
});
export type GradeReport = z.infer<typeof GradeReport>;
