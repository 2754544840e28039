-- CreateTable
CREATE TABLE "Regrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previousVerdict" TEXT,
    "previousScore" REAL,
    "previousMaxScore" REAL,
    "previousReportJson" TEXT,
    "previousGradedAt" DATETIME,
    CONSTRAINT "Regrade_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Regrade_submissionId_requestedAt_idx" ON "Regrade"("submissionId", "requestedAt");
