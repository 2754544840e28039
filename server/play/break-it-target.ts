import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env";

// Break-it exercises (issue 14) have a target: the program their harness simulates, written for
// the real runtime (exercise.json "target", exercises/break-*/target.ts). The web server only
// needs to know whether an exercise has one; the grading worker loads and runs it.

const known = new Map<string, boolean>();

/** Whether the exercise folder `slug` declares a target (read once per process). */
export function hasBreakItTarget(slug: string, exercisesDir = getEnv().EXERCISES_DIR): boolean {
  const key = `${exercisesDir}\0${slug}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  let found = false;
  try {
    const manifestPath = path.resolve(exercisesDir, slug, "exercise.json");
    if (!/^[a-z0-9][a-z0-9-]*$/.test(slug) || !existsSync(manifestPath)) found = false;
    else {
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { target?: unknown };
      found = typeof manifest.target === "string";
    }
  } catch {
    found = false;
  }
  known.set(key, found);
  return found;
}
