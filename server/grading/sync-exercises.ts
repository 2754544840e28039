import { loadCatalogue, type LoadedExercise } from "../../grader/index";
import type { Db } from "../db";
import { applyCatalogue, type CatalogueChanges } from "./apply-catalogue";
import type { CatalogueEntry } from "./catalogue-entry";

// server/grading/ is the only part of server/ allowed to import grader/ (eslint.config.mjs):
// the grader parses and validates the exercise packages, this file mirrors them into the DB.

export type SyncReport = CatalogueChanges & {
  problems: { path: string; message: string }[];
  archivingSkipped: boolean;
};

// Fails to compile if the grader's LoadedExercise stops carrying what the database mirrors.
const asEntry = (exercise: LoadedExercise): CatalogueEntry => exercise;

/** Load exercises/ (or `rootDir`) through the grader and upsert them by stable id. */
export async function syncExercises(rootDir: string, db?: Db): Promise<SyncReport> {
  const { exercises, problems } = await loadCatalogue(rootDir);
  const archivingSkipped = problems.length > 0;
  const changes = await applyCatalogue(exercises.map(asEntry), { archiveMissing: !archivingSkipped, db });
  return { ...changes, problems, archivingSkipped };
}

export function describeSync(report: SyncReport): string {
  const lines = [
    `${report.created.length} created, ${report.updated.length} updated, ` +
      `${report.unchanged.length} unchanged, ${report.archived.length} archived`,
  ];
  for (const problem of report.problems) lines.push(`  problem: ${problem.path}: ${problem.message}`);
  for (const id of report.conflicts) {
    lines.push(`  skipped ${id}: an exercise authored in the browser holds its id or slug`);
  }
  if (report.archivingSkipped) {
    lines.push("  archiving skipped: fix the problems above so a broken manifest does not hide its exercise");
  }
  return lines.join("\n");
}
