import "server-only";
import { getDb, type Db } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { defaultGradingQueue } from "../grading/queue/default-queue";
import type { GradingQueue } from "../grading/queue/grading-queue";
import { parseInput } from "../validation";
import { throughput } from "./place-in-line";
import { SubmitSolutionInput } from "./submit-solution.schema";

/** Per-user limits on grading (issue 17); defaults from GRADING_MAX_PENDING_PER_USER / _PER_HOUR. */
export type SubmissionLimits = {
  /** At most this many of a user's submissions queued or running at once, per lane (submit, run). */
  maxPending: number;
  /** At most this many submissions by one user in any hour. */
  maxPerHour: number;
};

export type SubmitSolutionOptions = { db?: Db; queue?: GradingQueue; limits?: SubmissionLimits; now?: Date };

const HOUR_MS = 60 * 60 * 1000;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export function defaultLimits(): SubmissionLimits {
  const env = getEnv();
  return { maxPending: env.GRADING_MAX_PENDING_PER_USER, maxPerHour: env.GRADING_MAX_PER_HOUR };
}

/**
 * Store a solution, then put it in line for grading; returns the submission's id. `kind` "run"
 * (the quick check) is graded on the visible checks with a small budget and never scored. The row is
 * written first, so a failure to enqueue loses nothing: the worker's sweep enqueues it later.
 * The per-user limits are checked in the transaction that inserts the row, after taking the
 * user's row lock (a no-op UPDATE: SQLite's write lock, PostgreSQL's row lock), so two requests
 * at once cannot both slip under a limit.
 * Throws AppError "validation-failed" (empty or too large code, a retired exercise), "not-found",
 * or "rate-limited" with retryAfterSeconds.
 */
export async function submitSolution(
  userId: string,
  input: unknown,
  {
    db = getDb(),
    queue = defaultGradingQueue(db),
    limits = defaultLimits(),
    now = new Date(),
  }: SubmitSolutionOptions = {},
): Promise<{ id: string }> {
  const { slug, code, kind } = parseInput(SubmitSolutionInput, input);
  const exercise = await db.exercise.findUnique({
    where: { slug },
    select: { id: true, archived: true, publishedVersion: true },
  });
  if (!exercise) throw new AppError("not-found", "There is no such exercise.");
  if (exercise.archived) {
    throw new AppError("validation-failed", "This exercise was retired: it no longer takes submissions.");
  }
  const { id } = await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "User" SET "role" = "role" WHERE "id" = ${userId}`;
    const hourAgo = new Date(now.getTime() - HOUR_MS);
    const [pending, lastHour] = await Promise.all([
      tx.submission.count({ where: { userId, kind, status: { in: ["queued", "running"] } } }),
      tx.submission.findMany({
        where: { userId, createdAt: { gt: hourAgo } },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
        take: limits.maxPerHour,
      }),
    ]);
    if (lastHour.length >= limits.maxPerHour) {
      const oldest = lastHour[0]!.createdAt.getTime();
      const wait = Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000));
      throw new AppError(
        "rate-limited",
        `You have sent ${limits.maxPerHour} solutions in the last hour, the most we grade for one person. ` +
          `You can send again in ${describeWait(wait)}.`,
        {},
        wait,
      );
    }
    if (pending >= limits.maxPending) {
      const { perJobSeconds } = await throughput(tx as unknown as Db, kind, now);
      const wait = Math.max(2, Math.ceil(perJobSeconds));
      const what = kind === "run" ? "runs" : "submissions";
      throw new AppError(
        "rate-limited",
        `You already have ${pending} ${what} waiting to be graded (at most ${limits.maxPending} at a time). ` +
          `Wait for one to finish — about ${describeWait(wait)} — then send again.`,
        {},
        wait,
      );
    }
    // A browser-authored exercise: the version it is graded against, whatever is published later.
    return tx.submission.create({
      data: { userId, exerciseId: exercise.id, code, kind, exerciseVersion: exercise.publishedVersion },
      select: { id: true },
    });
    // SQLite runs one write transaction at a time: under a rush, wait for the slot rather than
    // fail after Prisma's default 2 s (a slot still not free by then is a 503, "try again").
  }, TRANSACTION_OPTIONS);
  try {
    await queue.enqueue(id);
  } catch (error) {
    console.error(`submission ${id} stored but not enqueued (the worker's sweep will enqueue it):`, error);
  }
  return { id };
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
