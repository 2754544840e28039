import { useId } from "react";
import type { PerformanceView } from "@/server/submissions/submission-view";

// Speedup against cores (issue 14): the ideal line (speedup = cores), Amdahl's curve for the
// serial fraction the grader measured (Karp–Flatt), the check's target, and the two measured
// points (1 core, and the check's cores). Plain SVG with a title and a description, and the
// same numbers as a table for whoever does not read the picture.

const W = 360;
const H = 240;
const M = { top: 14, right: 16, bottom: 36, left: 42 };

const fmt = (x: number, digits = 2) => Number(x.toFixed(digits)).toLocaleString("en");

/** Amdahl's law: the speedup on `p` cores of a program whose serial fraction is `f`. */
export function amdahl(f: number, p: number): number {
  return 1 / (f + (1 - f) / p);
}

/** The cores the chart spans: past the measured count, so the curve's flattening shows. */
export function chartCores(cores: number): number {
  return Math.min(64, Math.max(8, cores * 2));
}

export function SpeedupChart({ performance: p }: { performance: PerformanceView }) {
  const id = useId();
  if (p.speedup === null) return null;
  const speedup = p.speedup;
  const f = p.serialFraction;
  const maxCores = chartCores(p.cores);
  const maxY = maxCores;
  const x = (cores: number) => M.left + ((cores - 1) / (maxCores - 1)) * (W - M.left - M.right);
  const y = (s: number) => H - M.bottom - ((s - 1) / (maxY - 1)) * (H - M.top - M.bottom);
  const ticks = [1, ...[2, 4, 8, 16, 32, 64].filter((c) => c <= maxCores)];
  const curve =
    f === null
      ? null
      : Array.from({ length: 61 }, (_, i) => 1 + (i / 60) * (maxCores - 1))
          .map((c, i) => `${i === 0 ? "M" : "L"}${x(c).toFixed(1)},${y(amdahl(f, c)).toFixed(1)}`)
          .join(" ");
  const tableCores = [...new Set([1, 2, 4, p.cores, 8, 16].filter((c) => c <= maxCores))].sort((a, b) => a - b);
  const description =
    `Measured speedup ${fmt(speedup)}× on ${p.cores} cores (ideal ${p.cores}×)` +
    (f !== null
      ? `; Amdahl's law with the measured serial fraction ${fmt(f)} allows ${fmt(amdahl(f, p.cores))}× there`
      : "") +
    (f !== null && f > 0 ? ` and at most ${fmt(1 / f)}× on any number of cores` : "") +
    (p.minSpeedup !== null ? `; the check needs ${fmt(p.minSpeedup)}×.` : ".");

  return (
    <figure className="chart speedup-chart" data-testid="speedup-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>Speedup against cores</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((c) => (
          <g key={c}>
            <line className="chart-grid" x1={x(c)} x2={x(c)} y1={M.top} y2={H - M.bottom} />
            <text className="chart-tick" x={x(c)} y={H - M.bottom + 14} textAnchor="middle">
              {c}
            </text>
            <line className="chart-grid" x1={M.left} x2={W - M.right} y1={y(c)} y2={y(c)} />
            <text className="chart-tick" x={M.left - 6} y={y(c) + 4} textAnchor="end">
              {c}×
            </text>
          </g>
        ))}
        <text className="chart-axis-label" x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
          cores
        </text>
        <line className="chart-ideal" x1={x(1)} y1={y(1)} x2={x(maxCores)} y2={y(maxCores)} />
        {curve ? <path className="chart-amdahl" d={curve} /> : null}
        {p.minSpeedup !== null ? (
          <line
            className="chart-target"
            x1={M.left}
            x2={W - M.right}
            y1={y(Math.min(maxY, p.minSpeedup))}
            y2={y(Math.min(maxY, p.minSpeedup))}
          />
        ) : null}
        <circle className="chart-point" cx={x(1)} cy={y(1)} r={4} />
        <circle
          className={`chart-point ${p.passed ? "" : "chart-point-miss"}`}
          cx={x(p.cores)}
          cy={y(Math.min(maxY, Math.max(1, speedup)))}
          r={5}
          data-testid="speedup-measured"
        />
      </svg>
      <figcaption>
        <ul className="chart-legend">
          <li>
            <span className="legend-swatch legend-ideal" aria-hidden="true" /> ideal (speedup = cores)
          </li>
          {f !== null ? (
            <li>
              <span className="legend-swatch legend-amdahl" aria-hidden="true" /> Amdahl, serial fraction {fmt(f)}
            </li>
          ) : null}
          {p.minSpeedup !== null ? (
            <li>
              <span className="legend-swatch legend-target" aria-hidden="true" /> target {fmt(p.minSpeedup)}×
            </li>
          ) : null}
          <li>
            <span className="legend-swatch legend-point" aria-hidden="true" /> measured: {fmt(speedup)}× on {p.cores}{" "}
            cores
          </li>
        </ul>
        <details className="chart-table">
          <summary>The numbers as a table</summary>
          <table className="data-table" data-testid="speedup-table">
            <caption className="visually-hidden">Speedup by number of cores</caption>
            <thead>
              <tr>
                <th scope="col">Cores</th>
                <th scope="col">Ideal</th>
                {f !== null ? <th scope="col">Amdahl (f = {fmt(f)})</th> : null}
                <th scope="col">Measured</th>
              </tr>
            </thead>
            <tbody>
              {tableCores.map((c) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  <td>{c}×</td>
                  {f !== null ? <td>{fmt(amdahl(f, c))}×</td> : null}
                  <td>{c === 1 ? "1×" : c === p.cores ? `${fmt(speedup)}×` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
