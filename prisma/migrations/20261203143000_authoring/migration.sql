-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "exerciseVersion" INTEGER;

-- CreateTable
CREATE TABLE "ExerciseVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exerciseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "manifestJson" TEXT NOT NULL,
    "filesJson" TEXT NOT NULL,
    "validationJson" TEXT,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExerciseVersion_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseValidation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "claimedAt" DATETIME,
    "leaseExpiresAt" DATETIME,
    "finishedAt" DATETIME,
    "resultJson" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExerciseValidation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ExerciseVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: ADD COLUMN by hand (not Prisma's RedefineTables, which would copy only the
-- columns this branch knows and drop other branches' new Exercise columns at merge).
ALTER TABLE "Exercise" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'files';
ALTER TABLE "Exercise" ADD COLUMN "authorId" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Exercise" ADD COLUMN "publishedVersion" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseVersion_exerciseId_version_key" ON "ExerciseVersion"("exerciseId", "version");

-- CreateIndex
CREATE INDEX "ExerciseValidation_status_createdAt_idx" ON "ExerciseValidation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ExerciseValidation_versionId_createdAt_idx" ON "ExerciseValidation"("versionId", "createdAt");
