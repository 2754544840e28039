// `npm run lint` fails on an import cycle in grader/, server/, app/ or scripts/ (issue 11). A cycle
// hides which of two modules is the lower layer, and a lazy `import()` that breaks one at run
// time hides it from the reader too, so every import counts: static, `export … from`, dynamic
// `import()`, and type-only ones (a type cycle is the same knot in the design). Imports are
// resolved with the TypeScript API and the project's tsconfig (so `@/…` paths count); packages
// (anything resolved into node_modules) are not followed. Each strongly connected component of
// the graph is reported with one cycle through it, shortest first.
//
// The same graph checks grader/'s layers (ARCHITECTURE.md, "Inside grader/"): a folder imports
// only from the folders its row allows. Tests and test helpers may import any layer.

import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CHECKED_FOLDERS = ["grader", "server", "app", "scripts"];
/** Programs under test and fixtures are inputs to the grader, not parts of the project. */
const SKIPPED = /(^|\/)(node_modules|programs|fixtures|\.next)(\/|$)/;
const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Every module specifier `file` names: imports, re-exports, dynamic `import("…")`. */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The import graph of `files` (absolute paths): each file to the project files it imports. */
export function importGraph(files: string[], options: ts.CompilerOptions): Map<string, string[]> {
  const inProject = new Set(files.map((f) => path.resolve(f)));
  const host = ts.createCompilerHost(options);
  const graph = new Map<string, string[]>();
  for (const file of inProject) {
    const text = ts.sys.readFile(file) ?? "";
    const targets = new Set<string>();
    for (const specifier of moduleSpecifiers(file, text)) {
      const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (inProject.has(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** One cycle per strongly connected component (Tarjan), as file lists that start and end on the same file. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // Iterative, so a long import chain cannot overflow the stack.
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components
    .map((component) => shortestCycle(graph, new Set(component)))
    .sort((a, b) => a.length - b.length || a.join("\n").localeCompare(b.join("\n")));
}

/** The shortest cycle inside one component, by breadth-first search from its first file. */
function shortestCycle(graph: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const to of graph.get(node) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const cycle = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) cycle.push(at);
        return [...cycle, start].reverse();
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** grader/'s layers, each with the layers it may import (itself included). */
export const GRADER_LAYERS: Record<string, readonly string[]> = {
  protocol: ["protocol"],
  detect: ["detect", "protocol"],
  engine: ["engine", "detect", "protocol"],
  "detect/detectors": ["detect", "engine", "protocol"],
  library: ["library", "engine", "detect", "protocol"],
  exercise: ["exercise", "protocol"],
  compile: ["compile", "exercise", "engine", "protocol"],
  isolate: ["isolate", "library", "detect/detectors", "detect", "engine", "compile", "protocol"],
  explore: ["explore", "isolate", "engine", "detect", "protocol"],
  workers: ["workers", "explore", "isolate", "compile", "engine", "protocol"],
  perf: ["perf", "workers", "explore", "isolate", "exercise", "compile", "engine", "protocol"],
  grade: ["grade", "perf", "workers", "explore", "isolate", "compile", "exercise", "protocol"],
};

const TEST_HELPER = /(\.test\.tsx?|(^|\/)testing\.ts|(^|\/)testkit\.ts)$/;

/** The layer of a file `rel` (relative to grader/), or null when no layer rule applies to it. */
export function graderLayer(rel: string): string | null {
  if (rel === "detect/detectors.ts") return "detect/detectors";
  const folder = rel.split("/")[0]!;
  return rel.includes("/") && folder in GRADER_LAYERS ? folder : null;
}

/** Imports inside `graderRoot` that go against the layer table, as "from → to" pairs. */
export function layerViolations(graph: Map<string, string[]>, graderRoot: string): [string, string][] {
  const violations: [string, string][] = [];
  for (const [from, targets] of graph) {
    const relFrom = path.relative(graderRoot, from);
    if (relFrom.startsWith("..") || TEST_HELPER.test(relFrom)) continue;
    const layer = graderLayer(relFrom);
    if (layer === null) continue;
    for (const to of targets) {
      const relTo = path.relative(graderRoot, to);
      if (relTo.startsWith("..")) continue;
      const target = graderLayer(relTo);
      if (target !== null && !GRADER_LAYERS[layer]!.includes(target)) violations.push([from, to]);
    }
  }
  return violations.sort((a, b) => a.join().localeCompare(b.join()));
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIPPED.test(path.relative(ROOT, full))) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(full);
  }
  return files;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

export function checkProject(): { cycles: string[][]; violations: [string, string][] } {
  const files = CHECKED_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
  const graph = importGraph(files, compilerOptions());
  return { cycles: findCycles(graph), violations: layerViolations(graph, path.join(ROOT, "grader")) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { cycles, violations } = checkProject();
  const rel = (f: string) => path.relative(ROOT, f);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map(rel).join(" → ")}`);
  for (const [from, to] of violations) {
    const layer = graderLayer(path.relative(path.join(ROOT, "grader"), from))!;
    console.error(
      `layer: ${rel(from)} imports ${rel(to)}, but grader/${layer} may import only ${GRADER_LAYERS[layer]!.join(", ")}`,
    );
  }
  if (cycles.length > 0 || violations.length > 0) {
    console.error(
      `${cycles.length} import cycle(s), ${violations.length} layer violation(s) (scripts/check-import-cycles.ts; ARCHITECTURE.md "Inside grader/")`,
    );
    process.exitCode = 1;
  } else {
    console.log(`no import cycles in ${CHECKED_FOLDERS.join("/, ")}/; grader/ layers respected`);
  }
}
