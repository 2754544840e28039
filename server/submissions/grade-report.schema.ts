// The grade report the app reads, parsed when it leaves the database: reportJson is stored as
// the worker wrote it (trimmed: server/grading/trim-report.ts), and what the schema does not
// list (decisions, hashes, the per-check explore report's internals) is dropped. The schema is
// the grader's (grader/protocol/report.ts, the one definition of the report's shape): the only
// part of grader/ that server/submissions/ may import (eslint.config.mjs), pure zod and data.

export { CheckResult, Failure, GradeReport, Performance, TraceEvent } from "../../grader/protocol/report";
