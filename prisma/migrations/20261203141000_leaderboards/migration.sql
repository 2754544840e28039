-- CreateTable
CREATE TABLE "Standing" (
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "bestScore" REAL NOT NULL,
    "maxScore" REAL NOT NULL,
    "speedup" REAL,
    "makespan" REAL,
    "perfKey" REAL,
    "reachedAt" DATETIME NOT NULL,
    "submissionId" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "exerciseId"),
    CONSTRAINT "Standing_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Standing_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardHide" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "hiddenById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardHide_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BoardHide_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (by hand: ADD COLUMN, so that other branches' new User columns survive the merge)
ALTER TABLE "User" ADD COLUMN "pseudonym" TEXT;
ALTER TABLE "User" ADD COLUMN "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Standing_exerciseId_bestScore_idx" ON "Standing"("exerciseId", "bestScore");

-- CreateIndex
CREATE INDEX "Standing_updatedAt_idx" ON "Standing"("updatedAt");

-- CreateIndex
CREATE INDEX "BoardHide_scope_idx" ON "BoardHide"("scope");

-- CreateIndex
CREATE UNIQUE INDEX "BoardHide_userId_scope_key" ON "BoardHide"("userId", "scope");
