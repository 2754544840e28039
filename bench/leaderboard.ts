// Leaderboards at 10,000 students (issue 15): a board is read from the materialised standings,
// never from the submissions, so its cost grows with the students on it, not their attempts.
// Builds a throwaway database (the real migrations), 10,000 students × 5 exercises of standings,
// then times what a page view and the live poll cost: the exercise and site boards as the page
// asks for them (top 50 + near me, for a student far down), the whole board as JSON, the
// version stamp a live board polls, and the completion hook's rebuild of one standing.
// `npx tsx bench/leaderboard.ts` alone, or section (l) of `npm run bench`.

import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { onGradingStored } from "../server/grading/on-grading-stored";
import { boardVersion } from "../server/leaderboards/board-version";
import { getLeaderboard } from "../server/leaderboards/get-leaderboard";
import { createTestDb } from "../server/testing/test-db";

/** Wall time, and this process's CPU time (the machine is shared: wall time includes waiting for a core). */
export type LeaderboardFigure = { name: string; medianMs: number; maxMs: number; cpuMs: number; goalMs: number | null };
export type LeaderboardBench = { students: number; standings: number; buildMs: number; figures: LeaderboardFigure[] };

const EXERCISES = 5;
export const PAGE_GOAL_MS = 200;

async function time(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ medianMs: number; maxMs: number; cpuMs: number }> {
  await fn(); // warm: the first query plans and compiles
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(startCpu);
    ms.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    medianMs: ms[Math.floor(ms.length / 2)]!,
    maxMs: ms[ms.length - 1]!,
    cpuMs: cpu[Math.floor(cpu.length / 2)]!,
  };
}

export async function benchLeaderboard({
  students = 10_000,
  runs = 9,
}: { students?: number; runs?: number } = {}): Promise<LeaderboardBench> {
  const t = await createTestDb();
  try {
    const db = t.db;
    const buildStart = performance.now();
    const T0 = Date.UTC(2026, 10, 1);
    for (let e = 0; e < EXERCISES; e++)
      await db.exercise.create({
        data: {
          id: `bench-${e}`,
          slug: `bench-${e}`,
          title: `Bench ${e}`,
          chapter: 3,
          difficulty: "easy",
          points: 100,
          tags: "[]",
          summary: "",
          statementMd: "",
          starterCode: "",
        },
      });
    const ids: string[] = [];
    for (let start = 0; start < students; start += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, students - start) }, (_, i) => {
        const n = start + i;
        return {
          id: `user-${n}`,
          email: `student-${n}@bench.invalid`,
          displayName: `Student ${n}`,
          passwordHash: "x",
          leaderboardOptOut: n % 97 === 0,
        };
      });
      await db.user.createMany({ data: batch });
      ids.push(...batch.map((b) => b.id));
      const standings = batch.flatMap((b, i) =>
        Array.from({ length: EXERCISES }, (_, e) => {
          const n = start + i;
          // scores in steps of 10 (many ties), speedups on exercise 0, times spread over a month
          const score = ((n * 7 + e * 13) % 11) * 10;
          return {
            userId: b.id,
            exerciseId: `bench-${e}`,
            bestScore: score,
            maxScore: 100,
            speedup: e === 0 ? 1 + (n % 30) / 10 : null,
            perfKey: e === 0 ? 1 + (n % 30) / 10 : null,
            reachedAt: new Date(T0 + ((n * 7919 + e * 104729) % (30 * 86_400)) * 1000),
            submissionId: `sub-${n}-${e}`,
            passed: score === 100,
            attempts: 1,
          };
        }),
      );
      await db.standing.createMany({ data: standings });
    }
    const buildMs = performance.now() - buildStart;

    // A viewer near the bottom of the exercise board: the page shows the top and "near me".
    const board = await getLeaderboard(
      { kind: "exercise", slug: "bench-0", courseId: null },
      { id: ids[0]!, role: "student" },
      { db },
    );
    if (board.kind !== "ok") throw new Error("bench: the exercise board did not load");
    const low = await db.standing.findFirst({
      where: { exerciseId: "bench-0", bestScore: 0 },
      select: { userId: true },
    });
    const viewer = { id: low?.userId ?? ids[ids.length - 1]!, role: "student" as const };
    const exercise = { kind: "exercise" as const, slug: "bench-0", courseId: null };
    const site = { kind: "site" as const };

    // The completion hook rebuilds one standing from the student's submissions.
    const submission = await db.submission.create({
      data: {
        userId: viewer.id,
        exerciseId: "bench-1",
        code: "",
        status: "done",
        result: { create: { verdict: "passed", score: 100, maxScore: 100, reportJson: '{"checks":[]}' } },
      },
    });

    const figures: LeaderboardFigure[] = [];
    const measure = async (name: string, goalMs: number | null, fn: () => Promise<unknown>) => {
      figures.push({ name, goalMs, ...(await time(runs, fn)) });
    };
    await measure("exercise board, page (top 50 + near me)", PAGE_GOAL_MS, () =>
      getLeaderboard(exercise, viewer, { db, top: 50, near: 5 }),
    );
    await measure("site board, page (top 50 + near me)", PAGE_GOAL_MS, () =>
      getLeaderboard(site, viewer, { db, top: 50, near: 5 }),
    );
    await measure("exercise board, all 10k entries as JSON", null, async () =>
      JSON.stringify(await getLeaderboard(exercise, viewer, { db })),
    );
    await measure("site board, all entries as JSON", null, async () =>
      JSON.stringify(await getLeaderboard(site, viewer, { db })),
    );
    await measure("version stamp (a live board's poll, 304)", null, () => boardVersion(site, db));
    await measure("completion hook: rebuild one standing", null, () => onGradingStored(submission.id, { db }));
    const standings = await db.standing.count();
    return { students, standings, buildMs, figures };
  } finally {
    await t.dispose();
  }
}

export function formatLeaderboardBench(result: LeaderboardBench): string[] {
  const lines = [
    `load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPUs`,
    `${result.students} students, ${result.standings} standings, built in ${Math.round(result.buildMs)} ms (throwaway SQLite database)`,
  ];
  for (const f of result.figures)
    lines.push(
      `  ${f.name.padEnd(46)} median ${f.medianMs.toFixed(1).padStart(7)} ms (CPU ${f.cpuMs.toFixed(1).padStart(6)} ms)  max ${f.maxMs.toFixed(1).padStart(7)} ms${
        f.goalMs === null
          ? ""
          : `  goal < ${f.goalMs} ms: ${f.medianMs < f.goalMs ? "met" : `MISSED${f.cpuMs < f.goalMs ? " (CPU time within it: a busy machine)" : ""}`}`
      }`,
    );
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchLeaderboard();
  for (const line of formatLeaderboardBench(result)) console.log(line);
  console.log(JSON.stringify(result));
}
