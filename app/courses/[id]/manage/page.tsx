import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { getCourseSettings } from "@/server/courses/get-course-settings";
import { removeCourseExerciseAction } from "../../../_actions/courses";
import { ExerciseTitle } from "../../../_components/exercise-title";
import { CourseExerciseForm } from "../../_components/course-exercise-form";
import { CourseNav } from "../../_components/course-nav";
import { CourseSettingsForm } from "../../_components/course-settings-form";
import { orRefuse } from "../../_lib/course-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Course settings · Interleave" };

export default async function ManageCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(id)}/manage`);
  const course = await orRefuse(getCourseSettings(user, id));
  return (
    <section className="course">
      <h1>{course.title}</h1>
      <CourseNav courseId={course.id} current="manage" />
      <p>
        Students join with the code <code data-testid="join-code">{course.joinCode}</code> or the invite link{" "}
        <code>/courses/join/{course.joinCode}</code>. {course.students}{" "}
        {course.students === 1 ? "student has" : "students have"} joined.
      </p>

      <h2>Exercises</h2>
      {course.exercises.length === 0 ? (
        <p className="empty-state">No exercises yet: add the first one below.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="manage-exercises">
            <thead>
              <tr>
                <th>Exercise</th>
                <th style={{ textAlign: "right" }}>Points</th>
                <th>Due date</th>
                <th>
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {course.exercises.map((exercise) => (
                <tr key={exercise.slug} data-slug={exercise.slug}>
                  <td>
                    <Link href={`/exercises/${exercise.slug}`}>
                      <ExerciseTitle title={exercise.title} />
                    </Link>
                    {exercise.archived ? <span className="tag">retired</span> : null}
                  </td>
                  <td style={{ textAlign: "right" }}>{exercise.points}</td>
                  <td>
                    <CourseExerciseForm courseId={course.id} slug={exercise.slug} dueAt={exercise.dueAt} />
                  </td>
                  <td>
                    <form action={removeCourseExerciseAction.bind(null, course.id, exercise.slug)}>
                      <button type="submit" className="button small">
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add an exercise</h3>
      <CourseExerciseForm courseId={course.id} choices={course.choices} />

      <h2>Settings</h2>
      <CourseSettingsForm courseId={course.id} initial={course.form} />
    </section>
  );
}
