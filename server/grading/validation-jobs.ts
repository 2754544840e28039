import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { loadExercise, validateExercise, type LoadedExercise, type SandboxPool } from "../../grader/index";
import { contentHash, PACKAGE_PATH } from "../authoring/authored-package";
import { getDb, type Db } from "../db";
import { claimLeasedRow } from "../jobs/claim-leased-row";

// Validation jobs for browser-authored exercises (issue 16): `interleave validate`'s proof run
// by the grading worker, never by the web server (author code runs only in the sandbox). They
// live in their own table (ExerciseValidation), not in the Submission queue, and the worker
// takes one only when no submission waits (startGradingWorker's `whenIdle`). Lease rules as the
// grading queue's (server/grading/queue/): a claim sets a lease, renewed while validating; a job
// whose lease ran out is claimed again, up to MAX_VALIDATION_ATTEMPTS.

export const MAX_VALIDATION_ATTEMPTS = 3;
export const VALIDATION_LEASE_MS = 60_000;

const ClaimedRow = z.object({ id: z.string(), versionId: z.string(), attempts: z.coerce.number().int() });
export type ClaimedValidation = z.infer<typeof ClaimedRow>;

/** Claim the oldest waiting validation (or one whose lease ran out) in one statement. */
export async function claimNextValidation(
  workerId: string,
  { db = getDb(), now = new Date(), leaseMs = VALIDATION_LEASE_MS }: { db?: Db; now?: Date; leaseMs?: number } = {},
): Promise<ClaimedValidation | null> {
  await db.exerciseValidation.updateMany({
    where: { status: "running", leaseExpiresAt: { lt: now }, attempts: { gte: MAX_VALIDATION_ATTEMPTS } },
    data: {
      status: "failed",
      finishedAt: now,
      error: `Validation stopped ${MAX_VALIDATION_ATTEMPTS} times before it could finish (the worker crashed or was stopped).`,
    },
  });
  const rows = await claimLeasedRow(db, "ExerciseValidation", ["id", "versionId", "attempts"], {
    workerId,
    now,
    leaseMs,
    maxAttempts: MAX_VALIDATION_ATTEMPTS,
  });
  return rows.length === 0 ? null : ClaimedRow.parse(rows[0]);
}

/**
 * Write a version's package into a fresh temporary folder named by its slug and load it with
 * the grader's own loader (the same checks as a folder of exercises/); the folder is removed
 * before this returns (the loaded exercise holds the sources in memory).
 */
export function materialiseVersion(
  manifestJson: string,
  filesJson: string,
): { exercise?: LoadedExercise; problems: string[] } {
  const manifest = JSON.parse(manifestJson) as { slug?: unknown };
  const files = z.record(z.string().regex(PACKAGE_PATH), z.string()).safeParse(JSON.parse(filesJson));
  if (!files.success) return { problems: files.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const slug =
    typeof manifest.slug === "string" && /^[a-z0-9][a-z0-9-]*$/.test(manifest.slug) ? manifest.slug : "exercise";
  const root = mkdtempSync(path.join(tmpdir(), "interleave-authored-"));
  try {
    const dir = path.join(root, slug);
    mkdirSync(path.join(dir, "mutants"), { recursive: true });
    mkdirSync(path.join(dir, "fakes"), { recursive: true });
    mkdirSync(path.join(dir, "alternates"), { recursive: true });
    writeFileSync(path.join(dir, "exercise.json"), manifestJson);
    for (const [name, text] of Object.entries(files.data)) writeFileSync(path.join(dir, name), text);
    const loaded = loadExercise(dir);
    return {
      exercise: loaded.exercise,
      problems: loaded.problems.map((p) => `${path.relative(dir, p.path) || p.path}: ${p.message}`),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The package of one version of a browser exercise, loaded for grading. */
export async function loadAuthoredVersion(
  db: Db,
  exerciseId: string,
  version: number,
): Promise<{ exercise?: LoadedExercise; problems: string[] }> {
  const row = await db.exerciseVersion.findUnique({ where: { exerciseId_version: { exerciseId, version } } });
  if (!row) return { problems: [`version ${version} does not exist`] };
  return materialiseVersion(row.manifestJson, row.filesJson);
}

export type RunValidationOptions = {
  db?: Db;
  pool: SandboxPool;
  workerId: string;
  leaseMs?: number;
  log?: (line: string) => void;
};

/**
 * Claim one validation job and run it; false when none was waiting. The result is stored on
 * the job, and on the version only if the version still holds the content that was validated
 * (an author may save while it runs).
 */
export async function runNextValidation({
  db = getDb(),
  pool,
  workerId,
  leaseMs = VALIDATION_LEASE_MS,
  log = () => {},
}: RunValidationOptions): Promise<boolean> {
  const job = await claimNextValidation(workerId, { db, leaseMs });
  if (!job) return false;
  const version = await db.exerciseVersion.findUnique({ where: { id: job.versionId } });
  if (!version) {
    await db.exerciseValidation.update({ where: { id: job.id }, data: { status: "failed", error: "version gone" } });
    return true;
  }
  const hash = contentHash(version.manifestJson, version.filesJson);
  const finish = (data: { status: "done" | "failed"; resultJson?: string; error?: string }) =>
    db.exerciseValidation.updateMany({
      where: { id: job.id, workerId, status: "running" },
      data: { ...data, contentHash: hash, finishedAt: new Date(), leaseExpiresAt: null },
    });
  const { exercise, problems } = materialiseVersion(version.manifestJson, version.filesJson);
  if (!exercise) {
    await finish({ status: "failed", error: `The package does not load: ${problems.join("; ")}` });
    log(`validation ${job.id}: the package does not load`);
    return true;
  }
  const heartbeat = setInterval(
    () =>
      void db.exerciseValidation
        .updateMany({
          where: { id: job.id, workerId, status: "running" },
          data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
        })
        .catch(() => {}),
    Math.max(1_000, Math.floor(leaseMs / 3)),
  );
  try {
    const started = performance.now();
    const result = await validateExercise(pool, exercise);
    const resultJson = JSON.stringify(result);
    await finish({ status: "done", resultJson });
    await db.exerciseVersion.updateMany({
      where: { id: version.id, manifestJson: version.manifestJson, filesJson: version.filesJson },
      data: { validationJson: resultJson },
    });
    log(
      `validated ${exercise.manifest.slug} v${version.version}: ${result.valid ? "valid" : "not valid"}, ` +
        `${result.caught}/${result.mutants} mutants caught in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    await finish({ status: "failed", error: `The validation failed: ${(error as Error).message}` });
    log(`validation ${job.id} failed: ${String(error)}`);
  } finally {
    clearInterval(heartbeat);
  }
  return true;
}
