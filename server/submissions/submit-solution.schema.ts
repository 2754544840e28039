import { z } from "zod";

/** The grader's sandbox is for exercises, not for uploads: 100 KB of source is plenty. */
export const MAX_CODE_BYTES = 100 * 1024;

/** submit: graded and counted; run: the quick check (visible checks, small budget), never scored. */
export const SUBMISSION_KINDS = ["submit", "run"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SubmitSolutionInput = z.object({
  // "submit" is graded and scored; "run" is the quick check (its own lane, never scored).
  kind: z.enum(SUBMISSION_KINDS, { error: 'kind is "submit" or "run".' }).default("submit"),
  slug: z.string({ error: "Choose an exercise." }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, "Unknown exercise."),
  code: z
    .string({ error: "Write a solution before submitting." })
    .refine((code) => code.trim().length > 0, "Write a solution before submitting: the editor is empty.")
    .refine(
      (code) => Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES,
      `Solutions are at most ${MAX_CODE_BYTES / 1024} KB: this one is larger.`,
    ),
});
