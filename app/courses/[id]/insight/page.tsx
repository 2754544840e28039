import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { getCourseInsight } from "@/server/courses/get-course-insight";
import { ExerciseTitle } from "../../../_components/exercise-title";
import { CourseNav } from "../../_components/course-nav";
import { VerdictCounts } from "../../_components/verdict-counts";
import { formatDuration, orRefuse, percent } from "../../_lib/course-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Course insight · Interleave" };

export default async function CourseInsightPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(id)}/insight`);
  const insight = await orRefuse(getCourseInsight(user, id));
  return (
    <section className="course">
      <h1>{insight.course.title}: insight</h1>
      <CourseNav courseId={insight.course.id} current="insight" />
      <p className="muted">
        Counted submissions only (Submit, not Run). Open an exercise for its most common failure patterns and to
        regrade.
      </p>
      {insight.exercises.length === 0 ? (
        <p className="empty-state">No exercises in this course yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="insight-exercises">
            <thead>
              <tr>
                <th>Exercise</th>
                <th style={{ textAlign: "right" }}>Attempted</th>
                <th style={{ textAlign: "right" }}>Submissions</th>
                <th style={{ textAlign: "right" }}>Solved</th>
                <th style={{ textAlign: "right" }}>Solve rate</th>
                <th>Verdicts</th>
                <th style={{ textAlign: "right" }}>Median time to solve</th>
              </tr>
            </thead>
            <tbody>
              {insight.exercises.map((exercise) => (
                <tr key={exercise.slug} data-slug={exercise.slug}>
                  <td>
                    <Link href={`/courses/${insight.course.id}/insight/${exercise.slug}`}>
                      <ExerciseTitle title={exercise.title} />
                    </Link>
                  </td>
                  <td style={{ textAlign: "right" }}>
                    {exercise.attempted} / {exercise.students}
                  </td>
                  <td style={{ textAlign: "right" }}>{exercise.attempts}</td>
                  <td style={{ textAlign: "right" }}>{exercise.solved}</td>
                  <td style={{ textAlign: "right" }}>{percent(exercise.solveRate)}</td>
                  <td>
                    <VerdictCounts verdicts={exercise.verdicts} />
                  </td>
                  <td style={{ textAlign: "right" }}>{formatDuration(exercise.medianTimeToSolveMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
