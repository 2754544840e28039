// Runtime options (issue 5: `gil`) travel into the sandbox as one more module of the
// program, which the runtime reads before a schedule starts (grader/isolate/boot.ts,
// OPTIONS_MODULE): the same path the program takes, so the explore and replay tasks carry
// them without knowing about them.

import { OPTIONS_MODULE, type RuntimeOptions } from "../engine/program";
import type { ProgramFile } from "../isolate/session";

export function runtimeOptionsFile(options: RuntimeOptions): ProgramFile {
  return {
    name: OPTIONS_MODULE,
    displayName: "(runtime options)",
    source: `export default ${JSON.stringify({ gil: options.gil === true })};\n`,
  };
}

/** `files` with the options module added when any option differs from the default. */
export function withRuntimeOptions(files: ProgramFile[], options: RuntimeOptions): ProgramFile[] {
  return options.gil ? [...files, runtimeOptionsFile(options)] : files;
}
