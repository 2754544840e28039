import { z } from "zod";
import { MANIFEST_FORM_FIELDS } from "./manifest-form";

export const SaveExerciseInput = z.object({
  /** Absent: a new exercise. Present: the exercise being edited (its stable id never changes). */
  exerciseId: z.string().min(1).max(200).optional(),
  form: z.partialRecord(z.enum(MANIFEST_FORM_FIELDS), z.string().max(200_000)),
  files: z.record(z.string(), z.string()),
});
