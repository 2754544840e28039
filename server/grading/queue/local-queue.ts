import { getDb, type Db } from "../../db";
import { claimNextJob } from "./claim-next-job";
import { completeJob } from "./complete-job";
import { enqueueStranded } from "./enqueue-stranded";
import { enqueueSubmission } from "./enqueue-submission";
import type { GradingJobs, GradingQueue } from "./grading-queue";
import { DEFAULT_LEASE_MS } from "./queue-options";
import { releaseJob } from "./release-job";
import { renewLease } from "./renew-lease";

// The embedded default: the queue is the Submission table of the app's own SQLite database,
// so enqueueing is one UPDATE in the same database that stored the submission.

export function localGradingQueue(db: Db = getDb()): GradingQueue {
  return { enqueue: (submissionId) => enqueueSubmission(submissionId, { db }) };
}

export function localGradingJobs({
  db = getDb(),
  leaseMs = DEFAULT_LEASE_MS,
}: { db?: Db; leaseMs?: number } = {}): GradingJobs {
  return {
    claimNextJob: (workerId) => claimNextJob(workerId, { db, leaseMs }),
    renewLease: (job, workerId) => renewLease(job, workerId, { db, leaseMs }),
    completeJob: (job, workerId, result) => completeJob(job, workerId, result, { db }),
    releaseJob: (job, workerId, reason) => releaseJob(job, workerId, reason, { db }),
    enqueueStranded: () => enqueueStranded({ db }),
  };
}
