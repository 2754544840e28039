// The verdict a student is shown (issue 9: hidden checks stay hidden). The grader's overall
// verdict is its first failing check's, hidden or not; a student's is the first failing
// *visible* check's. When only hidden checks failed, the student learns that the solution is
// not right, never how a hidden check caught it: "wrong-answer", with the view saying that
// hidden checks failed. The grader's own verdict stays in the stored report for instructors.

type CheckVerdict = { hidden: boolean; verdict: string };

export function studentVerdict(checks: readonly CheckVerdict[], graderVerdict: string): string {
  // The student's own file did not compile: every check says so, hidden or not, and the
  // diagnostics shown are the student's file's only.
  if (graderVerdict === "compile-error") return graderVerdict;
  const visible = checks.find((c) => !c.hidden && c.verdict !== "passed");
  if (visible) return visible.verdict;
  if (checks.some((c) => c.hidden && c.verdict !== "passed")) return "wrong-answer";
  return graderVerdict;
}
