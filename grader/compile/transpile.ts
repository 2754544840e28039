// Student TypeScript → the CommonJS-shaped JavaScript the sandbox runs, with a map from
// generated lines back to the student's lines. A syntax error is a compile-error verdict
// with file:line:col, never a crash.

import ts from "typescript";
import { instrumenter, RESERVED_PREFIX, TICK, type ReservedUse } from "./instrument";
import { lineMapFromSourceMap } from "./sourcemap";

export interface CompiledModule {
  /** Name the module has inside the sandbox (also the file name in stack traces). */
  name: string;
  /** What the user calls the file (shown in reports). */
  displayName: string;
  js: string;
  /** Generated JS line → TypeScript line. */
  lines: Map<number, number>;
  source: string;
}

export interface CompileDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type CompileResult = { ok: true; module: CompiledModule } | { ok: false; diagnostics: CompileDiagnostic[] };

let instrumentByDefault = true;
let statementsOnly = false;

/**
 * Benchmarks only (bench/perf-instrumentation.ts): compile without the cost-counting
 * transformer (`false`), or with the weights before issue 9 (`"statements"`: statements
 * only, see InstrumentOptions), to measure what they cost. Grading always instruments fully.
 */
export function setInstrumentationForBenchmarks(on: boolean | "statements"): void {
  instrumentByDefault = on !== false;
  statementsOnly = on === "statements";
}

/** Benchmarks only: whether built-ins are charged (grader/engine/builtin-costs.ts); see session.ts. */
export function builtinCostsOn(): boolean {
  return instrumentByDefault && !statementsOnly;
}

/**
 * Compiled files, most recently used last: a sandbox process compiles the same exercise
 * harness for every submission, and the same solution for every check and chunk of it
 * (issue 17: ~40–200 ms a harness on a loaded 2-core machine). Compiling is a pure function
 * of these inputs, and nothing mutates a compiled module.
 */
const compiled = new Map<string, CompileResult>();
const COMPILED_KEPT = 16;

export function compileModule(name: string, displayName: string, source: string): CompileResult {
  const key = `${instrumentByDefault}\0${statementsOnly}\0${name}\0${displayName}\0${source}`;
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  const result = compileUncached(name, displayName, source);
  compiled.set(key, result);
  if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
  return result;
}

function compileUncached(name: string, displayName: string, source: string): CompileResult {
  const reserved: ReservedUse[] = [];
  const out = ts.transpileModule(source, {
    transformers: instrumentByDefault ? { before: [instrumenter(reserved, { statementsOnly })] } : undefined,
    fileName: displayName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      sourceMap: true,
      inlineSources: false,
      esModuleInterop: false,
      isolatedModules: true,
      strict: true,
      removeComments: false,
    },
  });
  const diagnostics = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length > 0) {
    return {
      ok: false,
      diagnostics: diagnostics.map((d) => {
        const pos =
          d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
        return {
          file: displayName,
          line: pos.line + 1,
          column: pos.character + 1,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        };
      }),
    };
  }
  if (reserved.length > 0) {
    return {
      ok: false,
      diagnostics: reserved.map((r) => ({
        file: displayName,
        line: r.line,
        column: r.column,
        message: `'${r.name}': names starting with ${RESERVED_PREFIX} are reserved by the Interleave runtime; rename it`,
      })),
    };
  }
  const js = out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, "");
  const map = JSON.parse(out.sourceMapText ?? "{}") as { mappings?: string };
  return { ok: true, module: { name, displayName, js, lines: lineMapFromSourceMap(map.mappings ?? ""), source } };
}

/**
 * Wrap compiled code as a factory expression; the prefix stays on line 1 so lines do not
 * shift. The factory takes the cost counter as its fourth argument and runs the module in
 * an inner function of three parameters: the counter is a closure variable there, not in
 * the module's `arguments` (issue 9), not a global, and its name is reserved at compile
 * time, so the program can neither name, reach nor replace it. The outer function is
 * strict, so `arguments.callee.caller.arguments` cannot climb to it either.
 */
export function factorySource(js: string): string {
  return `(function (exports, require, module, ${TICK}) { "use strict"; return (function (exports, require, module) {${js}\n}).call(this, exports, require, module); })`;
}
