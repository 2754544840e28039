// How the engine puts what a program hands it into reports: names and messages capped,
// errors described, values printed without running the program's code, measurements summed
// up. Cold code, kept out of scheduler.ts.

import type { MetricSummary, SourceSite } from "../protocol/types";

/** Names and messages come from the program: keep reports readable whatever it passes. */
export const MAX_NAME = 80;
export const MAX_MESSAGE = 2_000;

export function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function siteKey(site: SourceSite): string {
  return `${site.file ?? "?"}:${site.line ?? 0}`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} virtual s` : `${Math.round(ms * 1000) / 1000} virtual ms`;
}

export function summarize(metrics: Map<string, number[]>): Record<string, MetricSummary> {
  const out: Record<string, MetricSummary> = {};
  for (const [name, samples] of metrics) {
    if (samples.length === 0) continue;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
    out[name] = {
      count: sorted.length,
      min: sorted[0]!,
      max: sorted[sorted.length - 1]!,
      mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
      p50: rank(0.5),
      p95: rank(0.95),
    };
  }
  return out;
}

export function describeError(error: unknown): string {
  try {
    // A harness calling what the solution does not export (named import from "./solution"):
    // grading catches it before running (grader/compile/typecheck-solution.ts); this is the
    // fallback for names the starter does not declare.
    const missing =
      error instanceof TypeError ? /^\(0 , solution_1\.([\w$]+)\) is not a function$/.exec(error.message) : null;
    if (missing)
      return `the solution does not export \`${missing[1]}\`, which the exercise calls (${error instanceof Error ? error.message : ""})`;
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return `${typeof error === "string" ? JSON.stringify(error) : String(error)}`;
  } catch {
    return "an error that cannot be printed";
  }
}

export function errorSite(error: unknown, siteOf: (stack?: string) => SourceSite | undefined): SourceSite | undefined {
  try {
    if (error instanceof Error && typeof error.stack === "string") return siteOf(error.stack) ?? siteOf();
  } catch {
    /* a hostile getter: no site */
  }
  return siteOf();
}

/**
 * Values in traces. Only primitives are printed: reading an object could run the program's
 * getters, proxies or toJSON while the runtime records, which it must never do.
 */
export function formatValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 200 ? `${value.slice(0, 197)}...` : value);
    case "number":
    case "boolean":
    case "bigint":
    case "undefined":
      return String(value);
    case "function":
      return "<function>";
    case "symbol":
      return "<symbol>";
    default:
      return value === null ? "null" : "<object>";
  }
}
