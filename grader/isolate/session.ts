// One program loaded into one isolate: the runtime bundle, the lockdown, then the user's
// modules as factories. `runSchedule` runs one whole schedule inside a single synchronous
// call (isolated-vm's timeout does not cover promise work that outlives a call; a whole
// schedule is microtasks drained within the call, so the timeout covers all of it).

import ivm from "isolated-vm";
import type { ScheduleConfig, ScheduleResult } from "../protocol/types";
import {
  builtinCostsOn,
  compileModule,
  factorySource,
  type CompileDiagnostic,
  type CompiledModule,
} from "../compile/transpile";
import "./regexp-engine";
import { runtimeBundle } from "./bundle";
import { parseScheduleResult } from "../protocol/result-schema";

export interface ProgramFile {
  /** Name inside the sandbox, e.g. "program.ts", "solution.ts", "harness.ts". */
  name: string;
  /** Name shown to the user (their path). */
  displayName: string;
  source: string;
  /** Module specifiers this file may import, mapped to sandbox names (e.g. { "./solution": "solution.ts" }). */
  deps?: Record<string, string>;
}

export interface SessionLimits {
  /** Isolate heap limit in MB. */
  memoryMb: number;
  /** Wall-clock limit of one schedule in ms (the isolate's own timeout). */
  scheduleTimeoutMs: number;
  /** Another build of the runtime bundle (the bench compares an older runtime with this one). */
  runtime?: string;
}

// The isolate timeout is wall-clock: leave a wide margin for a loaded grading box.
export const defaultLimits: SessionLimits = { memoryMb: 128, scheduleTimeoutMs: 5_000 };

export class CompileFailure extends Error {
  constructor(readonly diagnostics: CompileDiagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join("\n"));
  }
}

export class SandboxFailure extends Error {
  constructor(
    readonly kind: "cpu-timeout" | "memory",
    message: string,
  ) {
    super(message);
  }
}

/** Contexts leak in long-lived isolates (isolated-vm 5): recycle the isolate after this many contexts. */
const CONTEXTS_PER_ISOLATE = 100;
const TRACE_TIME_FACTOR = 5;

export class Session {
  private isolate: ivm.Isolate | null = null;
  private contextsInIsolate = 0;
  private context: ivm.Context | null = null;
  private runRef: ivm.Reference<(config: string) => void> | null = null;
  private resultRef: ivm.Reference<() => string> | null = null;
  readonly modules: Map<string, CompiledModule>;

  private constructor(
    private readonly files: ProgramFile[],
    modules: CompiledModule[],
    readonly limits: SessionLimits,
  ) {
    this.modules = new Map(modules.map((m) => [m.name, m]));
  }

  /** Compile every file (throws CompileFailure with file:line:col) and load them. */
  static create(files: ProgramFile[], limits: SessionLimits = defaultLimits): Session {
    const compiled: CompiledModule[] = [];
    const diagnostics: CompileDiagnostic[] = [];
    for (const f of files) {
      const r = compileModule(f.name, f.displayName, f.source);
      if (r.ok) compiled.push(r.module);
      else diagnostics.push(...r.diagnostics);
    }
    if (diagnostics.length > 0) throw new CompileFailure(diagnostics);
    const session = new Session(files, compiled, limits);
    session.load();
    return session;
  }

  private load(): void {
    if (!this.isolate || this.isolate.isDisposed || this.contextsInIsolate >= CONTEXTS_PER_ISOLATE) {
      this.disposeIsolate();
      this.isolate = new ivm.Isolate({ memoryLimit: this.limits.memoryMb });
      this.contextsInIsolate = 0;
    }
    this.context?.release();
    const context = this.isolate.createContextSync();
    this.contextsInIsolate++;
    context.evalSync(this.limits.runtime ?? runtimeBundle(), { filename: "interleave-runtime.js" });
    const boot = context.global.getSync("__interleaveBoot", { reference: true }) as ivm.Reference<
      Record<string, unknown>
    >;
    const get = <T>(name: string) => boot.getSync(name, { reference: true }) as ivm.Reference<T>;
    const define =
      get<(name: string, deps: string, factory: unknown, displayName: string, lines: string) => void>("define");
    this.runRef = get("run");
    this.resultRef = get("result");
    get<(builtinCosts: boolean) => void>("lockdown").applySync(undefined, [builtinCostsOn()]);
    // User code is evaluated only after the lockdown: it never sees __interleaveBoot.
    for (const f of this.files) {
      const m = this.modules.get(f.name)!;
      const script = this.isolate.compileScriptSync(factorySource(m.js), { filename: m.name });
      const factory = script.runSync(context, {
        reference: true,
        timeout: this.limits.scheduleTimeoutMs,
      }) as ivm.Reference<unknown>;
      define.applySync(undefined, [
        m.name,
        JSON.stringify(f.deps ?? {}),
        factory.derefInto(),
        m.displayName,
        JSON.stringify([...m.lines]),
      ]);
      script.release();
    }
    this.context = context;
  }

  /** Run one schedule. Throws SandboxFailure on a CPU timeout or when the heap limit is hit. */
  runSchedule(config: ScheduleConfig): ScheduleResult {
    if (!this.context || !this.runRef || !this.resultRef) this.load();
    // A traced replay records every event's stack: give it more room than exploration.
    const timeout = config.trace ? this.limits.scheduleTimeoutMs * TRACE_TIME_FACTOR : this.limits.scheduleTimeoutMs;
    // isolated-vm rethrows a promise rejection nobody handled from the call whose microtasks
    // produced it. That is the program's bug (Node would crash on it), never the grader's:
    // finish the schedule and report it like an uncaught error.
    let unhandled: unknown = null;
    try {
      try {
        this.runRef!.applySync(undefined, [JSON.stringify(config)], { timeout });
      } catch (error) {
        if (!isProgramRejection(error)) throw error;
        unhandled = error;
      }
      let raw: unknown;
      try {
        raw = this.resultRef!.applySync(undefined, [], { timeout });
      } catch (error) {
        if (!isProgramRejection(error)) throw error;
        unhandled ??= error;
        raw = this.resultRef!.applySync(undefined, [], { timeout });
      }
      const result = parseScheduleResult(raw);
      if (unhandled !== null && (result.outcome.kind === "passed" || result.outcome.kind === "escaped")) {
        const site = this.siteOfHostError(unhandled);
        result.outcome = {
          kind: "error",
          message: `a promise was rejected and nobody handled it (an async function called without \`await\`?): ${firstLine(unhandled)}`,
          ...site,
        };
        result.decisions = result.decisions.length > 0 ? result.decisions : [];
      }
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/timed out/i.test(message)) {
        // Near its heap limit V8 collects garbage over and over, and the clock may run out
        // before the limit is hit: a heap that full is a memory verdict, not a slow loop.
        if (this.heapNearlyFull()) {
          this.reset(true);
          throw new SandboxFailure("memory", `the program used more than ${this.limits.memoryMb} MB of memory`);
        }
        this.reset();
        throw new SandboxFailure(
          "cpu-timeout",
          `one schedule ran for more than ${timeout} ms of real time (an endless loop with no await, or far too much computation)`,
        );
      }
      if (/memory limit|disposed/i.test(message) || this.isolate?.isDisposed) {
        this.reset(true);
        throw new SandboxFailure("memory", `the program used more than ${this.limits.memoryMb} MB of memory`);
      }
      throw error;
    }
  }

  /** The user's file and line in a stack that crossed the isolate boundary. */
  private siteOfHostError(error: unknown): { file?: string; line?: number } {
    const stack = error instanceof Error ? (error.stack ?? "") : "";
    for (const line of stack.split("\n")) {
      const m = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
      const mod = m ? this.modules.get(m[1]!) : undefined;
      if (!mod) continue;
      for (let l = Number(m![2]); l > 0; l--) {
        const ts = mod.lines.get(l);
        if (ts !== undefined) return { file: mod.displayName, line: ts };
      }
    }
    return {};
  }

  private heapNearlyFull(): boolean {
    try {
      const stats = this.isolate?.getHeapStatisticsSync();
      return stats !== undefined && stats.used_heap_size > 0.8 * this.limits.memoryMb * 1024 * 1024;
    } catch {
      return false;
    }
  }

  /** After a timeout the context may hold half-run microtasks: start from a fresh one. */
  private reset(newIsolate = false): void {
    this.context = null;
    this.runRef = null;
    this.resultRef = null;
    if (newIsolate) this.disposeIsolate();
  }

  private disposeIsolate(): void {
    try {
      if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    } catch {
      /* already gone */
    }
    this.isolate = null;
  }

  dispose(): void {
    this.context = null;
    this.disposeIsolate();
  }
}

/** An error thrown by the program's own code (not a timeout, not the heap limit, not ours). */
function isProgramRejection(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return !/timed out|memory limit|disposed/i.test(message);
}

function firstLine(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const line = text.split("\n")[0] ?? "";
    return line.length > 300 ? `${line.slice(0, 299)}…` : line;
  } catch {
    return "an error that cannot be printed";
  }
}
