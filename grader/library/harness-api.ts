// The "interleave/harness" module: what only exercise harnesses import. The host lists it in
// the harness's dependencies (grader/grade/grade.ts solutionFiles) and nowhere else, so a
// graded solution cannot reach it: not by import, not through "interleave", not through any
// object the runtime hands out (issue 9). Its exports ARE the module, as for api.ts.

import { sched } from "../engine/context";
import { RuntimeError, ValueError } from "./errors";
import { programHost } from "../engine/program";

/**
 * Record a measurement (a request's latency, say) for the exercise's performance checks.
 * Harnesses only: a graded solution cannot vouch for its own speed.
 */
export function measure(name: string, value: number): void {
  const s = sched();
  if (typeof name !== "string" || name.length === 0 || name.length > 200)
    throw new ValueError("measure(name, value) needs a name of 1 to 200 characters");
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ValueError("measure(name, value) needs a finite number");
  if (programHost().callerModule() === "solution.ts")
    throw new RuntimeError("measure() is for exercise harnesses; a solution cannot record its own measurements");
  s.measure(name, value);
}
