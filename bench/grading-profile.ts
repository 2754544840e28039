// Issue 17: where one grading's time goes, phase by phase, for the three shared-counter
// solutions bench/load.ts sends (correct, racy, looping). In-process phases (type check with
// the warm language service, compile, isolate boot, each check's exploration, the failure's
// replay/shrink) are timed on a Session here; then the same solutions go through
// gradeSolution on a warmed SandboxPool of 2, as the grading worker calls it.
// `npx tsx --no-node-snapshot bench/grading-profile.ts` (PROFILE_ROUNDS, default 3).
import { readFileSync } from "node:fs";
import path from "node:path";
import { explore } from "../grader/explore/explore";
import { loadExercise } from "../grader/exercise/load";
import { checkExploreOptions, gradeSolution, solutionFiles } from "../grader/grade/grade";
import { defaultLimits, Session } from "../grader/isolate/session";
import { expectedExports, typecheckSolution, warmUpTypecheck } from "../grader/compile/typecheck-solution";
import { SandboxPool } from "../grader/workers/pool";
import { loadSolutions } from "./load-solutions";

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 3);
const { exercise } = loadExercise(path.resolve("exercises/shared-counter"));
if (!exercise) throw new Error("shared-counter did not load");
const m = exercise.manifest;
const solutions = loadSolutions(readFileSync("exercises/shared-counter/reference.ts", "utf8"));

const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;
/** utime + stime of a process in ms (Linux /proc, clock ticks of 10 ms); 0 when unreadable. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

warmUpTypecheck();
const expected = expectedExports(exercise.harness, exercise.starter);
for (let round = 0; round < ROUNDS; round++) {
  for (const [kind, code] of Object.entries(solutions)) {
    const row: Record<string, number | string> = { kind };
    let t = performance.now();
    const errors = typecheckSolution(code, "solution.ts", expected);
    row.typecheck = ms(t);
    if (errors.length) throw new Error(`${kind}: ${errors[0]!.message}`);
    const files = solutionFiles(exercise, code, "solution.ts");
    t = performance.now();
    const session = Session.create(files, defaultLimits);
    row.compileBoot = ms(t);
    for (const check of m.checks) {
      const options = checkExploreOptions(exercise, check);
      t = performance.now();
      const located = explore(session, { ...options, slice: { from: 0, to: options.runs, locateOnly: true } });
      row[`${check.id}:locate`] = ms(t);
      row[`${check.id}:n`] = located.schedulesRun;
      if (located.failedAt !== undefined) {
        t = performance.now();
        const built = explore(session, { ...options, slice: { from: located.failedAt, to: located.failedAt + 1 } });
        row[`${check.id}:build`] = ms(t);
        row[`${check.id}:v`] = built.verdict;
      }
    }
    session.dispose();
    console.log(JSON.stringify(row));
  }
}

const pool = new SandboxPool({ size: 2, taskTimeoutMs: 120_000, isolate: false });
await pool.warmUp();
for (let round = 0; round < ROUNDS; round++) {
  for (const [kind, code] of Object.entries(solutions)) {
    const t = performance.now();
    const c = cpu();
    const sandboxes = pool.pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const report = await gradeSolution(pool, exercise, code, "solution.ts", { deadlineMs: 60_000 });
    console.log(
      `pool grade ${kind}: ${report.verdict} wall ${ms(t)} ms, this process's CPU ${Math.round(cpu() - c)} ms, ` +
        `sandboxes' CPU ${pool.pids.reduce((sum, pid) => sum + processCpuMs(pid), 0) - sandboxes} ms, ` +
        report.checks.map((ch) => `${ch.id} ${ch.verdict} ${ch.schedulesRun}`).join(", "),
    );
  }
}
await pool.close();
