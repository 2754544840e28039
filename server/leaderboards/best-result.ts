import { compareRows } from "./rank";
import type { PerformanceFigure } from "./performance-figure";

/** One graded `submit` submission, as the boards count it. */
export type CountedResult = PerformanceFigure & {
  submissionId: string;
  score: number;
  maxScore: number;
  passed: boolean;
  /** When the student submitted it: the time the result was reached (queue delays do not count). */
  submittedAt: Date;
};

/**
 * A student's best result on one exercise: the boards' own order (score, then performance,
 * then the earliest submission), so a later submission that only equals the best does not move
 * the time it was reached.
 */
export function bestResult<T extends CountedResult>(results: readonly T[]): T | null {
  let best: T | null = null;
  for (const result of results) {
    if (!best || compareCounted(result, best) < 0) best = result;
  }
  return best;
}

function compareCounted(a: CountedResult, b: CountedResult): number {
  return compareRows(
    { score: a.score, perfKey: a.perfKey, reachedAt: a.submittedAt },
    { score: b.score, perfKey: b.perfKey, reachedAt: b.submittedAt },
  );
}
