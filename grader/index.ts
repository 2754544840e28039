// The grader's public entry. The app reaches the grader only through this file (and only
// from the grading side of server/): see ARCHITECTURE.md.

export { loadCatalogue, loadExercise } from "./exercise/load";
export type { Catalogue, CatalogueProblem, LoadedExercise } from "./exercise/load";
export { manifestSchema, DIFFICULTIES } from "./exercise/manifest";
export type { ExerciseManifest, ExerciseCheck } from "./exercise/manifest";
export { VERDICTS, verdictOf } from "./protocol/verdict";
export type { Verdict } from "./protocol/verdict";
export { SandboxPool } from "./workers/pool";
export type { SandboxTask, SandboxAnswer } from "./workers/tasks";
export type { ProgramFile } from "./isolate/session";
export type { ExploreReport, ExploreProgress, Failure } from "./explore/explore";
export type { TraceEvent } from "./protocol/types";
export { gradeSolution } from "./grade/grade";
export { stepCheck } from "./grade/step-check";
export { stepTarget } from "./grade/target";
export type { TargetStepAnswer } from "./grade/target";
export type { CheckStep } from "./grade/step-check";
export type { StepState, StepThread } from "./protocol/step";
export { warmUpTypecheck } from "./compile/typecheck-solution";
export type { GradeReport, CheckResult, CheckProgressEvent } from "./grade/grade";
export { validateExercise } from "./grade/validate";
export type { ExerciseValidation } from "./grade/validate";
export { runtimeDeclarations } from "./compile/declarations";
