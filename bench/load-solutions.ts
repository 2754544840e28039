// The three shared-counter solutions bench/load.ts sends (issue 17), from the exercise's
// reference: correct; racy (the lock's `with` removed: a lost update); looping (spins through
// scheduling points until the step budget stops it).
export type SolutionKind = "correct" | "racy" | "looping";

export function loadSolutions(reference: string): Record<SolutionKind, string> {
  return {
    correct: reference,
    racy: reference.replace("await using _ = await lock.hold();", ""),
    looping: reference
      .replace(
        'import { spawn, type Lock, type Shared } from "interleave";',
        'import { spawn, yieldNow, type Lock, type Shared } from "interleave";',
      )
      .replace("const workers = [];", "while (threads > 0) await yieldNow();\n  const workers = [];"),
  };
}
