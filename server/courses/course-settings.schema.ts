import { z } from "zod";
import type { LatePolicy } from "./late-policy";

// A course's title and late policy, as the create and settings forms send them (strings).
export const CourseSettingsInput = z
  .object({
    title: z
      .string({ error: "Give the course a title." })
      .trim()
      .min(1, "Give the course a title.")
      .max(120, "Titles are at most 120 characters."),
    lateKind: z.enum(["none", "accept", "penalty"], { error: "Choose a late policy." }).default("none"),
    percentPerDay: z.coerce
      .number({ error: "A percentage from 0 to 100." })
      .min(0, "A percentage from 0 to 100.")
      .max(100, "A percentage from 0 to 100.")
      .optional(),
    maxDays: z.coerce
      .number({ error: "A whole number of days." })
      .int("A whole number of days.")
      .min(0, "A whole number of days, 0 to 365.")
      .max(365, "A whole number of days, 0 to 365.")
      .optional(),
  })
  .transform(({ title, lateKind, percentPerDay, maxDays }) => {
    const latePolicy: LatePolicy =
      lateKind === "penalty"
        ? { kind: "penalty", percentPerDay: percentPerDay ?? 10, maxDays: maxDays ?? 7 }
        : { kind: lateKind };
    return { title, latePolicy };
  });
