import { z } from "zod";
import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { parseKind, parseStatus, type SubmissionStatus } from "./submission-view";

// Live progress of a submission being graded (issue 14). The grading worker writes it to
// Submission.progressJson as the sandboxes report (grade-submission.ts, through
// `progressRecorder`); GET /api/submissions/<id>/events reads it (`getLiveProgress`) and
// streams it to the page. Hidden checks show that they run and how far, never their verdict.

export const CheckProgress = z.object({
  title: z.string(),
  hidden: z.boolean(),
  state: z.enum(["waiting", "exploring", "finished"]),
  strategy: z.string().nullable(),
  explored: z.number().int().min(0),
  budget: z.number().int().min(0),
  verdict: z.string().nullable(),
});
export type CheckProgress = z.infer<typeof CheckProgress>;

export const StoredProgress = z.object({ checks: z.array(CheckProgress) });
export type StoredProgress = z.infer<typeof StoredProgress>;

/** What a sandbox reports for one check (the grader's CheckProgressEvent, restated: no grader/ here). */
export type CheckProgressEvent =
  | { check: number; kind: "exploring"; progress: { schedulesRun: number; runs: number; strategy: string } }
  | { check: number; kind: "finished"; verdict: string; schedulesRun: number };

export function initialProgress(checks: readonly { title: string; hidden: boolean; budget: number }[]): StoredProgress {
  return {
    checks: checks.map((c) => ({
      title: c.title,
      hidden: c.hidden,
      state: "waiting",
      strategy: null,
      explored: 0,
      budget: c.budget,
      verdict: null,
    })),
  };
}

/** The progress after one event (a new object; events for unknown checks change nothing). */
export function applyProgressEvent(state: StoredProgress, event: CheckProgressEvent): StoredProgress {
  const check = state.checks[event.check];
  if (!check || check.state === "finished") return state;
  const next: CheckProgress =
    event.kind === "exploring"
      ? {
          ...check,
          state: "exploring",
          strategy: event.progress.strategy,
          explored: Math.max(check.explored, event.progress.schedulesRun),
          budget: event.progress.runs,
        }
      : { ...check, state: "finished", explored: event.schedulesRun, verdict: event.verdict };
  return { checks: state.checks.map((c, i) => (i === event.check ? next : c)) };
}

/** The worker writes progress at most this often (the page reads it every ~400 ms). */
export const PROGRESS_WRITE_MS = 250;

export type ProgressRecorder = {
  record(event: CheckProgressEvent): void;
  /** Write what is pending now, and stop (later events are ignored). */
  close(): Promise<void>;
};

/**
 * Coalesces progress events into at most one UPDATE per PROGRESS_WRITE_MS, one at a time.
 * Only a `running` row is written (a job taken over by another worker keeps that worker's).
 * A failed write is dropped: progress is a courtesy and must never fail grading.
 */
export function progressRecorder(
  submissionId: string,
  initial: StoredProgress,
  { db = getDb(), writeMs = PROGRESS_WRITE_MS }: { db?: Db; writeMs?: number } = {},
): ProgressRecorder {
  let state = initial;
  let written: StoredProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  const flush = () => {
    timer = null;
    if (written === state) return writing;
    const snapshot = state;
    written = snapshot;
    writing = writing.then(() =>
      db.submission
        .updateMany({
          where: { id: submissionId, status: "running" },
          data: { progressJson: JSON.stringify(snapshot) },
        })
        .then(
          () => undefined,
          () => undefined,
        ),
    );
    return writing;
  };
  void flush();
  return {
    record(event) {
      if (closed) return;
      state = applyProgressEvent(state, event);
      timer ??= setTimeout(() => void flush(), writeMs);
    },
    async close() {
      if (closed) return writing;
      closed = true;
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}

export type LiveCheckProgress = {
  title: string;
  hidden: boolean;
  state: CheckProgress["state"];
  strategy: string | null;
  explored: number;
  budget: number;
  /** A finished visible check's verdict (never a hidden one's). */
  verdict: string | null;
};

export type LiveProgress = {
  id: string;
  status: SubmissionStatus;
  kind: "submit" | "run";
  /** Queued: submissions of the same lane (submit or run) in line before this one. */
  ahead: number | null;
  checks: LiveCheckProgress[];
  /** Graded (done) or given up (failed): the stream ends; the page then reads the result. */
  finished: boolean;
  /** Done: the verdict the student is shown (the stored one). */
  verdict: string | null;
};

const SubmissionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * The live progress of the viewer's own submission (owner only: the stream is for the student
 * waiting for it); null for anyone else and for an unknown id alike.
 */
export async function getLiveProgress(
  id: unknown,
  viewer: Pick<SessionUser, "id">,
  db: Db = getDb(),
): Promise<LiveProgress | null> {
  const parsed = SubmissionId.safeParse(id);
  if (!parsed.success) return null;
  const row = await db.submission.findUnique({
    where: { id: parsed.data },
    select: {
      id: true,
      userId: true,
      kind: true,
      status: true,
      createdAt: true,
      enqueuedAt: true,
      progressJson: true,
      result: { select: { verdict: true } },
    },
  });
  if (!row || row.userId !== viewer.id) return null;
  const status = parseStatus(row.status);
  const kind = parseKind(row.kind);
  const ahead =
    status === "queued"
      ? await db.submission.count({
          where: {
            status: "queued",
            kind,
            id: { not: row.id },
            enqueuedAt: { not: null },
            // The claim order: enqueuedAt, then createdAt (claim-next-job.ts).
            ...(row.enqueuedAt
              ? {
                  OR: [
                    { enqueuedAt: { lt: row.enqueuedAt } },
                    { enqueuedAt: row.enqueuedAt, createdAt: { lt: row.createdAt } },
                  ],
                }
              : {}),
          },
        })
      : null;
  const stored = status === "running" || status === "done" ? parseProgress(row.progressJson) : null;
  return {
    id: row.id,
    status,
    kind,
    ahead,
    checks: (stored?.checks ?? []).map((c) => ({ ...c, verdict: c.hidden ? null : c.verdict })),
    finished: status === "done" || status === "failed",
    verdict: status === "done" ? (row.result?.verdict ?? null) : null,
  };
}

function parseProgress(json: string | null): StoredProgress | null {
  if (json === null) return null;
  try {
    const parsed = StoredProgress.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
