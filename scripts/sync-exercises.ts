// `npm run db:sync` (also run by `npm start`): mirror exercises/ into the database.
// Usage: tsx scripts/sync-exercises.ts [EXERCISES_DIR]
import { existsSync } from "node:fs";
import path from "node:path";
import { getDb } from "../server/db";
import { describeSync, syncExercises } from "../server/grading/sync-exercises";

const rootDir = path.resolve(process.argv[2] ?? process.env.EXERCISES_DIR ?? "exercises");

if (!existsSync(rootDir)) {
  console.warn(`sync: ${rootDir} does not exist, nothing to sync`);
  process.exit(0);
}

try {
  const report = await syncExercises(rootDir);
  console.log(`sync ${path.relative(process.cwd(), rootDir) || "."}: ${describeSync(report)}`);
} finally {
  await getDb().$disconnect();
}
