// exercise.json, parsed with zod. The id is stable forever (the database keys on it); the
// slug is the folder name and the URL.

import { z } from "zod";
import { MANIFEST_STRATEGIES } from "../protocol/strategies";
import { VERDICTS } from "../protocol/verdict";

/** Evidence a check's feedback may key a hint by (grade/hint-evidence.ts finds it in a failure). */
export const HINT_EVIDENCE = ["unjoined"] as const;
export type HintEvidence = (typeof HINT_EVIDENCE)[number];

export const DIFFICULTIES = ["intro", "easy", "medium", "hard"] as const;

const scheduleBudget = z
  .object({
    strategy: z.enum(MANIFEST_STRATEGIES).default("portfolio"),
    runs: z.number().int().min(1).max(100_000).default(300),
    seed: z.number().int().min(0).default(1),
    depth: z.number().int().min(0).max(10).optional(),
    maxSteps: z.number().int().min(100).max(10_000_000).default(100_000),
    /**
     * Real time one check may spend exploring (issue 9). When it runs out the check is
     * `timeout` ("explored N of M schedules in X s"), never `passed`. Unset: only the
     * submission's deadline bounds it (the platform's GRADING_DEADLINE_SECONDS).
     */
    timeBudgetMs: z.number().int().min(100).max(600_000).optional(),
  })
  .strict();

/**
 * What a check asks for: a correct result on every schedule of its budget, and for the
 * performance kinds also a speed, measured on the un-stressed schedule's virtual time
 * (issue 5; grader/perf/check.ts): `speedup` (makespan on 1 core ÷ makespan on `cores`),
 * `makespan` (virtual ms on `cores`), `latency` (a metric the harness or an io.Server records).
 */
export const CHECK_KINDS = ["correctness", "speedup", "makespan", "latency"] as const;

export const checkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    title: z.string().min(3),
    /** The harness export this check calls (an async function, run as the main thread). */
    export: z.string().regex(/^[A-Za-z_$][\w$]*$/, "a JavaScript identifier"),
    points: z.number().int().min(0),
    hidden: z.boolean().default(false),
    /** What the student is told when this check fails, pointing at the concept. */
    /**
     * What the student is told when this check fails, pointing at the concept: one text, or
     * one per verdict (`{ "race": "...", "deadlock": "...", "default": "..." }`) so that the
     * advice matches what went wrong.
     */
    /**
     * Keys may also name evidence (grade/hint-evidence.ts: `unjoined`): that text is given only
     * when the failing interleaving shows it, before the verdict's.
     */
    feedback: z
      .union([z.string(), z.partialRecord(z.enum([...VERDICTS, "default", ...HINT_EVIDENCE]), z.string())])
      .optional(),
    schedules: scheduleBudget.partial().optional(),
    kind: z.enum(CHECK_KINDS).default("correctness"),
    /** Virtual cores this check runs (and is measured) on; default: the exercise's runtime.cores. */
    cores: z.number().int().min(1).max(64).optional(),
    /** kind "speedup": the least speedup on `cores` cores over the same check on 1 core. */
    minSpeedup: z.number().gt(1).max(64).optional(),
    /** kind "makespan": the most virtual ms the check may take on `cores` cores. */
    maxMakespan: z.number().positive().optional(),
    /**
     * kind "latency": the metric to read (default "request", what io.Server records) and its limits in virtual ms.
     * kind "speedup": a speedup the harness measures on a kernel it owns (its known serial cost ÷
     * the kernel's span on `cores`); the smallest value recorded is compared with minSpeedup, and
     * the check's makespan is not (padding other threads with idle work inflates T1/TP, never it).
     */
    metric: z.string().min(1).max(200).optional(),
    maxMean: z.number().positive().optional(),
    maxP50: z.number().positive().optional(),
    maxP95: z.number().positive().optional(),
    maxLatency: z.number().positive().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const need = (field: keyof typeof c, why: string) => {
      if (c[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: why });
    };
    const forbid = (fields: (keyof typeof c)[]) => {
      for (const f of fields)
        if (c[f] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [f],
            message: `${f} belongs to another kind of check than "${c.kind}"`,
          });
    };
    const latency = ["metric", "maxMean", "maxP50", "maxP95", "maxLatency"] as const;
    if (c.kind === "speedup") {
      need("minSpeedup", 'a "speedup" check needs minSpeedup');
      forbid(["maxMakespan", ...latency.filter((f) => f !== "metric")]);
    } else if (c.kind === "makespan") {
      need("maxMakespan", 'a "makespan" check needs maxMakespan');
      forbid(["minSpeedup", ...latency]);
    } else if (c.kind === "latency") {
      if ([c.maxMean, c.maxP50, c.maxP95, c.maxLatency].every((x) => x === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: ["maxP95"],
          message: 'a "latency" check needs at least one of maxMean, maxP50, maxP95, maxLatency',
        });
      }
      forbid(["minSpeedup", "maxMakespan"]);
    } else {
      forbid(["minSpeedup", "maxMakespan", ...latency]);
    }
  });

export const mutantSchema = z
  .object({
    file: z.string().regex(/^mutants\/[\w.-]+\.ts$/, "a file under mutants/, e.g. mutants/no-lock.ts"),
    verdict: z.enum(VERDICTS).refine((v) => v !== "passed", "a mutant must fail"),
    bug: z.string().min(3),
  })
  .strict();

export const manifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    title: z.string().min(3),
    chapter: z.number().int().min(1).max(19),
    difficulty: z.enum(DIFFICULTIES),
    points: z.number().int().min(1),
    tags: z.array(z.string().min(1)).default([]),
    summary: z.string().min(10),
    checks: z.array(checkSchema).min(1),
    schedules: scheduleBudget.default({ strategy: "portfolio", runs: 300, seed: 1, maxSteps: 100_000 }),
    runtime: z
      .object({
        cores: z.number().int().min(1).max(64).default(4),
        /** Python's GIL: threads of one process compute one at a time (issue 5). */
        gil: z.boolean().default(false),
      })
      .strict()
      .default({ cores: 4, gil: false }),
    hints: z.array(z.string()).default([]),
    mutants: z.array(mutantSchema).min(1),
    /**
     * Break-it exercises (issue 14): the program the harness simulates, written for the real
     * runtime (default export `main`; main starts the statement's threads in order, each line
     * one scheduling point). "Play the scheduler" plays it; `validate` checks that the
     * reference schedule, translated, breaks it.
     */
    target: z
      .string()
      .regex(/^[\w-]+\.ts$/, "a .ts file of the exercise folder, e.g. target.ts")
      .optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const total = m.checks.reduce((sum, c) => sum + c.points, 0);
    if (total !== m.points)
      ctx.addIssue({
        code: "custom",
        path: ["points"],
        message: `points (${m.points}) must equal the sum of the checks' points (${total})`,
      });
    const ids = new Set<string>();
    m.checks.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: "custom", path: ["checks", i, "id"], message: `duplicate check id "${c.id}"` });
      ids.add(c.id);
    });
  });

export type ExerciseManifest = z.infer<typeof manifestSchema>;
export type ExerciseCheck = z.infer<typeof checkSchema>;
export type ScheduleBudget = z.infer<typeof scheduleBudget>;
