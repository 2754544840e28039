// The grading queue behind two small interfaces, PrairieLearn-style (externalGraderCommon /
// externalGraderLocal / externalGraderSqs): the app only ever calls `enqueue`, the worker only
// the `GradingJobs` operations. The embedded default (local-queue.ts) keeps the queue in the
// Submission table of the SQLite database; a PostgreSQL backend would implement the same two
// interfaces on an existing Postgres job queue (see ARCHITECTURE.md, "The grading service").
//
// Nothing here imports grader/: the web server loads this folder and must never load the grader.

/** A job is tried at most this many times; a job whose worker vanished a third time is failed. */
export const MAX_ATTEMPTS = 3;

export type EnqueueOutcome = "enqueued" | "already-enqueued";

/** The app side: one method. */
export interface GradingQueue {
  /** Put a stored submission in line for grading. Idempotent: a second call changes nothing. */
  enqueue(submissionId: string): Promise<EnqueueOutcome>;
}

/** A job as a worker holds it, parsed from the queue's storage. */
export type ClaimedJob = {
  submissionId: string;
  exerciseId: string;
  code: string;
  /** "submit" is graded and scored; "run" is the quick check (its own lane, never scored). */
  kind: "submit" | "run";
  /** This claim included: 1 on the first try. */
  attempts: number;
  leaseExpiresAt: Date;
};

/** What a worker stores for a graded submission. */
export type JobResult = {
  verdict: string;
  score: number;
  maxScore: number;
  /** The grader's whole report, as JSON. */
  reportJson: string;
};

/** Why a worker hands a job back without a result. */
export type ReleaseReason =
  /** The worker is stopping: the job goes back in line and this try does not count. */
  | { kind: "shutdown" }
  /** Something went wrong around the grader (not a verdict): retried until MAX_ATTEMPTS. */
  | { kind: "error"; message: string }
  /** Retrying cannot help (say, the exercise's folder is gone): failed at once. */
  | { kind: "permanent"; message: string };

export type ReleaseOutcome = "requeued" | "failed" | "lost";

/** The worker side. Every call after the claim names the worker, so a job whose lease passed to
 *  another worker can no longer be completed or released by the first ("lost"). */
export interface GradingJobs {
  claimNextJob(workerId: string): Promise<ClaimedJob | null>;
  /** Push the lease forward while grading; false when the job is no longer this worker's. */
  renewLease(job: ClaimedJob, workerId: string): Promise<boolean>;
  /** Store the result and mark the submission done; false when the job was lost. */
  completeJob(job: ClaimedJob, workerId: string, result: JobResult): Promise<boolean>;
  releaseJob(job: ClaimedJob, workerId: string, reason: ReleaseReason): Promise<ReleaseOutcome>;
  /** Enqueue submissions that were stored but never enqueued (the server died in between). */
  enqueueStranded(): Promise<number>;
}
