-- Issue 14: a step of a break-it target has no submission (submissionId nullable) and names its exercise.
-- AlterTable
ALTER TABLE "ScheduleStep" ALTER COLUMN "submissionId" DROP NOT NULL;
ALTER TABLE "ScheduleStep" ADD COLUMN "exerciseId" TEXT;
