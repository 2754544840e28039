// Reports for people, in the style of Lincheck: what failed, one column per thread with the
// interleaving that leads to it, the lines, and the exact command that replays it.

import { configSeed, type ExploreReport, type Failure } from "../explore/explore";
import type { TraceEvent } from "../protocol/types";
import type { StepState } from "../protocol/step";
import { plural } from "../grade/plural";

const MAX_ROWS = 80;
const COLUMN = 30;

export function describeEvent(e: TraceEvent): string {
  const target = e.target !== undefined ? ` ${e.target}` : "";
  const value =
    e.value === undefined
      ? ""
      : e.op === "get" ||
          e.op === "load" ||
          e.op === "fetchAdd" ||
          e.op === "exchange" ||
          e.op === "compareExchange" ||
          e.op === "acquire" ||
          e.op === "wait"
        ? ` → ${e.value}`
        : ` ${e.value}`;
  const line = e.line !== undefined ? ` :${e.line}` : "";
  return `${e.op}${target}${value}${line}`;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** One column per thread, one row per event, in the order they happened. */
export function interleavingTable(trace: readonly TraceEvent[], threads: readonly string[]): string {
  const names = threads.filter((t) => trace.some((e) => e.thread === t));
  for (const e of trace) if (!names.includes(e.thread)) names.push(e.thread);
  const header = `| ${"time".padEnd(6)} | ${names.map((n) => fit(n, COLUMN)).join(" | ")} |`;
  const rule = `|${"-".repeat(8)}|${names.map(() => "-".repeat(COLUMN + 2)).join("|")}|`;
  const rows: string[] = [];
  let shown: readonly TraceEvent[] = trace;
  let skipped = 0;
  if (trace.length > MAX_ROWS) {
    skipped = trace.length - MAX_ROWS;
    shown = trace.slice(skipped);
  }
  for (const e of shown) {
    const cells = names.map((n) => fit(n === e.thread ? describeEvent(e) : "", COLUMN));
    rows.push(`| ${String(e.time).padEnd(6)} | ${cells.join(" | ")} |`);
  }
  const note = skipped > 0 ? `(${skipped} earlier events not shown; --json has the whole trace)\n` : "";
  return `${note}${header}\n${rule}\n${rows.join("\n")}`;
}

/** The options a replay needs besides strategy and seed (the run's own). */
export type ReplayOptions = Pick<ExploreReport, "cores" | "detectors" | "gil">;

function optionFlags(o: ReplayOptions): string {
  return ` --cores ${o.cores}${o.detectors ? "" : " --no-detectors"}${o.gil ? " --gil" : ""}`;
}

export function replayCommand(file: string, f: Pick<Failure, "strategy" | "seed" | "depth">, o: ReplayOptions): string {
  const depth = f.depth !== undefined ? ` --depth ${f.depth}` : "";
  return `npx interleave replay ${quote(file)} --strategy ${f.strategy} --seed ${f.seed}${depth}${optionFlags(o)}`;
}

function quote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

function where(f: Failure): string {
  const o = f.outcome;
  if (!o.file || !o.line) return "";
  const at = `(${o.file}:${o.line})`;
  return f.message.includes(at) ? "" : ` ${at}`;
}

export function formatRun(file: string, report: ExploreReport): string {
  const out: string[] = [];
  const warn = () => {
    for (const w of report.warnings) out.push(`  ⚠ ${w}`);
  };
  const runs = plural(report.schedulesRun, "schedule");
  const mix = Object.entries(report.byStrategy)
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
  if (!report.failure) {
    out.push(`✔ passed: ${runs} explored (${mix}), no failure found.`);
    if (report.exhaustive) out.push(`  dfs explored every schedule within the preemption bound.`);
    if (report.budgetExhausted)
      out.push(`  The time budget ran out before every requested schedule ran: more schedules could still find a bug.`);
    if (report.makespan !== null)
      out.push(
        `  Makespan of the un-stressed schedule: ${report.makespan} ms of virtual time on ${plural(report.cores, "core")}.`,
      );
    warn();
    return out.join("\n");
  }
  const f = report.failure;
  out.push(`✘ ${f.verdict}: ${f.message}${where(f)}`);
  out.push(
    `  Found on schedule ${f.schedule} of ${runs} run (${f.strategy}, seed ${f.seed}${f.depth !== undefined ? `, depth ${f.depth}` : ""}); the failing schedule has ${f.preemptions} preemption${f.preemptions === 1 ? "" : "s"}.`,
  );
  warn();
  if (report.failingShare && report.failingShare.explored > 1) {
    const { failed, explored } = report.failingShare;
    out.push(
      `  ${failed} of ${plural(explored, "schedule")} sampled ${failed === 1 ? "fails" : "fail"} (${((100 * failed) / explored).toFixed(1)}%).`,
    );
  }
  if (f.verdict === "wrong-answer")
    out.push(
      `  It fails even without any preemption (the un-stressed rr schedule): the logic is wrong, not only the synchronization.`,
    );
  if (f.verdict === "race" && report.baseline.kind === "passed")
    out.push(`  The un-stressed schedule passes: only some interleavings break it — a race.`);
  const o = f.outcome;
  if (o.kind === "data-race") {
    const { first, second } = o.race;
    out.push("");
    out.push(`  The two accesses (${o.race.kind}):`);
    out.push(
      `    ${first.thread} ${first.op === "write" ? "writes" : "reads"} ${first.target}${first.line ? ` at ${first.file ?? ""}:${first.line}` : ""}`,
    );
    out.push(
      `    ${second.thread} ${second.op === "write" ? "writes" : "reads"} ${second.target}${second.line ? ` at ${second.file ?? ""}:${second.line}` : ""}`,
    );
    out.push(
      `  Nothing orders them, so some schedule runs them the other way round. Protect both with the same lock (or publish through a join, Event, Queue or atomic).`,
    );
  }
  if (o.kind === "potential-deadlock") {
    out.push("");
    out.push("  Lock order cycle:");
    for (const e of o.lockOrder) {
      out.push(
        `    ${e.thread} takes ${e.acquired}${e.acquiredAt?.line ? ` (line ${e.acquiredAt.line})` : ""} while holding ${e.held}${e.heldAt?.line ? ` (taken at line ${e.heldAt.line})` : ""}`,
      );
    }
    const c = f.confirmation;
    if (c?.happened)
      out.push(
        `  Interleaving made it happen: a directed schedule (DeadlockFuzzer) deadlocked after ${c.attempts} attempt${c.attempts === 1 ? "" : "s"}.`,
      );
    else if (c)
      out.push(
        `  ${c.attempts} directed schedules did not make it happen this time — but nothing prevents it: fix the order.`,
      );
  }
  if (o.kind === "deadlock" && o.waits.length > 0) {
    out.push("");
    out.push("  Who waits for what:");
    for (const w of o.waits) {
      out.push(
        `    ${w.thread} waits in ${w.op}(${w.target})${w.line ? ` at ${w.file ?? ""}:${w.line}` : ""}${w.holder ? ` — held by ${w.holder}` : ""}`,
      );
    }
  }
  const shown =
    f.confirmation?.happened && f.confirmation.trace ? f.confirmation.trace : f.shrunk ? f.shrunk.trace : f.trace;
  if (shown.length > 0) {
    out.push("");
    if (f.confirmation?.happened) out.push("The following interleaving makes the deadlock happen:");
    else if (f.shrunk)
      out.push(
        `The following interleaving leads to the error (shrunk from ${f.preemptions} to ${f.shrunk.preemptions} preemption${f.shrunk.preemptions === 1 ? "" : "s"}, ${f.steps} to ${plural(f.shrunk.steps, "step")}):`,
      );
    else out.push("The following interleaving leads to the error:");
    out.push(interleavingTable(shown, f.threads));
  }
  out.push("");
  if (f.shrunk) {
    out.push(`The bug needs ${f.shrunk.preemptions} preemption${f.shrunk.preemptions === 1 ? "" : "s"}.`);
    out.push(`Replay the shrunk schedule: ${scheduleCommand(file, f.shrunk.decisions, report, f)}`);
  }
  if (f.lostUpdate)
    out.push(
      `See the race lose an update (its own check fails; detectors off): ${scheduleCommand(file, f.lostUpdate.decisions, { ...report, detectors: false }, f)}`,
    );
  if (f.confirmation?.happened && f.confirmation.decisions)
    out.push(`Replay the deadlock: ${scheduleCommand(file, f.confirmation.decisions, report, f)}`);
  out.push(`Replay it: ${replayCommand(file, f, report)}`);
  out.push(`Trace hash: ${f.traceHash}`);
  return out.join("\n");
}

/** `replay --schedule`: the decisions, and the failing schedule's seed (Math.random's) when not 0. */
export function scheduleCommand(
  file: string,
  decisions: readonly number[],
  o: ReplayOptions,
  f: Pick<Failure, "strategy" | "seed">,
): string {
  const seed = configSeed(f.strategy, f.seed);
  return `npx interleave replay ${quote(file)} --schedule ${decisions.join(",")}${seed !== 0 ? ` --seed ${seed}` : ""}${optionFlags(o)}`;
}

export function formatReplay(
  file: string,
  report: ExploreReport,
  trace: readonly TraceEvent[],
  threads: readonly string[],
  given = false,
): string {
  const out: string[] = [];
  const f = report.failure;
  out.push(
    f ? `✘ ${f.verdict}: ${f.message}${where(f)}` : `✔ passed: this schedule runs to the end without a failure.`,
  );
  out.push(
    `  Schedule: ${given ? "the given decisions" : `${report.strategy}, seed ${report.seed}`}; ${plural(trace.length, "event")}.`,
  );
  out.push("");
  out.push(interleavingTable(trace, threads));
  if (f) {
    out.push("");
    out.push(`Trace hash: ${f.traceHash}`);
  }
  return out.join("\n");
}

/** `replay --schedule D --stop`: where every thread stands after the steps so far. */
export function formatStep(file: string, state: StepState): string {
  const lines = [`${file} after ${plural(state.decisions.length, "step")}: ${state.decisions.join(",") || "(none)"}`];
  if (state.trace.length > 0) lines.push(interleavingTable(state.trace, state.threadNames));
  if (state.shared.length > 0) lines.push(`Shared: ${state.shared.map((v) => `${v.name} = ${v.value}`).join(", ")}`);
  if (state.finished) {
    lines.push(`The program ended: ${state.verdict} (${state.outcome?.kind}): ${state.outcome?.message}`);
    return lines.join("\n");
  }
  for (const t of state.threads) {
    const can = state.runnable.includes(t.id) ? "can run" : t.state;
    const op = t.op === undefined ? "" : ` next: ${t.op}${t.target !== undefined ? ` ${t.target}` : ""}`;
    const at = t.line !== undefined ? ` at ${t.file}:${t.line}${t.text !== undefined ? ` \`${t.text}\`` : ""}` : "";
    lines.push(`  #${t.id} ${t.name} (${can})${op}${at}`);
  }
  lines.push(`Next step: add one of ${state.runnable.join(", ")} to --schedule.`);
  return lines.join("\n");
}
