// Section (f) of `npm run bench` (issue 10, "misses"): bugs that need the search to place
// several preemptions or delays exactly (bench/search-power/*.ts), run with every strategy
// on several base seeds, detectors off (the bugs are lock-protected: only the schedule can
// expose them). Per program and strategy: on how many seeds the bug is found within the
// budget, and the median first failing schedule (a miss counts as budget + 1).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExploreStrategy } from "../grader/engine/strategies/portfolio";
import type { BenchProgram } from "./corpus";
import { median, openSession, runExplore } from "./search";
import { fmt, formatTable } from "./table";

export const SEARCH_POWER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "search-power");

/** dfs runs at preemption bound 3 here: both bugs need three preemptions or delays. */
const STRATEGIES = [
  "portfolio",
  "pct",
  "random",
  "delay",
  "switch",
  "dfs",
] as const satisfies readonly ExploreStrategy[];

export function searchPowerPrograms(): BenchProgram[] {
  return readdirSync(SEARCH_POWER_DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => {
      const file = path.join(SEARCH_POWER_DIR, f);
      return { name: f.slice(0, -3), kind: "buggy" as const, path: file, source: readFileSync(file, "utf8") };
    });
}

export interface SearchPowerRow {
  program: string;
  strategy: (typeof STRATEGIES)[number];
  /** First failing schedule (1-based) per seed; null where the budget ran out. */
  firstFailing: (number | null)[];
  found: number;
  median: number | null;
}

export function measureSearchPower(seeds: readonly number[], runs: number): SearchPowerRow[] {
  const rows: SearchPowerRow[] = [];
  for (const p of searchPowerPrograms()) {
    const session = openSession(p);
    try {
      for (const strategy of STRATEGIES) {
        // dfs enumerates: the seed does not change it.
        const mine = strategy === "dfs" ? seeds.slice(0, 1) : seeds;
        const firstFailing = mine.map((seed) => {
          const r =
            strategy === "dfs" ? runExploreDfs(session, runs) : runExplore(session, strategy, runs, false, seed);
          return r.failure ? r.failure.schedule + 1 : null;
        });
        rows.push({
          program: p.name,
          strategy,
          firstFailing,
          found: firstFailing.filter((x) => x !== null).length,
          median: median(firstFailing.map((x) => x ?? runs + 1)),
        });
      }
    } finally {
      session.dispose();
    }
  }
  return rows;
}

function runExploreDfs(session: ReturnType<typeof openSession>, runs: number) {
  return runExplore(session, "dfs", runs, false, 1, 3);
}

export function formatSearchPower(rows: readonly SearchPowerRow[], runs: number): string {
  return [
    formatTable(
      ["program", "strategy", "found (seeds)", `median (miss = ${runs + 1})`, "first failing schedule per seed"],
      rows.map((r) => [
        r.program,
        r.strategy === "dfs" ? "dfs --depth 3" : r.strategy,
        `${r.found}/${r.firstFailing.length}`,
        fmt(r.median, 1),
        r.firstFailing.map((x) => x ?? "—").join(" "),
      ]),
    ),
    `Before issue 10 (portfolio = PCT 1–3, random, delay spread over all threads; same programs, seeds 1–5; bench/README.md):`,
    `torn-snapshot found on 0/5 seeds by the portfolio (pct 0/5, random 0/5, delay 1/5, dfs --depth 3 not within 1000);`,
    `lease-expiry on 2/5 (625, 730; delay alone 2/5: 625, 216).`,
  ].join("\n");
}
