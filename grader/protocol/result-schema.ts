// Everything that comes out of the sandbox is untrusted: parse it before using it.

import { z } from "zod";
import type { OutcomeKind, ScheduleResult } from "./types";
import { MAX_UTILISATION_SEGMENTS } from "./utilisation";

const site = { file: z.string().optional(), line: z.number().int().optional() };

const raceAccess = z.object({
  thread: z.string(),
  op: z.enum(["read", "write"]),
  target: z.string(),
  step: z.number(),
  ...site,
});

export const waitEdgeSchema = z.object({
  thread: z.string(),
  op: z.string(),
  target: z.string(),
  holder: z.string().optional(),
  ...site,
});
export const racePairSchema = z.object({ target: z.string(), kind: z.string(), first: raceAccess, second: raceAccess });
export const lockOrderEdgeSchema = z.object({
  thread: z.string(),
  held: z.string(),
  acquired: z.string(),
  heldAt: z.object(site).optional(),
  acquiredAt: z.object(site).optional(),
});

/** The fields every failure has: its message, and the thread and line where it happened. */
const failed = { message: z.string(), thread: z.string().optional(), ...site };

/**
 * One member per outcome kind, with the evidence its producer always sets (types.ts says
 * which producer). report.ts derives the stored reports' more tolerant union from these.
 */
export const outcomeMembers = {
  passed: z.object({ kind: z.literal("passed"), message: z.string() }),
  assertion: z.object({ kind: z.literal("assertion"), ...failed }),
  error: z.object({ kind: z.literal("error"), ...failed }),
  escaped: z.object({ kind: z.literal("escaped"), ...failed }),
  misuse: z.object({ kind: z.literal("misuse"), ...failed }),
  diverged: z.object({ kind: z.literal("diverged"), ...failed }),
  deadlock: z.object({
    kind: z.literal("deadlock"),
    ...failed,
    waits: z.array(waitEdgeSchema),
    cycle: z.array(z.string()).optional(),
  }),
  "potential-deadlock": z.object({
    kind: z.literal("potential-deadlock"),
    ...failed,
    lockOrder: z.array(lockOrderEdgeSchema).min(1),
  }),
  "data-race": z.object({ kind: z.literal("data-race"), ...failed, race: racePairSchema }),
  "step-limit": z.object({ kind: z.literal("step-limit"), ...failed, budget: z.literal("cpu").optional() }),
} satisfies Record<OutcomeKind, z.ZodObject>;

/**
 * A schedule's outcome as it comes out of the isolate. Strict: a field that is not its
 * kind's (a `passed` that names a race, a `data-race` without its two accesses) is refused,
 * like any other malformed result.
 */
const m = outcomeMembers;
export const outcomeSchema = z.discriminatedUnion("kind", [
  m.passed.strict(),
  m.assertion.strict(),
  m.error.strict(),
  m.escaped.strict(),
  m.misuse.strict(),
  m.diverged.strict(),
  m.deadlock.strict(),
  m["potential-deadlock"].strict(),
  m["data-race"].strict(),
  m["step-limit"].strict(),
]);

export const traceEventSchema = z.object({
  step: z.number().int(),
  thread: z.string(),
  op: z.string(),
  target: z.string().optional(),
  value: z.string().optional(),
  time: z.number(),
  ...site,
});

const scheduleResult = z.object({
  outcome: outcomeSchema,
  steps: z.number().int(),
  decisions: z.array(z.number().int()),
  options: z
    .array(z.object({ chosen: z.number().int(), runnable: z.array(z.number().int()), current: z.number().int() }))
    .optional(),
  preemptions: z.number().int(),
  time: z.number(),
  work: z.number(),
  threads: z.array(z.string()),
  trace: z.array(traceEventSchema).optional(),
  traceDropped: z.number().int().optional(),
  events: z.number().int().min(0).optional(),
  windowSites: z
    .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
    .max(10_000)
    .optional(),
  units: z.number().int().min(0).optional(),
  processes: z.number().int().min(1).optional(),
  metrics: z
    .record(
      z.string().max(200),
      z.object({
        count: z.number().int().min(1),
        min: z.number(),
        max: z.number(),
        mean: z.number(),
        p50: z.number(),
        p95: z.number(),
      }),
    )
    .optional(),
  profile: z
    .object({
      serialTime: z.number().min(0),
      parallelTime: z.number().min(0),
      serial: z.array(z.object({ file: z.string(), line: z.number().int(), time: z.number().min(0) })).max(200),
    })
    .optional(),
  utilisation: z
    .object({
      threads: z.array(z.string()),
      segments: z
        .array(
          z.object({
            thread: z.string(),
            state: z.enum(["busy", "core", "gil", "lock", "wait", "sleep", "loop"]),
            from: z.number(),
            to: z.number(),
            target: z.string().optional(),
          }),
        )
        .max(MAX_UTILISATION_SEGMENTS),
      dropped: z.number().int().min(0),
    })
    .optional(),
  finalStates: z.array(
    z.object({ thread: z.string(), state: z.string(), op: z.string().optional(), target: z.string().optional() }),
  ),
  stopped: z
    .object({
      after: z.number().int().min(0),
      runnable: z.array(z.number().int().min(0)),
      threads: z.array(
        z.object({
          id: z.number().int().min(0),
          name: z.string(),
          state: z.string(),
          op: z.string().optional(),
          target: z.string().optional(),
          ...site,
        }),
      ),
    })
    .optional(),
});

const isInt = (x: unknown): x is number => Number.isInteger(x);
const isStrings = (x: unknown): boolean => Array.isArray(x) && x.every((v) => typeof v === "string");

/**
 * The hot path of exploration: a passing schedule without trace or options, checked field
 * by field (as strictly as the schema, ~30× faster than zod on every schedule).
 */
function plainPass(v: unknown): v is ScheduleResult {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  const o = r.outcome as Record<string, unknown> | null;
  return (
    typeof o === "object" &&
    o !== null &&
    o.kind === "passed" &&
    typeof o.message === "string" &&
    Object.keys(o).length === 2 &&
    isInt(r.steps) &&
    isInt(r.preemptions) &&
    typeof r.time === "number" &&
    typeof r.work === "number" &&
    (r.units === undefined || (isInt(r.units) && r.units >= 0)) &&
    (r.events === undefined || (isInt(r.events) && r.events >= 0)) &&
    (r.processes === undefined || (isInt(r.processes) && r.processes >= 1)) &&
    r.metrics === undefined &&
    r.profile === undefined &&
    r.utilisation === undefined &&
    Array.isArray(r.decisions) &&
    r.decisions.length === 0 &&
    r.options === undefined &&
    r.trace === undefined &&
    r.stopped === undefined &&
    r.windowSites === undefined &&
    isStrings(r.threads) &&
    Array.isArray(r.finalStates) &&
    r.finalStates.every((f: unknown) => {
      const x = f as Record<string, unknown>;
      return typeof x === "object" && x !== null && typeof x.thread === "string" && typeof x.state === "string";
    })
  );
}

export function parseScheduleResult(raw: unknown): ScheduleResult {
  if (typeof raw !== "string") throw new Error("the sandbox returned no result");
  const value: unknown = JSON.parse(raw);
  if (plainPass(value)) return value;
  return scheduleResult.parse(value);
}
