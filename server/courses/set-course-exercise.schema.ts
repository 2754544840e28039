import { z } from "zod";

export const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

// The form's due date is a <input type="datetime-local"> value read as UTC (the page says so),
// or an ISO time with an offset; empty means no due date.
const DueAt = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value) ? `${value}Z` : value;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      ctx.addIssue({ code: "custom", message: "A date and time, like 2026-12-24T18:00." });
      return z.NEVER;
    }
    return date;
  });

export const SetCourseExerciseInput = z.object({
  slug: z.string({ error: "Choose an exercise." }).regex(SLUG, "Choose an exercise."),
  dueAt: DueAt.optional().transform((value) => value ?? null),
});

export const RemoveCourseExerciseInput = z.object({
  slug: z.string({ error: "Choose an exercise." }).regex(SLUG, "Choose an exercise."),
});
