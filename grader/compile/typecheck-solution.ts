// A student's file is type-checked as the editor checks it (issue 14): against the runtime's
// declarations, with the exercise type check's options. A type error is a compile-error, as a
// syntax error is; only the student's file counts (the harness is the exercise's business).
// One warm language service per process: after the first check, the lib files and the
// declarations stay parsed and bound, and a submission only re-checks its own file.

import ts from "typescript";
import { TYPECHECK_OPTIONS } from "./typecheck-exercise";
import { runtimeDeclarations } from "./declarations";
import type { CompileDiagnostic } from "./transpile";

const DIR = "/interleave-solution";
const SOLUTION = `${DIR}/solution.ts`;
const DECLARATIONS = `${DIR}/interleave.d.ts`;

interface Checker {
  service: ts.LanguageService;
  setSolution(text: string): void;
}

let checker: Checker | null = null;

function warmChecker(): Checker {
  if (checker) return checker;
  let text = "";
  let version = 0;
  const declarations = runtimeDeclarations();
  const defaultLib = ts.getDefaultLibFilePath(TYPECHECK_OPTIONS);
  const libDir = defaultLib.slice(0, defaultLib.lastIndexOf("/") + 1);
  const libCache = new Map<string, ts.IScriptSnapshot>();
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => TYPECHECK_OPTIONS,
    getScriptFileNames: () => [DECLARATIONS, SOLUTION],
    getScriptVersion: (name) => (name === SOLUTION ? String(version) : "0"),
    getScriptSnapshot: (name) => {
      if (name === SOLUTION) return ts.ScriptSnapshot.fromString(text);
      if (name === DECLARATIONS) return ts.ScriptSnapshot.fromString(declarations);
      let snapshot = libCache.get(name);
      if (!snapshot) {
        const content = ts.sys.readFile(name);
        if (content === undefined) return undefined;
        snapshot = ts.ScriptSnapshot.fromString(content);
        libCache.set(name, snapshot);
      }
      return snapshot;
    },
    getCurrentDirectory: () => DIR,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) =>
      name === SOLUTION || name === DECLARATIONS || (name.startsWith(libDir) && ts.sys.fileExists(name)),
    readFile: (name) => (name === SOLUTION ? text : name === DECLARATIONS ? declarations : ts.sys.readFile(name)),
    directoryExists: (dir) => dir === DIR || dir.startsWith(libDir.slice(0, -1)),
  };
  checker = {
    service: ts.createLanguageService(host, ts.createDocumentRegistry()),
    setSolution(next) {
      text = next;
      version++;
    },
  };
  return checker;
}

/**
 * The type errors of a solution, as the editor underlines them, under the name the student
 * knows the file by. Syntax errors come first and alone (type errors after a syntax error are
 * noise). `// @ts-nocheck`, `@ts-ignore` and `@ts-expect-error` work as in the editor: the
 * student sees and chooses them, and they hide nothing from the stress schedules. Then each
 * of `expected` (expectedExports) the file does not export is an error of its own, named with
 * the starter's signature, instead of "(0, solution_1.f) is not a function" at run time.
 */
export function typecheckSolution(
  source: string,
  displayName: string,
  expected: readonly ExpectedExport[] = [],
): CompileDiagnostic[] {
  const { service, setSolution } = warmChecker();
  setSolution(source);
  const syntactic = service.getSyntacticDiagnostics(SOLUTION);
  const diagnostics = syntactic.length > 0 ? syntactic : service.getSemanticDiagnostics(SOLUTION);
  const errors = diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const pos =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      return {
        file: displayName,
        line: pos.line + 1,
        column: pos.character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      };
    });
  return errors.length > 0 ? errors : missingExports(service, expected, displayName);
}

/** A name the harness takes from the student's module, with the starter's signature for it. */
export interface ExpectedExport {
  name: string;
  /** `countConcurrently(threads, perThread)`, `class Account`; the bare name when unknown. */
  shown: string;
}

/**
 * The values the harness takes from "./solution" (named imports, and `ns.name` through a
 * namespace import) that the starter exports: those are what a solution must export. Names
 * the starter does not export as values (types, harness-only helpers) are not required here.
 */
export function expectedExports(harness: string, starter: string): ExpectedExport[] {
  const starterFile = ts.createSourceFile("starter.ts", starter, ts.ScriptTarget.ES2022, true);
  const starterValues = new Map<string, string>();
  const params = (fn: ts.SignatureDeclarationBase) => fn.parameters.map((p) => p.name.getText(starterFile)).join(", ");
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of starterFile.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name)
      starterValues.set(statement.name.text, `${statement.name.text}(${params(statement)})`);
    else if (ts.isClassDeclaration(statement) && statement.name)
      starterValues.set(statement.name.text, `class ${statement.name.text}`);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const init = d.initializer;
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
        starterValues.set(d.name.text, fn ? `${d.name.text}(${params(fn)})` : d.name.text);
      }
  }
  const harnessFile = ts.createSourceFile("harness.ts", harness, ts.ScriptTarget.ES2022, true);
  const wanted = new Set<string>();
  const namespaces = new Set<string>();
  for (const statement of harnessFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    if (!ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== "./solution") continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    else if (bindings)
      for (const e of bindings.elements) if (!e.isTypeOnly) wanted.add((e.propertyName ?? e.name).text);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text))
      wanted.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  if (namespaces.size > 0) visit(harnessFile);
  return [...wanted].filter((n) => starterValues.has(n)).map((name) => ({ name, shown: starterValues.get(name)! }));
}

/** What the checked solution lacks of `expected`, said as the student needs it. */
function missingExports(
  service: ts.LanguageService,
  expected: readonly ExpectedExport[],
  displayName: string,
): CompileDiagnostic[] {
  if (expected.length === 0) return [];
  const program = service.getProgram();
  const file = program?.getSourceFile(SOLUTION);
  if (!program || !file) return [];
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(file);
  const names = new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : []);
  // Declared but not exported (the `export` keyword lost): point at the declaration.
  const declared = new Map<string, ts.Node>();
  for (const statement of file.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      declared.set(statement.name.text, statement.name);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) declared.set(d.name.text, d.name);
  }
  return expected
    .filter((e) => !names.has(e.name))
    .map((e) => {
      const local = declared.get(e.name);
      const pos = local ? file.getLineAndCharacterOfPosition(local.getStart(file)) : { line: 0, character: 0 };
      return {
        file: displayName,
        line: pos.line + 1,
        column: pos.character + 1,
        message: local
          ? `${displayName} does not export \`${e.shown}\`: it declares ${e.name} but the exercise cannot call it; put \`export\` before it, as in the starter.`
          : `${displayName} does not export \`${e.shown}\`: the exercise calls it. Keep the starter's exported names (and \`export\` them).`,
      };
    });
}

/**
 * Pay the cold start now (generating the runtime's declarations and loading the lib files:
 * seconds, once per process) rather than inside the first submission's grading time.
 */
export function warmUpTypecheck(): void {
  typecheckSolution("export {};\n", "warm-up.ts");
}
