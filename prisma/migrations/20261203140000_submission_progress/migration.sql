-- Live grading progress (issue 14). ADD COLUMN by hand (not a RedefineTables copy), so that
-- other branches' new Submission columns survive the merge.
ALTER TABLE "Submission" ADD COLUMN "progressJson" TEXT;
