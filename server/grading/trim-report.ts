import type { GradeReport } from "../../grader/index";

// What the worker stores is bounded (issue 9): a 100 KB submission must not store megabytes.
// The grader's report is trimmed here, before it reaches the database: every trace keeps its
// last events (the end is where the failure is), long strings are cut, a trace stored twice is
// stored once, and if the whole is still too big, the least useful parts go first (hidden
// checks' traces, then traces already shown another way, then all traces). Whatever was cut
// is counted in `truncated`, and each cut trace says how many events it lost (`traceOmitted`).

export type ReportLimits = {
  /** Events kept per trace (its last ones). */
  maxTraceEvents: number;
  /** Bytes of the stored JSON. */
  maxBytes: number;
  /** Characters of any one string (messages, warnings). */
  maxText: number;
  /** Characters of a string inside a trace event (thread names, values). */
  maxEventText: number;
  /** Items of any other list (threads, waits, diagnostics). */
  maxItems: number;
};

export const REPORT_LIMITS: ReportLimits = {
  maxTraceEvents: 5_000,
  maxBytes: 512 * 1024,
  maxText: 2_000,
  maxEventText: 200,
  maxItems: 200,
};

export type Truncation = {
  /** Trace events dropped (cut from the front, or whole traces dropped). */
  traceEvents: number;
  /** Strings shortened, list items dropped. */
  strings: number;
  items: number;
  /** Traces not stored again because the same trace was stored already. */
  duplicateTraces: number;
  /** Size of the report before trimming, in bytes. */
  originalBytes: number;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const TRACE_KEYS = new Set(["trace"]);

export function trimReport(
  report: GradeReport,
  limits: ReportLimits = REPORT_LIMITS,
): { json: string; truncated: Truncation | null } {
  const original = JSON.stringify(report);
  const cut: Truncation = {
    traceEvents: 0,
    strings: 0,
    items: 0,
    duplicateTraces: 0,
    originalBytes: Buffer.byteLength(original),
  };
  const r = JSON.parse(original) as Obj;
  // The first failing check's failure is the same object as that check's own: stored once.
  if (r.failure && typeof r.failure === "object" && !Array.isArray(r.failure)) {
    const f = r.failure as Obj;
    r.failure = { check: f.check ?? null, hidden: f.hidden ?? null };
  }
  const checks = (Array.isArray(r.checks) ? r.checks : []) as Obj[];
  // Visible checks first: of two equal traces, the one a student may see is the one kept.
  const ordered = [...checks.filter((c) => c.hidden !== true), ...checks.filter((c) => c.hidden === true)];
  const seen = new Set<string>();
  for (const check of ordered) {
    const failure = check.failure as Obj | undefined;
    if (!failure) continue;
    dedupeTraces(failure, seen, cut);
  }
  bound(r, limits, cut, null);

  // Room for the `truncated` mark added at the end.
  const maxBytes = limits.maxBytes - 512;
  let json = JSON.stringify(r);
  // Still too big: drop traces, least useful first, then everything but the verdicts.
  const steps: ((c: Obj) => void)[] = [
    (c) => c.hidden === true && dropTraces(c, cut, () => true),
    (c) => dropTraces(c, cut, (owner, key) => key === "trace" && owner.shrunk !== undefined),
    (c) => dropTraces(c, cut, (_owner, key) => key === "decisions"),
    (c) => keepLast(c, cut, 1_000),
    (c) => keepLast(c, cut, 100),
    (c) => dropTraces(c, cut, () => true),
  ];
  for (const step of steps) {
    if (Buffer.byteLength(json) <= maxBytes) break;
    checks.forEach(step);
    json = JSON.stringify(r);
  }
  if (Buffer.byteLength(json) > maxBytes) {
    json = JSON.stringify(minimal(r, cut));
  }
  const truncated = cut.traceEvents + cut.strings + cut.items + cut.duplicateTraces > 0 ? cut : null;
  if (truncated) {
    const withMark = JSON.parse(json) as Obj;
    withMark.truncated = truncated;
    json = JSON.stringify(withMark);
  }
  return { json, truncated };
}

/** Bound every string and list; traces keep their last events and count the rest. */
function bound(value: Json, limits: ReportLimits, cut: Truncation, key: string | null, inTrace = false): Json {
  if (typeof value === "string") {
    const max = inTrace ? limits.maxEventText : limits.maxText;
    if (value.length <= max) return value;
    cut.strings++;
    return `${value.slice(0, max - 1)}…`;
  }
  if (Array.isArray(value)) {
    let items = value;
    if (key !== null && TRACE_KEYS.has(key)) {
      if (items.length > limits.maxTraceEvents) {
        cut.traceEvents += items.length - limits.maxTraceEvents;
        items = items.slice(-limits.maxTraceEvents);
      }
    } else if (key === "decisions") {
      // Decisions replay a schedule only whole: cut, they are useless, so they go (the seed stays).
      if (items.length > limits.maxTraceEvents) {
        cut.items += items.length;
        items = [];
      }
    } else if (items.length > limits.maxItems) {
      cut.items += items.length - limits.maxItems;
      items = items.slice(0, limits.maxItems);
    }
    const inner = inTrace || (key !== null && TRACE_KEYS.has(key));
    for (let i = 0; i < items.length; i++) items[i] = bound(items[i]!, limits, cut, null, inner);
    return items;
  }
  if (value !== null && typeof value === "object") {
    const obj = value;
    for (const k of Object.keys(obj)) {
      const before = Array.isArray(obj[k]) ? (obj[k] as Json[]).length : -1;
      obj[k] = bound(obj[k]!, limits, cut, k, inTrace);
      if (TRACE_KEYS.has(k) && Array.isArray(obj[k]) && (obj[k] as Json[]).length < before) {
        obj.traceOmitted = ((obj.traceOmitted as number | undefined) ?? 0) + before - (obj[k] as Json[]).length;
      }
    }
    return obj;
  }
  return value;
}

/** A failure's traces: the found one, the shrunk one, DeadlockFuzzer's. Each stored once. */
function dedupeTraces(failure: Obj, seen: Set<string>, cut: Truncation): void {
  const owners = [failure, failure.shrunk, failure.confirmation].filter(
    (o): o is Obj => o !== undefined && o !== null && typeof o === "object" && !Array.isArray(o),
  );
  for (const owner of owners) {
    if (!Array.isArray(owner.trace) || owner.trace.length === 0) continue;
    const key = typeof owner.traceHash === "string" ? owner.traceHash : JSON.stringify(owner.trace);
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    cut.duplicateTraces++;
    if (owner === failure.shrunk) {
      // Shrinking found nothing shorter than a trace already stored: shown as found instead.
      delete failure.shrunk;
    } else if (owner === failure.confirmation) {
      // The view falls back to the shrunk or found trace, which is this same one.
      delete owner.trace;
    } else {
      // Another check failed on this very trace: it is stored with that check.
      owner.trace = [];
      owner.traceSameAs = key;
    }
  }
}

function traceOwners(check: Obj): Obj[] {
  const failure = check.failure as Obj | undefined;
  if (!failure || typeof failure !== "object") return [];
  return [
    failure,
    failure.shrunk as Obj | undefined,
    failure.confirmation as Obj | undefined,
    failure.lostUpdate as Obj | undefined,
  ].filter((o): o is Obj => o !== undefined && o !== null && typeof o === "object");
}

function dropTraces(check: Obj, cut: Truncation, which: (owner: Obj, key: "trace" | "decisions") => boolean): void {
  for (const owner of traceOwners(check)) {
    for (const key of ["trace", "decisions"] as const) {
      const list = owner[key];
      if (!Array.isArray(list) || list.length === 0 || !which(owner, key)) continue;
      if (key === "trace") {
        cut.traceEvents += list.length;
        owner.traceOmitted = ((owner.traceOmitted as number | undefined) ?? 0) + list.length;
      } else {
        cut.items += list.length;
      }
      owner[key] = [];
    }
  }
}

function keepLast(check: Obj, cut: Truncation, events: number): void {
  for (const owner of traceOwners(check)) {
    const trace = owner.trace;
    if (!Array.isArray(trace) || trace.length <= events) continue;
    cut.traceEvents += trace.length - events;
    owner.traceOmitted = ((owner.traceOmitted as number | undefined) ?? 0) + trace.length - events;
    owner.trace = trace.slice(-events);
  }
}

/** The last resort: the verdicts and scores, every check's title and verdict, no details. */
function minimal(r: Obj, cut: Truncation): Obj {
  const checks = (Array.isArray(r.checks) ? r.checks : []) as Obj[];
  cut.items++;
  return {
    exercise: r.exercise ?? null,
    verdict: r.verdict ?? null,
    score: r.score ?? 0,
    maxScore: r.maxScore ?? 0,
    checks: checks.map((c) => ({
      id: c.id ?? null,
      title: typeof c.title === "string" ? c.title.slice(0, 200) : "",
      hidden: c.hidden === true,
      points: c.points ?? 0,
      earned: c.earned ?? 0,
      verdict: c.verdict ?? null,
      message: "The details of this result were too large to store.",
      schedulesRun: c.schedulesRun ?? 0,
    })),
  };
}
