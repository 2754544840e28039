import Link from "next/link";
import type { CourseListEntry } from "@/server/courses/list-my-courses";

/** The courses an instructor teaches, with their join codes and the instructor pages. */
export function TeachingList({ courses }: { courses: CourseListEntry[] }) {
  if (courses.length === 0) return <p className="empty-state">You do not teach a course yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="teaching-courses">
        <thead>
          <tr>
            <th>Course</th>
            <th>Join code</th>
            <th style={{ textAlign: "right" }}>Students</th>
            <th style={{ textAlign: "right" }}>Exercises</th>
            <th>Instructor pages</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((course) => (
            <tr key={course.id}>
              <td>
                <Link href={`/courses/${course.id}`}>{course.title}</Link>
                {course.archived ? <span className="tag">archived</span> : null}
              </td>
              <td>
                <code>{course.joinCode}</code>
              </td>
              <td style={{ textAlign: "right" }}>{course.students}</td>
              <td style={{ textAlign: "right" }}>{course.exercises}</td>
              <td>
                <Link href={`/courses/${course.id}/manage`}>Settings</Link> ·{" "}
                <Link href={`/courses/${course.id}/insight`}>Insight</Link> ·{" "}
                <Link href={`/courses/${course.id}/gradebook`}>Grade book</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
