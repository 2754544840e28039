import { z } from "zod";
import { SLUG } from "./set-course-exercise.schema";

export const RegradeSubmissionInput = z.object({
  submissionId: z.string({ error: "Choose a submission." }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a submission."),
});

export const RegradeExerciseInput = z.object({
  slug: z.string({ error: "Choose an exercise." }).regex(SLUG, "Choose an exercise."),
});
