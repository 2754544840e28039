import Link from "next/link";
import { ExerciseTitle } from "../_components/exercise-title";
import { requireRole } from "@/server/auth/guards";
import { listMyCourses } from "@/server/courses/list-my-courses";
import { listExercisesForStaff } from "@/server/exercises/list-exercises-for-staff";
import { TeachingList } from "../courses/_components/teaching-list";
import "../courses/courses.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Instructor · Interleave" };

export default async function InstructorPage() {
  const user = await requireRole("instructor", "/instructor");
  const [exercises, courses] = await Promise.all([listExercisesForStaff(), listMyCourses(user)]);
  return (
    <section>
      <h1>Instructor</h1>
      <h2>Your courses</h2>
      <TeachingList courses={courses.teaching} />
      <p>
        <Link href="/courses" className="button">
          Create a course
        </Link>
      </p>
      <h2>Exercises</h2>
      <p className="muted">
        Exercises are authored as files in <code>exercises/</code>, checked with <code>npx interleave validate</code>{" "}
        and synced with <code>npm run db:sync</code>. Retired exercises stay here because submissions refer to them.
      </p>
      <p>
        <Link href="/instructor/exercises">Author exercises in the browser</Link> (validated by the grading worker, then
        published).
      </p>
      {exercises.length === 0 ? (
        <p className="empty-state">No exercises have been synced yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>Exercise</th>
                <th>Chapter</th>
                <th>Difficulty</th>
                <th style={{ textAlign: "right" }}>Points</th>
                <th style={{ textAlign: "right" }}>Submissions</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {exercises.map((exercise) => (
                <tr key={exercise.id}>
                  <td>
                    <Link href={`/exercises/${exercise.slug}`}>
                      <ExerciseTitle title={exercise.title} />
                    </Link>
                    <div className="muted small">{exercise.id}</div>
                  </td>
                  <td>{exercise.chapter}</td>
                  <td>{exercise.difficulty}</td>
                  <td style={{ textAlign: "right" }}>{exercise.points}</td>
                  <td style={{ textAlign: "right" }}>{exercise.submissions}</td>
                  <td>{exercise.archived ? "retired" : "live"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
