import { z } from "zod";

// The part of the grader's GradeReport (grader/grade/grade.ts, docs/grader.md) the app reads,
// parsed when it leaves the database: reportJson is stored as the worker wrote it, and what is
// not listed here (decisions, hashes, the per-check explore report's internals) is dropped.

const TraceEvent = z.object({
  step: z.number(),
  thread: z.string(),
  op: z.string(),
  target: z.string().optional(),
  value: z.string().optional(),
  line: z.number().optional(),
  file: z.string().optional(),
  time: z.number(),
});
export type TraceEvent = z.infer<typeof TraceEvent>;

const Site = z.object({ file: z.string().optional(), line: z.number().optional() });

const WaitEdge = z.object({
  thread: z.string(),
  op: z.string(),
  target: z.string(),
  holder: z.string().optional(),
  file: z.string().optional(),
  line: z.number().optional(),
});

const RaceAccess = z.object({
  thread: z.string(),
  op: z.string(),
  target: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  step: z.number(),
});

const LockOrderEdge = z.object({
  thread: z.string(),
  held: z.string(),
  acquired: z.string(),
  heldAt: Site.optional(),
  acquiredAt: Site.optional(),
});

const Outcome = z.object({
  kind: z.string(),
  message: z.string(),
  thread: z.string().optional(),
  file: z.string().optional(),
  line: z.number().optional(),
  waits: z.array(WaitEdge).optional(),
  cycle: z.array(z.string()).optional(),
  race: z.object({ target: z.string(), kind: z.string(), first: RaceAccess, second: RaceAccess }).optional(),
  lockOrder: z.array(LockOrderEdge).optional(),
});

export const Failure = z.object({
  verdict: z.string(),
  kind: z.string(),
  message: z.string(),
  schedule: z.number(),
  strategy: z.string(),
  seed: z.number(),
  depth: z.number().optional(),
  preemptions: z.number(),
  steps: z.number(),
  outcome: Outcome,
  trace: z.array(TraceEvent),
  /** Events the worker cut from the front of this trace before storing it (server/grading/trim-report.ts). */
  traceOmitted: z.number().optional(),
  threads: z.array(z.string()),
  shrunk: z
    .object({
      preemptions: z.number(),
      steps: z.number(),
      trace: z.array(TraceEvent),
      traceOmitted: z.number().optional(),
      message: z.string(),
    })
    .optional(),
  liveness: z
    .object({ verdict: z.string(), message: z.string(), starved: z.array(z.string()), lines: z.array(z.number()) })
    .optional(),
  /** A data race shown losing an update (grader/explore/lost-update.ts): the detectors were off. */
  lostUpdate: z
    .object({
      decisions: z.array(z.number()).optional(),
      trace: z.array(TraceEvent),
      traceOmitted: z.number().optional(),
      message: z.string(),
      preemptions: z.number(),
      steps: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    })
    .optional(),
  confirmation: z
    .object({
      happened: z.boolean(),
      attempts: z.number(),
      trace: z.array(TraceEvent).optional(),
      traceOmitted: z.number().optional(),
      message: z.string().optional(),
    })
    .optional(),
});
export type Failure = z.infer<typeof Failure>;

const UtilisationStrip = z.object({
  end: z.number(),
  bucket: z.number(),
  threads: z.array(z.object({ name: z.string(), strip: z.string(), totals: z.record(z.string(), z.number()) })),
  partial: z.boolean(),
});

/** A performance check's measurement (grader/perf/check.ts, CheckPerformance). */
const Performance = z.object({
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

const CheckResult = z.object({
  id: z.string(),
  title: z.string(),
  hidden: z.boolean(),
  points: z.number(),
  earned: z.number(),
  verdict: z.string(),
  message: z.string(),
  feedback: z.string().optional(),
  schedulesRun: z.number(),
  failure: Failure.optional(),
  performance: Performance.optional(),
  report: z
    .object({
      failingShare: z.object({ failed: z.number(), explored: z.number() }).optional(),
      budgetExhausted: z.boolean().optional(),
    })
    .optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const GradeReport = z.object({
  verdict: z.string(),
  score: z.number(),
  maxScore: z.number(),
  checks: z.array(CheckResult),
  diagnostics: z
    .array(z.object({ file: z.string(), line: z.number(), column: z.number(), message: z.string() }))
    .optional(),
  /** Set when the worker trimmed the report to store it (what was cut, counted). */
  truncated: z.object({ traceEvents: z.number(), originalBytes: z.number() }).optional(),
});
export type GradeReport = z.infer<typeof GradeReport>;
