import { z } from "zod";

// What the worker stores for a validation (the grader's ExerciseValidation, grader/grade/validate.ts),
// parsed when read back: the page shows it per mutant and fake, with the starter's score.
export const ValidationReport = z.object({
  valid: z.boolean(),
  reference: z.string(),
  starter: z.object({ score: z.number(), maxScore: z.number(), verdict: z.string(), ok: z.boolean() }),
  mutantResults: z.array(
    z.object({ file: z.string(), expected: z.string(), got: z.string(), caught: z.boolean(), bug: z.string() }),
  ),
  fakes: z.array(
    z.object({
      file: z.string(),
      dodge: z.string(),
      score: z.number(),
      maxScore: z.number(),
      verdict: z.string(),
      rejected: z.boolean(),
    }),
  ),
  /** Other correct solutions (alternates/*.ts): each must score full points. Absent in older reports. */
  alternates: z
    .array(
      z.object({
        file: z.string(),
        approach: z.string(),
        score: z.number(),
        maxScore: z.number(),
        verdict: z.string(),
        passed: z.boolean(),
      }),
    )
    .default([]),
  problems: z.array(z.string()),
});

export type ValidationReport = z.infer<typeof ValidationReport>;

export function readValidationReport(json: string | null): ValidationReport | null {
  if (json === null) return null;
  const parsed = ValidationReport.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
