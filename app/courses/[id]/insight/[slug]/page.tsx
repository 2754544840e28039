import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { getExerciseInsight } from "@/server/courses/get-exercise-insight";
import { ExerciseTitle } from "../../../../_components/exercise-title";
import { verdictClass, verdictLabel } from "../../../../exercises/[slug]/verdicts";
import { CourseNav } from "../../../_components/course-nav";
import { RegradeButton } from "../../../_components/regrade-button";
import { VerdictCounts } from "../../../_components/verdict-counts";
import { formatDuration, formatPoints, formatUtc, orRefuse, percent } from "../../../_lib/course-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exercise insight · Interleave" };

type Props = { params: Promise<{ id: string; slug: string }> };

export default async function ExerciseInsightPage({ params }: Props) {
  const { id, slug } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(id)}/insight/${encodeURIComponent(slug)}`);
  const insight = await orRefuse(getExerciseInsight(user, id, slug));
  const { stats } = insight;
  const courseId = insight.course.id;
  const work = (userId: string, submissionId: string) =>
    `/courses/${courseId}/students/${userId}?submission=${submissionId}`;
  return (
    <section className="course">
      <p className="muted">
        <Link href={`/courses/${courseId}/insight`}>{insight.course.title}: insight</Link>
      </p>
      <h1>
        <ExerciseTitle title={insight.exercise.title} />
      </h1>
      <CourseNav courseId={courseId} current="insight" />
      <p data-testid="exercise-stats">
        {stats.attempted} of {stats.students} students attempted it · {stats.attempts} counted submissions ·{" "}
        {stats.solved} solved ({percent(stats.solveRate)}) · median time to solve{" "}
        {formatDuration(stats.medianTimeToSolveMs)} · due {formatUtc(insight.exercise.dueAt)}
      </p>
      <p>
        <VerdictCounts verdicts={stats.verdicts} />
      </p>

      <h2>Most common failure patterns</h2>
      {insight.patterns.length === 0 ? (
        <p className="empty-state">No failing submissions yet.</p>
      ) : (
        <>
          <p className="muted small">
            Of {insight.sampled === insight.failing ? "the" : `the latest ${insight.sampled} of`} {insight.failing}{" "}
            failing submissions, grouped by the grader&apos;s evidence: the verdict, the locks or variable involved and
            the lines.
          </p>
          <ol className="pattern-list" data-testid="patterns">
            {insight.patterns.map((pattern) => (
              <li key={pattern.key} className="pattern">
                <p>
                  <strong>{percent(pattern.share)}</strong> of failing submissions{" "}
                  <span className={`verdict-badge small verdict-${verdictClass(pattern.verdict)}`}>
                    {verdictLabel(pattern.verdict)}
                  </span>{" "}
                  <span data-testid="pattern-summary">{pattern.summary}</span>
                </p>
                <p className="muted small">
                  {pattern.count} {pattern.count === 1 ? "submission" : "submissions"} by {pattern.students}{" "}
                  {pattern.students === 1 ? "student" : "students"}
                  {pattern.checkTitle ? ` · first failing check: ${pattern.checkTitle}` : ""} ·{" "}
                  <Link href={work(pattern.example.userId, pattern.example.submissionId)}>
                    example: {pattern.example.displayName}&apos;s submission
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}

      <h2>Regrade</h2>
      <p className="muted">
        After fixing the exercise&apos;s checks, grade its counted submissions again. Each goes back through the grading
        queue; the result it had is kept below, beside the new one.
        {insight.pending > 0 ? ` ${insight.pending} submission(s) are waiting for grading now.` : ""}
      </p>
      <RegradeButton courseId={courseId} slug={insight.exercise.slug} label="Regrade all submissions" />
      {insight.regrades.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="regrades">
            <thead>
              <tr>
                <th>Asked</th>
                <th>Student</th>
                <th>Before</th>
                <th>After</th>
              </tr>
            </thead>
            <tbody>
              {insight.regrades.map((row, i) => (
                <tr key={`${row.submissionId}-${i}`}>
                  <td>{formatUtc(row.requestedAt)}</td>
                  <td>
                    <Link href={work(row.userId, row.submissionId)}>{row.displayName}</Link>
                  </td>
                  <td>
                    {row.before.verdict ? (
                      <>
                        {verdictLabel(row.before.verdict)} · {formatPoints(row.before.score)}
                      </>
                    ) : (
                      "could not be graded"
                    )}
                  </td>
                  <td>
                    {row.after.verdict ? (
                      <>
                        {verdictLabel(row.after.verdict)} · {formatPoints(row.after.score)}
                      </>
                    ) : row.after.status === "failed" ? (
                      "could not be graded"
                    ) : (
                      "waiting for the grader"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
