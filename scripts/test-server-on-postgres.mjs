// `npm test`'s second pass of server/'s integration tests, on PostgreSQL: every test that does
// not choose a backend (createTestDb() with no argument) runs again against a fresh PostgreSQL
// database (INTERLEAVE_TEST_BACKEND=postgres, server/testing/test-db.ts). The tests that already
// run on both backends themselves (the queue's, the faults, fairness) are not repeated. Without
// a server (INTERLEAVE_TEST_POSTGRES_URL, set by .ci/run from scripts/postgres-local.sh) it says so and
// passes: a machine without PostgreSQL still runs the whole suite on SQLite.
import { spawnSync } from "node:child_process";

if (!process.env.INTERLEAVE_TEST_POSTGRES_URL) {
  console.log("server/ on PostgreSQL: skipped (no INTERLEAVE_TEST_POSTGRES_URL; scripts/postgres-local.sh start)");
  process.exit(0);
}
const run = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    "server",
    "--exclude",
    "server/grading/faults.test.ts",
    "--exclude",
    "server/grading/fairness.test.ts",
    "--exclude",
    "server/grading/queue/**",
  ],
  { stdio: "inherit", env: { ...process.env, INTERLEAVE_TEST_BACKEND: "postgres" } },
);
process.exit(run.status ?? 1);
