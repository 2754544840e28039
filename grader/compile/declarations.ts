// Type declarations of the "interleave" module, generated from the runtime's own source so
// they cannot drift: the web editor gives them to Monaco, and a test type-checks every
// exercise file against them.

import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const GRADER = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
let cached: string | null = null;

/**
 * Globals the sandbox gives besides the language's own (grader/isolate/harden.ts): console,
 * whose output is print debugging (`print` events in the trace). Written as the DOM library
 * writes it, so that an editor that also loads the DOM library merges the two without a clash.
 */
const SANDBOX_GLOBALS = `
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  trace(...data: any[]): void;
}
declare var console: Console;
`;

/** One ambient declaration file: `declare module "interleave" { ... }` and the modules it uses. */
export function runtimeDeclarations(): string {
  if (cached !== null) return cached;
  const program = ts.createProgram(
    [path.join(GRADER, "library", "api.ts"), path.join(GRADER, "library", "harness-api.ts")],
    {
      declaration: true,
      emitDeclarationOnly: true,
      outFile: "interleave.d.ts",
      module: ts.ModuleKind.AMD,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      rootDir: GRADER,
      lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
      types: [],
    },
  );
  let text = "";
  const result = program.emit(undefined, (_name, data) => {
    text = data;
  });
  if (result.emitSkipped || text === "") throw new Error("could not generate the runtime's declarations");
  cached =
    `${text}\ndeclare module "interleave" {\n  export * from "library/api";\n}\n` +
    `declare module "interleave/harness" {\n  export * from "library/harness-api";\n}\n` +
    SANDBOX_GLOBALS;
  return cached;
}
