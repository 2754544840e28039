import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { getCourseOverview } from "@/server/courses/get-course-overview";
import { ExerciseTitle } from "../../_components/exercise-title";
import { formatPoints, formatUtc, orRefuse } from "../_lib/course-page";
import { CourseNav } from "../_components/course-nav";

export const dynamic = "force-dynamic";
export const metadata = { title: "Course · Interleave" };

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(id)}`);
  const course = await orRefuse(getCourseOverview(user, id));
  const now = Date.now();
  return (
    <section className="course">
      <h1>{course.title}</h1>
      {course.access === "manage" ? <CourseNav courseId={course.id} current="course" /> : null}
      {course.archived ? <p className="notice">This course is archived.</p> : null}
      {course.joinCode ? (
        <p>
          Join code <code data-testid="join-code">{course.joinCode}</code> · invite link{" "}
          <code>/courses/join/{course.joinCode}</code> · {course.students}{" "}
          {course.students === 1 ? "student" : "students"}
        </p>
      ) : null}
      <p className="muted">{course.latePolicy}</p>
      {course.access === "member" ? (
        <p data-testid="standing">
          Your standing: <strong>{formatPoints(course.standing.total)}</strong> / {course.standing.maxTotal} points ·{" "}
          {course.standing.solved} of {course.exercises.length} solved ·{" "}
          <Link href={`/courses/${course.id}/leaderboard`}>course leaderboard</Link>
        </p>
      ) : null}
      {course.exercises.length === 0 ? (
        <p className="empty-state">No exercises in this course yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="course-exercises">
            <thead>
              <tr>
                <th>Exercise</th>
                <th>Due</th>
                <th style={{ textAlign: "right" }}>Your best</th>
                <th style={{ textAlign: "right" }}>Points</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {course.exercises.map((exercise) => {
                const overdue = exercise.dueAt !== null && Date.parse(exercise.dueAt) < now;
                return (
                  <tr key={exercise.slug} data-slug={exercise.slug}>
                    <td>
                      <Link href={`/exercises/${exercise.slug}`}>
                        <ExerciseTitle title={exercise.title} />
                      </Link>
                    </td>
                    <td>
                      {formatUtc(exercise.dueAt)}
                      {overdue ? <span className="tag">past due</span> : null}
                    </td>
                    <td style={{ textAlign: "right" }} data-testid="my-best">
                      {formatPoints(exercise.mine.score)}
                      {exercise.mine.late ? <span className="tag">late</span> : null}
                    </td>
                    <td style={{ textAlign: "right" }}>{exercise.points}</td>
                    <td>
                      {exercise.mine.passed
                        ? "solved"
                        : exercise.mine.attempts > 0
                          ? `${exercise.mine.attempts} ${exercise.mine.attempts === 1 ? "attempt" : "attempts"}`
                          : "not started"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
