-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "enqueuedAt" DATETIME;
ALTER TABLE "Submission" ADD COLUMN "error" TEXT;
ALTER TABLE "Submission" ADD COLUMN "finishedAt" DATETIME;
ALTER TABLE "Submission" ADD COLUMN "leaseExpiresAt" DATETIME;

-- CreateIndex
CREATE INDEX "Submission_status_enqueuedAt_idx" ON "Submission"("status", "enqueuedAt");
