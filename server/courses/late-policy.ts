import { z } from "zod";

// Course.latePolicy (JSON): what a submission made after an exercise's due date is worth in
// the grade book. On time (no due date, or createdAt <= dueAt) a submission counts in full.
//   none    — late work does not count (it is still graded and shown, marked late)
//   accept  — late work counts in full, marked late
//   penalty — percentPerDay off per started day late; nothing after maxDays

export const LatePolicy = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("accept") }),
  z.object({
    kind: z.literal("penalty"),
    percentPerDay: z.number().min(0).max(100),
    maxDays: z.number().int().min(0).max(365),
  }),
]);
export type LatePolicy = z.infer<typeof LatePolicy>;

export const NO_LATE_WORK: LatePolicy = { kind: "none" };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored policy; a damaged value reads as "none" (the strictest), never as an error. */
export function parseLatePolicy(json: string): LatePolicy {
  try {
    const parsed = LatePolicy.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : NO_LATE_WORK;
  } catch {
    return NO_LATE_WORK;
  }
}

export type Credit = {
  /** What the submission is worth in the grade book (0 when late work does not count). */
  credited: number;
  late: boolean;
  /** Started days past the due date (0 when on time). */
  daysLate: number;
};

export function creditFor(score: number, submittedAt: Date, dueAt: Date | null, policy: LatePolicy): Credit {
  if (dueAt === null || submittedAt.getTime() <= dueAt.getTime()) return { credited: score, late: false, daysLate: 0 };
  const daysLate = Math.ceil((submittedAt.getTime() - dueAt.getTime()) / DAY_MS);
  switch (policy.kind) {
    case "none":
      return { credited: 0, late: true, daysLate };
    case "accept":
      return { credited: score, late: true, daysLate };
    case "penalty": {
      if (daysLate > policy.maxDays) return { credited: 0, late: true, daysLate };
      const factor = Math.max(0, 1 - (policy.percentPerDay / 100) * daysLate);
      return { credited: Math.round(score * factor * 100) / 100, late: true, daysLate };
    }
  }
}

export function describeLatePolicy(policy: LatePolicy): string {
  switch (policy.kind) {
    case "none":
      return "Late work does not count.";
    case "accept":
      return "Late work counts in full.";
    case "penalty":
      return `Late work loses ${policy.percentPerDay}% per started day, and counts for nothing after ${policy.maxDays} ${
        policy.maxDays === 1 ? "day" : "days"
      }.`;
  }
}
