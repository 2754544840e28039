// The closed set of verdicts (DESIGN.md "Verdicts") and how a schedule's outcome maps to one.

import { OUTCOME_KINDS } from "./types";

export const VERDICTS = [
  "passed",
  "wrong-answer",
  "race",
  "deadlock",
  "starvation",
  "too-slow",
  "timeout",
  "memory-limit",
  "compile-error",
  "runtime-error",
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Outcomes the runtime reports, and those the sandbox itself produces (outside the runtime). */
export const HOST_OUTCOME_KINDS = [...OUTCOME_KINDS, "cpu-timeout", "memory"] as const;
export type HostOutcomeKind = (typeof HOST_OUTCOME_KINDS)[number];

/**
 * `onBaseline`: the failure happened on the un-stressed rr schedule. A program that fails
 * there is wrong (or crashes) whatever the interleaving; one that fails only under stress
 * has a concurrency bug.
 */
export function verdictOf(kind: HostOutcomeKind, onBaseline: boolean): Verdict {
  switch (kind) {
    case "passed":
      return "passed";
    case "assertion":
      return onBaseline ? "wrong-answer" : "race";
    case "error":
      return onBaseline ? "runtime-error" : "race";
    case "data-race":
      return "race";
    case "deadlock":
    case "potential-deadlock":
      return "deadlock";
    case "step-limit":
    case "cpu-timeout":
      return "timeout";
    case "memory":
      return "memory-limit";
    case "misuse":
    case "escaped":
    case "diverged":
      return "runtime-error";
  }
}

/** Exit code of the CLI for a verdict: 0 passed, 1 a failure was found. */
export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict === "passed" ? 0 : 1;
}
