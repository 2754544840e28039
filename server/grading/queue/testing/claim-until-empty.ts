// A claimer process for queue.test.ts: waits for a shared start time, then claims jobs from the
// SQLite file until none is left and prints the ids it got as one JSON line.
// Usage: node --import tsx claim-until-empty.ts DATABASE_FILE WORKER_ID START_AT_MS
import { createDb } from "../../../db";
import { claimNextJob } from "../claim-next-job";

const [databaseFile, workerId, startAt] = process.argv.slice(2);
if (!databaseFile || !workerId || !startAt) throw new Error("usage: claim-until-empty.ts FILE WORKER START_AT_MS");

const db = createDb(databaseFile);
await db.$queryRawUnsafe("SELECT 1"); // connect before the start line, not after it
while (Date.now() < Number(startAt)) {
  // spin: both claimers leave the line within a millisecond of each other
}
const claimed: string[] = [];
for (;;) {
  const job = await claimNextJob(workerId, { db });
  if (!job) break;
  claimed.push(job.submissionId);
}
await db.$disconnect();
process.stdout.write(`${JSON.stringify(claimed)}\n`);
