import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { hasRole } from "@/server/auth/roles";
import { listMyCourses } from "@/server/courses/list-my-courses";
import { CourseSettingsForm } from "./_components/course-settings-form";
import { JoinCourseForm } from "./_components/join-course-form";
import { TeachingList } from "./_components/teaching-list";
import { formatUtc } from "./_lib/course-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Courses · Interleave" };

export default async function CoursesPage() {
  const user = await requireUser("/courses");
  const { teaching, enrolled } = await listMyCourses(user);
  const instructor = hasRole(user.role, "instructor");
  return (
    <section className="courses">
      <h1>Courses</h1>

      <h2>Your courses</h2>
      {enrolled.length === 0 ? (
        <p className="empty-state">You have not joined a course yet: ask your instructor for the join code.</p>
      ) : (
        <ul className="course-list" data-testid="enrolled-courses">
          {enrolled.map((course) => (
            <li key={course.id} className="course-card">
              <Link href={`/courses/${course.id}`}>{course.title}</Link>
              {course.archived ? <span className="tag">archived</span> : null}
              <span className="muted small">
                {" "}
                · {course.exercises} {course.exercises === 1 ? "exercise" : "exercises"}
              </span>
              {course.upcoming.length > 0 ? (
                <ul className="due-list">
                  {course.upcoming.map((due) => (
                    <li key={due.slug}>
                      <Link href={`/exercises/${due.slug}`}>{due.title}</Link>{" "}
                      <span className="muted small">due {formatUtc(due.dueAt)}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Join a course</h2>
      <JoinCourseForm />

      {instructor ? (
        <>
          <h2>Courses you teach</h2>
          <TeachingList courses={teaching} />
          <h2>Create a course</h2>
          <CourseSettingsForm />
        </>
      ) : null}
    </section>
  );
}
