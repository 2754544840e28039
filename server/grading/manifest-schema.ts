// The exercise manifest's zod schema, for the authoring form (server/authoring/): the SAME
// schema the grader's loader parses exercise.json with, so a form the server accepts is a
// folder `interleave validate` accepts. server/grading/ is the only part of server/ allowed to
// import grader/; this file exposes only the pure zod module (grader/exercise/manifest.ts and
// the verdict list), never the engine, so the web server still never loads the grader.
export { manifestSchema, DIFFICULTIES, CHECK_KINDS } from "../../grader/exercise/manifest";
export type { ExerciseManifest } from "../../grader/exercise/manifest";
export { VERDICTS } from "../../grader/protocol/verdict";
