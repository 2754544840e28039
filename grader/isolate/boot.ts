// Entry of the runtime bundle evaluated in every isolate. It leaves one global,
// `__interleaveBoot`, which the host takes references from and then deletes (see
// grader/isolate/session.ts) before anything else runs.

import * as api from "../library/api";
import * as harnessApi from "../library/harness-api";
import { setScheduler } from "../engine/context";
import { deepFreeze, harden } from "./harden";
import { uncharged } from "../engine/builtin-costs";
import { DetectingMonitor } from "../detect/detectors";
import { adoptThread } from "../library/threading/thread";
import { Prng } from "../engine/prng";
import { describeError, Scheduler } from "../engine/scheduler";
import { createStrategy } from "../engine/strategies";
import type { ScheduleConfig, SourceSite } from "../protocol/types";
import { OPTIONS_MODULE, setProgramHost, type RuntimeOptions } from "../engine/program";

// `await using` (TypeScript's downlevel helpers) needs these symbols; V8 11 lacks them.
const symbols = Symbol as unknown as Record<string, symbol>;
if (!symbols.asyncDispose) Object.defineProperty(Symbol, "asyncDispose", { value: Symbol.for("Symbol.asyncDispose") });
if (!symbols.dispose) Object.defineProperty(Symbol, "dispose", { value: Symbol.for("Symbol.dispose") });

type Tick = (units: number, line: number) => void;
type Factory = (
  exports: Record<string, unknown>,
  require: (name: string) => unknown,
  module: { exports: unknown },
  tick: Tick,
) => void;

interface ModuleDef {
  factory: Factory;
  /** Names this module may require besides "interleave". */
  deps: Record<string, string>;
  /** The module's cost counter (the hidden factory parameter; grader/compile/instrument.ts). */
  tick: Tick;
}

interface UserFile {
  displayName: string;
  /** Compiled-JS line → the user's TypeScript line. */
  lines: Map<number, number>;
}

const modules = new Map<string, ModuleDef>();
/** User modules by their name in stacks, to find the user's frame and report their lines. */
const userFiles = new Map<string, UserFile>();

function tsLine(file: UserFile, jsLine: number): number | undefined {
  for (let l = jsLine; l > 0; l--) {
    const hit = file.lines.get(l);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
let current: Scheduler | null = null;
let programRng = new Prng(0, 2);
let lastResult = "";

const frozenApi = Object.freeze({ ...api });
const frozenHarnessApi = Object.freeze({ ...harnessApi });

/** The first stack frame in a user file: `{ file, line }` in compiled-JS lines (the host maps them). */
function siteOf(stack?: string): SourceSite | undefined {
  if (stack === undefined) {
    if (!current?.tracing) return undefined;
    stack = new Error().stack ?? "";
  }
  // Parsing a stack is the runtime's work, not the program's (builtin-costs.ts).
  const captured = stack;
  return uncharged(() => siteOfStack(captured));
}

function siteOfStack(stack: string): SourceSite | undefined {
  // The innermost frame of the student's own module if the stack has one (a harness helper
  // the solution calls is reported at the solution's call, the line the student can see and
  // change); otherwise the innermost user frame.
  let first: SourceSite | undefined;
  for (const line of stack.split("\n")) {
    const m = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    const file = m ? userFiles.get(m[1]!) : undefined;
    if (!file) continue;
    const site = { file: file.displayName, line: tsLine(file, Number(m![2])) };
    if (m![1] === STUDENT_MODULE) return site;
    first ??= site;
  }
  return first;
}

/** What a harness's deps map "interleave/harness" to (grader/grade/grade.ts solutionFiles). */
const HARNESS_API_MODULE = "interleave:harness";

/** The sandbox name of the graded solution (grader/grade/grade.ts). */
const STUDENT_MODULE = "solution.ts";
/** The sandbox name of an exercise's harness: what it computes when it loads (its cases) is free. */
const HARNESS_MODULE = "harness.ts";
/** Modules being loaded right now (their top-level code runs outside any thread). */
let loading = 0;

function instantiate(name: string, cache: Map<string, unknown>): unknown {
  if (name === "interleave") return frozenApi;
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const def = modules.get(name);
  if (!def) throw new Error(`Cannot find module '${name}'`);
  const module = { exports: {} as Record<string, unknown> };
  cache.set(name, module.exports);
  const require = (spec: string): unknown => {
    if (spec === "interleave") return frozenApi;
    const target = Object.hasOwn(def.deps, spec) ? def.deps[spec] : undefined;
    // Given by the host to exercise harnesses only (their deps), never to a solution.
    if (target === HARNESS_API_MODULE) return frozenHarnessApi;
    if (spec === "interleave/harness")
      throw new Error("Cannot find module 'interleave/harness': it is for exercise harnesses, not solutions");
    if (target === undefined)
      throw new Error(
        `Cannot find module '${spec}': the sandbox only provides 'interleave'${Object.keys(def.deps).length ? ` and ${Object.keys(def.deps).join(", ")}` : ""}`,
      );
    return instantiate(target, cache);
  };
  // A module's top level is computation like any other (issue 9): loaded before main runs,
  // it is charged to main — except the harness's own load, which prepares the check.
  const s = current;
  const charged = s?.chargeLoad ?? false;
  if (s) s.chargeLoad = name !== HARNESS_MODULE;
  loading++;
  try {
    def.factory(module.exports, require, module, def.tick);
  } finally {
    loading--;
    if (s) s.chargeLoad = charged;
  }
  cache.set(name, module.exports);
  return module.exports;
}

/** Internal module name of the innermost user frame of the current stack. */
function callerModule(): string | undefined {
  const stack = new Error().stack ?? "";
  return uncharged(() => callerModuleOfStack(stack));
}

function callerModuleOfStack(stack: string): string | undefined {
  for (const line of stack.split("\n")) {
    const m = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (m && userFiles.has(m[1]!)) return m[1]!;
  }
  return undefined;
}

setProgramHost({ instantiate, callerModule });

/** Options the host passed as the runtime-options module; the config's own fields win. */
function withRuntimeOptions(config: ScheduleConfig): ScheduleConfig {
  if (!modules.has(OPTIONS_MODULE)) return config;
  let options: RuntimeOptions = {};
  try {
    const exports = instantiate(OPTIONS_MODULE, new Map()) as { default?: RuntimeOptions };
    options = exports.default ?? {};
  } catch {
    /* a malformed options module: no options */
  }
  return { ...config, gil: config.gil ?? options.gil === true };
}

/**
 * Built-in calls of at least this many units (8,192 items) look at their caller, traced or
 * not: to name the site in a budget message, and to leave the harness's own checking free.
 */
const SITE_UNITS = 1024;

/**
 * The call comes from the exercise harness, with no frame of the solution on the stack:
 * checking the answer (comparing it with JSON.stringify, say) is not the solution's work.
 */
function harnessCall(stack: string): boolean {
  for (const line of stack.split("\n")) {
    const m = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!m || !userFiles.has(m[1]!)) continue;
    if (m[1] === STUDENT_MODULE) return false;
    if (m[1] === HARNESS_MODULE) return !stack.includes(`${STUDENT_MODULE}:`);
  }
  return false;
}

/** A built-in the program called computed `units` (builtin-costs.ts). */
function chargeBuiltin(units: number): void {
  const s = current;
  if (s === null || s.over) return;
  const t = s.current;
  // Outside threads only a module's load is the program's; inside a runtime operation the
  // built-ins are the runtime's.
  if (t === null ? loading === 0 : t.inFlight !== null) return;
  let site: SourceSite | undefined;
  if (units >= SITE_UNITS) {
    const stack = new Error().stack ?? "";
    if (uncharged(() => harnessCall(stack))) return;
    site = siteOf(stack);
  } else if (s.tracing) site = siteOf(new Error().stack);
  s.tick(units, site?.line ?? 0, site?.file ?? "a built-in");
}

const control = {
  define(name: string, depsJson: string, factory: Factory, displayName: string, linesJson: string): void {
    const tick: Tick = (units, line) => {
      const s = current;
      // Scheduler.tick takes only positive, finite costs (a reached counter cannot subtract time).
      if (s !== null) s.tick(units, Number(line) || 0, displayName);
    };
    modules.set(name, { factory, deps: JSON.parse(depsJson) as Record<string, string>, tick });
    userFiles.set(name, { displayName, lines: new Map(JSON.parse(linesJson) as [number, number][]) });
  },

  /** Run one schedule to its end. All of it happens in this call's microtask checkpoint. */
  run(configJson: string): void {
    current = null;
    const config = withRuntimeOptions(JSON.parse(configJson) as ScheduleConfig);
    programRng = new Prng(config.seed, 2);
    let late: Scheduler | null = null;
    const monitor = new DetectingMonitor(
      () => late!,
      config.detectRaces,
      config.detectLockOrder,
      config.quietCycles ?? [],
    );
    const paused = (id: number): boolean => {
      const t = late?.threads[id];
      const pending = t?.pendingLock;
      if (!t || !pending) return false;
      const held = monitor.heldNames(id);
      return (config.directed ?? []).some(
        (e) => e.thread === t.name && e.acquired === pending.name && held.includes(e.held),
      );
    };
    const s = new Scheduler(config, createStrategy(config, { paused }), monitor, siteOf);
    late = s;
    current = s;
    setScheduler(s);
    lastResult = "";
    const main = s.newThread("MainThread");
    adoptThread(main);
    let entry: unknown;
    try {
      const exports = instantiate(config.entryModule, s.mainProcess.cache) as Record<string, unknown>;
      entry = exports[config.entryExport];
    } catch (error) {
      s.fail(
        { kind: "error", message: `loading the program raised ${describeError(error)}` },
        null,
        siteOf(error instanceof Error ? error.stack : undefined),
      );
      return;
    }
    if (typeof entry !== "function") {
      const what =
        config.entryExport === "default"
          ? "a default export `async function main()`"
          : `an export named ${config.entryExport}`;
      s.fail({ kind: "error", message: `the program has no ${what}` });
      return;
    }
    s.start(main, null, () => (entry as () => unknown)());
    s.boot(main);
  },

  result(): string {
    if (lastResult === "" && current) {
      lastResult = JSON.stringify(current.result());
      setScheduler(null);
    }
    return lastResult;
  },

  /**
   * Remove what must not be reachable, then freeze the world. Called once, before user code.
   * `builtinCosts` false: built-ins compute for free (benchmarks only, grader/compile/transpile.ts).
   */
  lockdown(builtinCosts = true): void {
    delete (globalThis as Record<string, unknown>).__interleaveBoot;
    harden({
      charge: builtinCosts ? chargeBuiltin : undefined,
      now: () => current?.now ?? 0,
      random: () => programRng.float(),
      print: (text) => {
        const t = current?.current;
        if (current && t) current.event(t, "print", undefined, text.length > 200 ? `${text.slice(0, 199)}…` : text);
      },
    });
    deepFreeze(frozenApi);
    deepFreeze(frozenHarnessApi);
  },
};

(globalThis as Record<string, unknown>).__interleaveBoot = control;
