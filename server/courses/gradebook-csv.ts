import type { Gradebook } from "./get-gradebook";

// The grade book as CSV — a fixed contract (DESIGN.md "HTTP contracts"): header
// `email,displayName,<slug>…,total`, one row per student. Fields are quoted when needed
// (RFC 4180), and a text field a spreadsheet would read as a formula (= + - @, and the tab
// and carriage return that some read the same way) is prefixed with ' (OWASP "CSV injection").

function escapeField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function textField(value: string): string {
  return escapeField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** A score: at most two decimals, no trailing zeros; empty when the student never scored. */
function scoreField(score: number | null): string {
  return score === null ? "" : String(Math.round(score * 100) / 100);
}

export function gradebookCsv(gradebook: Gradebook): string {
  const header = ["email", "displayName", ...gradebook.exercises.map((e) => e.slug), "total"].map(textField);
  const rows = gradebook.students.map((student) =>
    [
      textField(student.email),
      textField(student.displayName),
      ...gradebook.exercises.map((e) => scoreField(student.cells[e.slug]?.score ?? null)),
      scoreField(student.total),
    ].join(","),
  );
  return [header.join(","), ...rows].join("\r\n") + "\r\n";
}
