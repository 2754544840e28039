import { sqlFor, type Db } from "../db";

// The small job tables beside the grading queue (ExerciseValidation, ScheduleStep) share one
// claim: in a single statement, take the oldest queued row, or a running one whose lease ran
// out while attempts remain, and lease it to this worker. The row's status is checked again on
// the row itself: on PostgreSQL a concurrent claim re-evaluates it after the first one commits,
// and then finds the job taken. Identical on SQLite and PostgreSQL.

export type LeasedTable = "ExerciseValidation" | "ScheduleStep";

export async function claimLeasedRow(
  db: Db,
  table: LeasedTable,
  returning: readonly string[],
  { workerId, now, leaseMs, maxAttempts }: { workerId: string; now: Date; leaseMs: number; maxAttempts: number },
): Promise<unknown[]> {
  const Prisma = sqlFor(db);
  // Identifiers are this module's constants and the callers' column lists, never user input.
  const name = Prisma.raw(`"${table}"`);
  const columns = Prisma.raw(returning.map((column) => `"${column}"`).join(", "));
  const expiresAt = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<unknown[]>`
    UPDATE ${name}
    SET "status" = 'running', "workerId" = ${workerId}, "claimedAt" = ${now},
        "leaseExpiresAt" = ${expiresAt}, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM ${name}
      WHERE "status" = 'queued'
         OR ("status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" < ${maxAttempts})
      ORDER BY "createdAt", "id"
      LIMIT 1
    )
    AND ("status" = 'queued' OR ("status" = 'running' AND "leaseExpiresAt" < ${now}))
    RETURNING ${columns}`;
}
