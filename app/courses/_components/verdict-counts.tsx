import { verdictClass, verdictLabel } from "../../exercises/[slug]/verdicts";

/** How many submissions got each verdict, as badges. */
export function VerdictCounts({ verdicts }: { verdicts: { verdict: string; count: number }[] }) {
  if (verdicts.length === 0) return <span className="muted">—</span>;
  return (
    <span className="verdict-counts">
      {verdicts.map(({ verdict, count }) => (
        <span key={verdict} className={`verdict-badge small verdict-${verdictClass(verdict)}`}>
          {verdictLabel(verdict)} {count}
        </span>
      ))}
    </span>
  );
}
