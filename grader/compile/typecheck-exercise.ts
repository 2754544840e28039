// Every file of an exercise must type-check against the runtime's declarations: students
// see the starter in an editor that underlines type errors, and a harness or reference that
// misuses the API is a broken exercise. One in-memory program for the whole catalogue.

import path from "node:path";
import ts from "typescript";
import { runtimeDeclarations } from "./declarations";
import type { LoadedExercise } from "../exercise/load";

export interface TypeProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** The editor's options (app side: the same strict settings over public/interleave.d.ts). */
export const TYPECHECK_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
};

/** `/virtual/<slug>/<file>` for every file; each harness sees the reference as "./solution". */
export function typecheckExercises(exercises: readonly LoadedExercise[]): TypeProblem[] {
  const files = new Map<string, { text: string; real: string }>();
  const add = (virtual: string, text: string, real: string) => files.set(virtual, { text, real });
  add("/virtual/interleave.d.ts", runtimeDeclarations(), "interleave.d.ts");
  for (const e of exercises) {
    const slug = e.manifest.slug;
    const dir = `/virtual/${slug}`;
    add(`${dir}/starter.ts`, e.starter, path.join(e.dir, "starter.ts"));
    add(`${dir}/solution.ts`, e.reference, path.join(e.dir, "reference.ts"));
    add(`${dir}/harness.ts`, e.harness, path.join(e.dir, "harness.ts"));
    for (const m of e.mutants) add(`${dir}/${m.file}`, m.source, path.join(e.dir, m.file));
    for (const f of e.fakes ?? []) add(`${dir}/${f.file}`, f.source, path.join(e.dir, f.file));
    for (const a of e.alternates ?? []) add(`${dir}/${a.file}`, a.source, path.join(e.dir, a.file));
  }
  const host = ts.createCompilerHost(TYPECHECK_OPTIONS);
  const realGet = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const f = files.get(name);
    if (f) return ts.createSourceFile(name, f.text, language, true);
    return realGet(name, language, onError, create);
  };
  const realExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || realExists(name);
  const realDirectoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) =>
    dir.startsWith("/virtual") || (realDirectoryExists ? realDirectoryExists(dir) : false);
  const realRead = host.readFile.bind(host);
  host.readFile = (name) => files.get(name)?.text ?? realRead(name);
  const program = ts.createProgram([...files.keys()], TYPECHECK_OPTIONS, host);
  const problems: TypeProblem[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.category !== ts.DiagnosticCategory.Error) continue;
    const file = d.file ? files.get(d.file.fileName) : undefined;
    const pos =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    problems.push({
      path: file?.real ?? d.file?.fileName ?? "(program)",
      line: pos.line + 1,
      column: pos.character + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, " "),
    });
  }
  return problems;
}
