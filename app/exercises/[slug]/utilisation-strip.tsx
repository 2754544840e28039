import { useId } from "react";
import type { UtilisationView } from "@/server/submissions/submission-view";

// What each thread did over the virtual time of the measured schedule (issue 14): one row per
// thread, coloured by state. The grader sends one letter per time bucket (grader/perf/
// utilisation-strip.ts); runs of a letter become one rectangle. A table gives the totals.

export const STATES = [
  { letter: "b", key: "busy", label: "computing" },
  { letter: "c", key: "core", label: "waiting for a core" },
  { letter: "g", key: "gil", label: "waiting for the GIL" },
  { letter: "l", key: "lock", label: "waiting for a lock" },
  { letter: "w", key: "wait", label: "waiting (join, queue, event…)" },
  { letter: "s", key: "sleep", label: "sleeping" },
  { letter: "o", key: "loop", label: "waiting for its event loop" },
] as const;

const BY_LETTER = new Map<string, (typeof STATES)[number]>(STATES.map((s) => [s.letter, s]));

/** Runs of one letter: [letter, first bucket, length]. */
export function runs(strip: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (let i = 0; i < strip.length; ) {
    let j = i;
    while (j < strip.length && strip[j] === strip[i]) j++;
    out.push([strip[i]!, i, j - i]);
    i = j;
  }
  return out;
}

const ROW = 18;
const LABEL = 110;
const WIDTH = 600;
const fmt = (x: number) => Number(x.toFixed(2)).toLocaleString("en");

export function UtilisationStrip({ utilisation: u, cores }: { utilisation: UtilisationView; cores: number }) {
  const id = useId();
  const buckets = Math.max(1, ...u.threads.map((t) => t.strip.length));
  const plot = WIDTH - LABEL - 8;
  const height = u.threads.length * ROW + 22;
  const used = STATES.filter((s) => u.threads.some((t) => (t.totals[s.key] ?? 0) > 0));
  const description = `${u.threads.length} threads over ${fmt(u.end)} virtual ms on ${cores} cores. ${u.threads
    .map(
      (t) =>
        `${t.name}: ${used
          .filter((s) => (t.totals[s.key] ?? 0) > 0)
          .map((s) => `${s.label} ${fmt(t.totals[s.key]!)} ms`)
          .join(", ")}`,
    )
    .slice(0, 16)
    .join("; ")}.`;
  return (
    <figure className="chart utilisation" data-testid="utilisation-strip">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>What each thread did over virtual time</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {u.threads.map((t, row) => (
          <g key={t.name} transform={`translate(0 ${row * ROW})`} data-thread={t.name}>
            <text className="chart-tick" x={LABEL - 6} y={ROW - 5} textAnchor="end">
              {t.name.length > 16 ? `${t.name.slice(0, 15)}…` : t.name}
            </text>
            {runs(t.strip).map(([letter, start, length]) => {
              const state = BY_LETTER.get(letter);
              if (!state) return null;
              return (
                <rect
                  key={start}
                  className={`state state-${state.key}`}
                  x={LABEL + (start / buckets) * plot}
                  y={2}
                  width={(length / buckets) * plot}
                  height={ROW - 5}
                >
                  <title>{`${t.name}: ${state.label}, ${fmt(start * u.bucket)}–${fmt((start + length) * u.bucket)} ms`}</title>
                </rect>
              );
            })}
          </g>
        ))}
        {[0, 0.25, 0.5, 0.75, 1].map((share) => (
          <text
            key={share}
            className="chart-tick"
            x={LABEL + share * plot}
            y={height - 6}
            textAnchor={share === 0 ? "start" : share === 1 ? "end" : "middle"}
          >
            {fmt(share * u.end)} ms
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {used.map((s) => (
            <li key={s.key}>
              <span className={`legend-swatch state-${s.key}`} aria-hidden="true" /> {s.label}
            </li>
          ))}
        </ul>
        {u.partial ? (
          <p className="muted small">The program switched too often to record it all: the strip ends early.</p>
        ) : null}
        <details className="chart-table">
          <summary>The numbers as a table</summary>
          <table className="data-table" data-testid="utilisation-table">
            <caption className="visually-hidden">Virtual milliseconds each thread spent in each state</caption>
            <thead>
              <tr>
                <th scope="col">Thread</th>
                {used.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {u.threads.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.name}</th>
                  {used.map((s) => (
                    <td key={s.key}>{t.totals[s.key] ? `${fmt(t.totals[s.key]!)} ms` : "—"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
