// What the runtime needs from the program loader (boot.ts) to start a virtual process: a
// fresh instance of the program's modules (Python's spawn start method re-imports the main
// module in the child), and the name of the module a call comes from.

export interface ProgramHost {
  /** Instantiate module `name` (and what it requires) into `cache`; returns its exports. */
  instantiate(name: string, cache: Map<string, unknown>): unknown;
  /** Internal name of the innermost user module on the current stack ("harness.ts", ...). */
  callerModule(): string | undefined;
}

let host: ProgramHost | null = null;

export function setProgramHost(h: ProgramHost): void {
  host = h;
}

export function programHost(): ProgramHost {
  if (host === null) throw new Error("the interleave runtime has no program loaded");
  return host;
}

/** Name of the module that carries runtime options (gil, ...) from the host into the sandbox. */
export const OPTIONS_MODULE = "interleave:options";

export interface RuntimeOptions {
  gil?: boolean;
}
