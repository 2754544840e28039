import { z } from "zod";

// Where a graded submission's performance figure lives: the stored report's checks carry
// `performance` (grader/perf/check.ts, CheckPerformance) once a speedup or makespan check was
// measured. The first such check decides, as `grade --json`'s `speedup` does (docs/grader.md).

const StoredReport = z.object({
  checks: z
    .array(
      z.object({
        performance: z
          .object({
            kind: z.string(),
            makespan: z.number().optional(),
            speedup: z.number().optional(),
          })
          .optional()
          .catch(undefined),
      }),
    )
    .catch([]),
});

export type PerformanceFigure = {
  speedup: number | null;
  makespan: number | null;
  /** Higher is better: the speedup of a speedup check, minus the makespan of a makespan check. */
  perfKey: number | null;
};

export const NO_PERFORMANCE: PerformanceFigure = { speedup: null, makespan: null, perfKey: null };

export function performanceFigure(reportJson: string): PerformanceFigure {
  let parsed: z.infer<typeof StoredReport>;
  try {
    parsed = StoredReport.parse(JSON.parse(reportJson));
  } catch {
    return NO_PERFORMANCE;
  }
  for (const check of parsed.checks) {
    const p = check.performance;
    if (!p) continue;
    if (p.kind === "speedup" && p.speedup !== undefined)
      return { speedup: p.speedup, makespan: p.makespan ?? null, perfKey: p.speedup };
    if (p.kind === "makespan" && p.makespan !== undefined)
      return { speedup: p.speedup ?? null, makespan: p.makespan, perfKey: -p.makespan };
  }
  return NO_PERFORMANCE;
}
