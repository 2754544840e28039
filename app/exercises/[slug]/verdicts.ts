// How verdicts read on the page (the grader's verdicts: DESIGN.md "Verdicts", docs/grader.md).
const LABELS: Record<string, string> = {
  passed: "Passed",
  "wrong-answer": "Wrong answer",
  race: "Race",
  deadlock: "Deadlock",
  starvation: "Starvation",
  "too-slow": "Too slow",
  timeout: "Timeout",
  "memory-limit": "Memory limit",
  "compile-error": "Compile error",
  "runtime-error": "Runtime error",
};

export function verdictLabel(verdict: string): string {
  return LABELS[verdict] ?? verdict;
}

/** A CSS class suffix: known verdicts only, so a stored value cannot inject a class name. */
export function verdictClass(verdict: string): string {
  return verdict in LABELS ? verdict : "unknown";
}

export const STATUS_LABELS = {
  queued: "Waiting in line",
  running: "Grading",
  done: "Graded",
  failed: "Could not be graded",
} as const;
