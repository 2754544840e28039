import { z } from "zod";
import { CheckResult, Failure, GradeReport } from "../submissions/grade-report.schema";

// Issue 16's "most common failure patterns": failing submissions are grouped by a signature
// computed from the grader's evidence in the stored report — the verdict, the objects the
// evidence names (the locks of a lock-order cycle or a wait-for cycle, the raced variable) and
// the lines of the student's file where it happens. Thread names and schedule details are
// left out: two students with the same bug get different schedules, never different locks.
// Instructors see every check, hidden ones included: the first failing check in the grader's
// order is the one that names the bug.

const STUDENT_FILE = "solution.ts";
const MAX_MESSAGE = 140;

/**
 * What a signature reads of a stored report: the verdicts, the diagnostics and each check's
 * failure evidence, without the traces and explanations (insight pages parse hundreds).
 */
export const FailureEvidenceReport = GradeReport.pick({ verdict: true, diagnostics: true }).extend({
  checks: z.array(
    CheckResult.pick({ id: true, title: true, verdict: true, message: true }).extend({
      failure: Failure.pick({ verdict: true, message: true, outcome: true }).optional(),
    }),
  ),
});
export type FailureEvidenceReport = z.infer<typeof FailureEvidenceReport>;
type EvidenceCheck = FailureEvidenceReport["checks"][number];

export type FailurePattern = {
  /** Equal for submissions that fail the same way. */
  key: string;
  verdict: string;
  /** One sentence for the insight page, e.g. "deadlock taking fork-3 then fork-4 at line 22". */
  summary: string;
  checkTitle: string | null;
  objects: string[];
  lines: number[];
};

type Site = { file?: string; line?: number };

function studentLines(sites: readonly (Site | undefined)[]): number[] {
  const lines = new Set<number>();
  for (const site of sites) if (site?.file === STUDENT_FILE && site.line !== undefined) lines.add(site.line);
  return [...lines].sort((a, b) => a - b);
}

export function describeLines(lines: readonly number[]): string {
  if (lines.length === 0) return "";
  if (lines.length === 1) return ` at line ${lines[0]}`;
  const contiguous = lines.every((line, i) => i === 0 || line === lines[i - 1]! + 1);
  if (contiguous) return ` at lines ${lines[0]}–${lines[lines.length - 1]}`;
  return ` at lines ${lines.slice(0, -1).join(", ")} and ${lines[lines.length - 1]}`;
}

/** A cycle starts anywhere: rotate it to start at its smallest name so equal cycles compare equal. */
function canonicalCycle(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  let start = 0;
  for (let i = 1; i < names.length; i++) if (names[i]! < names[start]!) start = i;
  return [...names.slice(start), ...names.slice(0, start)];
}

/** Numbers in messages are counts and ids that vary between runs: "each of the # threads". */
function normalizedMessage(message: string): string {
  const text = message.replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function pattern(
  check: EvidenceCheck | null,
  verdict: string,
  kind: string,
  objects: string[],
  lines: number[],
  summary: string,
  detail = "",
): FailurePattern {
  return {
    key: JSON.stringify([check?.id ?? null, verdict, kind, objects, lines, detail]),
    verdict,
    summary,
    checkTitle: check?.title ?? null,
    objects,
    lines,
  };
}

/**
 * The failure pattern of a graded submission, or null when it passed. `report` is the parsed
 * stored report (null when it could not be read); `verdict` the stored verdict.
 */
export function failureSignature(report: FailureEvidenceReport | null, verdict: string): FailurePattern | null {
  if (report === null) {
    return verdict === "passed" ? null : pattern(null, verdict, "unreadable", [], [], `${verdict} (report unreadable)`);
  }
  const check = report.checks.find((c) => c.verdict !== "passed") ?? null;
  if (report.verdict === "compile-error" || (check === null && report.verdict !== "passed")) {
    const lines = studentLines(report.diagnostics ?? []);
    const first = (report.diagnostics ?? []).find((d) => d.file === STUDENT_FILE);
    const message = first ? normalizedMessage(first.message) : "";
    return pattern(
      check,
      report.verdict,
      "report",
      [],
      lines,
      `${report.verdict === "compile-error" ? "does not compile" : report.verdict}${describeLines(lines)}${
        message ? `: ${message}` : ""
      }`,
      message,
    );
  }
  if (check === null) return null;
  const failure = check.failure;
  if (!failure) {
    const message = normalizedMessage(check.message);
    return pattern(check, check.verdict, "check", [], [], `${check.verdict} in “${check.title}”: ${message}`, message);
  }
  const outcome = failure.outcome;
  switch (outcome.kind) {
    case "potential-deadlock": {
      if (outcome.lockOrder.length === 0) break;
      const locks = canonicalCycle(outcome.lockOrder.map((edge) => edge.held));
      const lines = studentLines(outcome.lockOrder.flatMap((edge) => [edge.heldAt, edge.acquiredAt]));
      const taking = locks.length === 2 ? `${locks[0]} then ${locks[1]}` : `${locks.join(" → ")} → ${locks[0]}`;
      return pattern(
        check,
        failure.verdict,
        "lock-order",
        locks,
        lines,
        `deadlock taking ${taking}${describeLines(lines)}`,
      );
    }
    case "deadlock": {
      if (outcome.waits.length === 0) break;
      const inCycle = outcome.cycle && outcome.cycle.length > 0 ? new Set(outcome.cycle) : null;
      const waits = outcome.waits.filter((w) => inCycle === null || inCycle.has(w.thread));
      const objects = [...new Set(waits.map((w) => w.target))].sort();
      const lines = studentLines(waits);
      const what = inCycle ? "in a cycle" : "with nothing left to wake them";
      return pattern(
        check,
        failure.verdict,
        "waits",
        objects,
        lines,
        `${failure.verdict} waiting on ${objects.join(", ")} ${what}${describeLines(lines)}`,
      );
    }
    case "data-race": {
      // (A report stored while the outcome was one flat object may lack the race.)
      if (!outcome.race) break;
      const lines = studentLines([outcome.race.first, outcome.race.second]);
      return pattern(
        check,
        failure.verdict,
        "race",
        [outcome.race.target],
        lines,
        `race on \`${outcome.race.target}\`${describeLines(lines)}`,
      );
    }
  }
  const site: Site = outcome.kind === "passed" ? {} : outcome;
  const lines = studentLines([site]);
  const message = normalizedMessage(failure.message);
  return pattern(
    check,
    failure.verdict,
    outcome.kind,
    [],
    lines,
    `${failure.verdict} in “${check.title}”${describeLines(lines)}: ${message}`,
    message,
  );
}
