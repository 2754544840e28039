import { getDb, type Db } from "../db";

// Where a submission stands in the grading queue and about when its verdict comes (issue 17):
// the exercise page shows it, the live-progress stream may call it, and GET /api/submissions/<id>
// returns it. It follows the claim order of server/grading/queue/claim-next-job.ts (runs before
// submissions; within a lane by round, then by the user served longest ago, then first come):
// an estimate, not a promise: jobs that arrive meanwhile with a lower round go first.

export type PlaceInLine = {
  /** Jobs that will be claimed before this one (0 while it is being graded). */
  ahead: number;
  /** About how long until the verdict, in seconds. */
  estimateSeconds: number;
};

type Pending = {
  id: string;
  userId: string;
  kind: string;
  status: string;
  enqueuedAt: Date | null;
  createdAt: Date;
  claimedAt: Date | null;
};

/** Used until enough submissions were graded to measure (the small exercises take 0.3–2 s). */
export const DEFAULT_GRADING_SECONDS = 2;
const RECENT_WINDOW = 50;
/** Workers that claimed or finished a job this recently count as running. */
const WORKER_ALIVE_MS = 120_000;

export async function placeInLine(
  submissionId: string,
  { db = getDb(), now = new Date() }: { db?: Db; now?: Date } = {},
): Promise<PlaceInLine | null> {
  const target = await db.submission.findUnique({
    where: { id: submissionId },
    select: { id: true, userId: true, kind: true, status: true, enqueuedAt: true, createdAt: true, claimedAt: true },
  });
  if (!target) return null;
  const { perJobSeconds, workers } = await throughput(db, target.kind, now);
  if (target.status === "done" || target.status === "failed") return { ahead: 0, estimateSeconds: 0 };
  if (target.status === "running") {
    const elapsed = target.claimedAt ? (now.getTime() - target.claimedAt.getTime()) / 1000 : 0;
    return { ahead: 0, estimateSeconds: Math.max(1, Math.ceil(perJobSeconds - elapsed)) };
  }
  const pending: Pending[] = await db.submission.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { id: true, userId: true, kind: true, status: true, enqueuedAt: true, createdAt: true, claimedAt: true },
  });
  const lastClaim = new Map<string, number>();
  const users = [...new Set(pending.map((p) => p.userId))];
  const claims = await db.submission.groupBy({
    by: ["userId"],
    where: { userId: { in: users } },
    _max: { claimedAt: true },
  });
  for (const c of claims) lastClaim.set(c.userId, c._max.claimedAt?.getTime() ?? 0);

  const order = claimOrder(pending, lastClaim);
  const queuedAhead = order.findIndex((p) => p.id === target.id);
  const ahead = queuedAhead < 0 ? order.length : queuedAhead;
  // The gradings in progress end first, then the line moves `workers` jobs at a time.
  const rounds = Math.floor(ahead / workers) + 1;
  return { ahead, estimateSeconds: Math.max(1, Math.ceil((rounds + 0.5) * perJobSeconds)) };
}

/** The queued jobs in the order the claim takes them (claim-next-job.ts). */
export function claimOrder(pending: Pending[], lastClaim: Map<string, number>): Pending[] {
  const running = new Map<string, number>();
  for (const p of pending) {
    if (p.status === "running") running.set(`${p.userId}:${p.kind}`, (running.get(`${p.userId}:${p.kind}`) ?? 0) + 1);
  }
  const queued = pending
    .filter((p) => p.status === "queued" && p.enqueuedAt !== null)
    .sort((a, b) => a.enqueuedAt!.getTime() - b.enqueuedAt!.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
  const seen = new Map<string, number>();
  const keyed = queued.map((p) => {
    const lane = `${p.userId}:${p.kind}`;
    const round = (running.get(lane) ?? 0) + (seen.get(lane) ?? 0);
    seen.set(lane, (seen.get(lane) ?? 0) + 1);
    return { p, round };
  });
  keyed.sort(
    (a, b) =>
      (a.p.kind === "run" ? 0 : 1) - (b.p.kind === "run" ? 0 : 1) ||
      a.round - b.round ||
      (lastClaim.get(a.p.userId) ?? 0) - (lastClaim.get(b.p.userId) ?? 0) ||
      a.p.enqueuedAt!.getTime() - b.p.enqueuedAt!.getTime(),
  );
  return keyed.map((k) => k.p);
}

type Throughput = { perJobSeconds: number; workers: number };

// Every poll of every waiting student asks for this: measured at most once a second per lane and
// database (two aggregate queries), not once per request.
const THROUGHPUT_TTL_MS = 1_000;
const measured = new WeakMap<Db, Map<string, { at: number; value: Throughput }>>();

/** Seconds one grading of this lane takes lately, and how many workers are grading. */
export async function throughput(db: Db, kind: string, now = new Date()): Promise<Throughput> {
  const perDb = measured.get(db) ?? new Map<string, { at: number; value: Throughput }>();
  measured.set(db, perDb);
  const cached = perDb.get(kind);
  if (cached && Math.abs(now.getTime() - cached.at) < THROUGHPUT_TTL_MS) return cached.value;
  const value = await measureThroughput(db, kind, now);
  perDb.set(kind, { at: now.getTime(), value });
  return value;
}

async function measureThroughput(db: Db, kind: string, now: Date): Promise<Throughput> {
  const recent = await db.submission.findMany({
    where: { kind, status: "done", claimedAt: { not: null }, finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" },
    take: RECENT_WINDOW,
    select: { claimedAt: true, finishedAt: true },
  });
  const durations = recent.map((r) => (r.finishedAt!.getTime() - r.claimedAt!.getTime()) / 1000);
  const perJobSeconds =
    durations.length >= 3 ? durations.reduce((sum, d) => sum + d, 0) / durations.length : DEFAULT_GRADING_SECONDS;
  const alive = await db.submission.groupBy({
    by: ["workerId"],
    where: {
      workerId: { not: null },
      OR: [
        { status: "running", leaseExpiresAt: { gt: now } },
        { finishedAt: { gt: new Date(now.getTime() - WORKER_ALIVE_MS) } },
      ],
    },
  });
  return { perJobSeconds, workers: Math.max(1, alive.length) };
}
