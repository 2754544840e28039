import type { CheckView, PerformanceView } from "@/server/submissions/submission-view";
import { SpeedupChart } from "./speedup-chart";
import { UtilisationStrip } from "./utilisation-strip";

// The evidence of the performance checks (issue 14): the speedup chart and the utilisation
// strip of each visible check the grader measured; the serial lines the explanation names are
// highlighted in the editor (serialLinesOf).

type Measured = Extract<CheckView, { kind: "visible" }> & { performance: PerformanceView };

export function measuredChecks(checks: CheckView[]): Measured[] {
  return checks.filter((c): c is Measured => c.kind === "visible" && c.performance !== null);
}

/** The serial lines to highlight: those of the first measured check that missed its target, else of the first. */
export function serialLinesOf(checks: CheckView[]): { from: number; to: number } | null {
  const measured = measuredChecks(checks);
  const first =
    measured.find((c) => !c.passed && c.performance.serialLines) ?? measured.find((c) => c.performance.serialLines);
  return first?.performance.serialLines ?? null;
}

export function PerformanceDetails({ checks }: { checks: CheckView[] }) {
  const measured = measuredChecks(checks);
  if (measured.length === 0) return null;
  return (
    <>
      {measured.map((check) => {
        const p = check.performance;
        return (
          <section
            className="performance evidence"
            key={check.id}
            aria-labelledby={`perf-${check.id}`}
            data-testid="performance"
          >
            <h3 id={`perf-${check.id}`}>How fast “{check.title}” ran</h3>
            {p.serialLines ? (
              <p className="small">
                {p.serialLines.from === p.serialLines.to
                  ? `Line ${p.serialLines.from}`
                  : `Lines ${p.serialLines.from}–${p.serialLines.to}`}{" "}
                ran with only one thread computing: {p.serialLines.from === p.serialLines.to ? "it is" : "they are"}{" "}
                marked in your code.
              </p>
            ) : null}
            <div className="charts">
              <SpeedupChart performance={p} />
              {p.utilisation ? <UtilisationStrip utilisation={p.utilisation} cores={p.cores} /> : null}
            </div>
          </section>
        );
      })}
    </>
  );
}
