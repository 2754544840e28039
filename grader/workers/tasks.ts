// What the supervisor asks a sandbox worker process to do, and what comes back.

import type { CompileDiagnostic } from "../compile/transpile";
import type { ExploreOptions, ExploreReport } from "../explore/explore";
import type { ReplayStrategy } from "../engine/strategies/portfolio";
import type { ScheduleResult } from "../protocol/types";
import type { ProgramFile, SessionLimits } from "../isolate/session";
import type { StepOptions, StepState } from "../explore/step";

export type SandboxTask =
  | { kind: "explore"; files: ProgramFile[]; options: ExploreOptions; limits?: Partial<SessionLimits> }
  | {
      kind: "replay";
      files: ProgramFile[];
      options: Omit<ExploreOptions, "runs" | "strategy" | "timeBudgetMs"> & {
        strategy: ReplayStrategy;
        decisions?: number[];
      };
      limits?: Partial<SessionLimits>;
    }
  /** "You are the scheduler": replay a prefix of decisions and stop right after it (explore/step.ts). */
  | { kind: "step"; files: ProgramFile[]; options: StepOptions; limits?: Partial<SessionLimits> };

export type SandboxAnswer =
  | { kind: "explored"; report: ExploreReport }
  | { kind: "replayed"; report: ExploreReport; result: ScheduleResult | null }
  | { kind: "stepped"; state: StepState }
  | { kind: "compile-error"; diagnostics: CompileDiagnostic[] }
  | { kind: "bad-input"; message: string }
  /** The worker process died (the isolate's heap limit aborts the whole process in isolated-vm 5). */
  | { kind: "crashed"; message: string; memory: boolean }
  | { kind: "timeout"; message: string };
