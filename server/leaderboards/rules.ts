// The rules, written once and shown both on the page and in the JSON's `rules`.

const ORDER =
  "Ranked by best score; ties are broken by the earlier time the result was reached (when the submission was made, not when it was graded). Entries still equal share a rank (1, 2, 2, 4).";
const COUNTED =
  "Only graded submissions count (Submit, never Run); a regrade updates the board. Students who opted out are shown only to themselves; entries an instructor hid are shown to nobody.";

export function siteRules(): string {
  return `Total of each student's best score over the live exercises (retired exercises drop out). ${ORDER} ${COUNTED}`;
}

export function exerciseRules(performance: boolean, courseTitle: string | null): string {
  const perf = performance
    ? " For this performance exercise, equal scores are then ordered by the measured performance: the higher virtual speedup (or the shorter virtual makespan), which is deterministic — the same code always gets the same figure."
    : "";
  const course = courseTitle
    ? ` Only members of ${courseTitle}; results after the course's due date count only if its late policy accepts late work.`
    : "";
  return `Best score on this exercise.${perf} ${ORDER}${course} ${COUNTED}`;
}

export function courseRules(): string {
  return `Total of each member's best score over the course's live exercises. Results after an exercise's due date count only if the course's late policy accepts late work (a penalty policy counts on-time results only: the grade book applies penalties). ${ORDER} ${COUNTED}`;
}
