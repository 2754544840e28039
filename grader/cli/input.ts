// What every command reads the same way: a program file, the run defaults, and a pool of
// sandbox processes that closes when the command is done.

import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError, type Parsed } from "./args";
import type { ProgramFile } from "../isolate/session";
import { SandboxPool } from "../workers/pool";

export const DEFAULTS = { runs: 1000, seed: 1, cores: 4, maxSteps: 100_000 };

/** Bad input (a missing file, an unreadable exercise): exit code 2, no stack. */
export class InputError extends Error {}

export function readProgram(file: string): ProgramFile {
  if (!existsSync(file)) throw new InputError(`no such file: ${file}`);
  if (!statSync(file).isFile()) throw new InputError(`not a file: ${file}`);
  const source = readFileSync(file, "utf8");
  return { name: "program.ts", displayName: path.basename(file), source };
}

export function withPool<T>(fn: (pool: SandboxPool) => Promise<T>, size = 1): Promise<T> {
  const pool = new SandboxPool({ size, taskTimeoutMs: 10 * 60_000 });
  return fn(pool).finally(() => pool.close());
}

/** `--jobs N`: sandbox processes an exploration is spread over (issue 17); default, the machine's cores. */
export function jobsFlag(flags: Parsed["flags"]): number {
  const v = flags.jobs;
  if (v === undefined) return SandboxPool.defaultSize();
  if (typeof v !== "number" || v < 1 || v > 64) throw new UsageError("--jobs takes a number of processes from 1 to 64");
  return v;
}
