import { z } from "zod";
import { MAX_CODE_BYTES } from "../submissions/submit-solution.schema";

/** A draft is what a submission will be: the same slug rule and the same 100 KB limit. */
export const SaveDraftInput = z.object({
  slug: z.string({ error: "Choose an exercise." }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, "Unknown exercise."),
  code: z
    .string({ error: "A draft is text." })
    .refine(
      (code) => Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES,
      `Drafts are at most ${MAX_CODE_BYTES / 1024} KB, like solutions: this one is larger and was not saved.`,
    ),
});
