-- Issue 14: a step of a break-it target has no submission (submissionId nullable) and names its
-- exercise. Only ScheduleStep is redefined (its own columns, all of them).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ScheduleStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "submissionId" TEXT,
    "exerciseId" TEXT,
    "checkId" TEXT NOT NULL,
    "decisions" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "claimedAt" DATETIME,
    "leaseExpiresAt" DATETIME,
    "finishedAt" DATETIME,
    "resultJson" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScheduleStep_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScheduleStep_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ScheduleStep" ("attempts", "checkId", "claimedAt", "createdAt", "decisions", "error", "finishedAt", "id", "leaseExpiresAt", "resultJson", "status", "submissionId", "userId", "workerId") SELECT "attempts", "checkId", "claimedAt", "createdAt", "decisions", "error", "finishedAt", "id", "leaseExpiresAt", "resultJson", "status", "submissionId", "userId", "workerId" FROM "ScheduleStep";
DROP TABLE "ScheduleStep";
ALTER TABLE "new_ScheduleStep" RENAME TO "ScheduleStep";
CREATE INDEX "ScheduleStep_status_createdAt_idx" ON "ScheduleStep"("status", "createdAt");
CREATE INDEX "ScheduleStep_userId_createdAt_idx" ON "ScheduleStep"("userId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
