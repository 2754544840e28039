import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { getGradebook } from "@/server/courses/get-gradebook";
import { describeLatePolicy } from "@/server/courses/late-policy";
import { CourseNav } from "../../_components/course-nav";
import { formatPoints, formatUtc, orRefuse } from "../../_lib/course-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Grade book · Interleave" };

export default async function GradebookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(id)}/gradebook`);
  const book = await orRefuse(getGradebook(user, id));
  const courseId = book.course.id;
  const maxTotal = book.exercises.reduce((sum, e) => sum + e.points, 0);
  return (
    <section className="course">
      <h1>{book.course.title}: grade book</h1>
      <CourseNav courseId={courseId} current="gradebook" />
      <p className="muted">Best counted score per exercise (Submit, not Run). {describeLatePolicy(book.latePolicy)}</p>
      <p>
        <a className="button" href={`/api/courses/${courseId}/gradebook.csv`} download>
          Download CSV
        </a>
      </p>
      {book.students.length === 0 ? (
        <p className="empty-state">No student has joined yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="gradebook">
            <thead>
              <tr>
                <th>Student</th>
                {book.exercises.map((exercise) => (
                  <th key={exercise.slug} style={{ textAlign: "right" }} title={exercise.title}>
                    {exercise.slug}
                    <div className="muted small">
                      /{exercise.points}
                      {exercise.dueAt ? ` · due ${formatUtc(exercise.dueAt)}` : ""}
                    </div>
                  </th>
                ))}
                <th style={{ textAlign: "right" }}>Total /{maxTotal}</th>
              </tr>
            </thead>
            <tbody>
              {book.students.map((student) => (
                <tr key={student.userId} data-email={student.email}>
                  <td>
                    <Link href={`/courses/${courseId}/students/${student.userId}`}>{student.displayName}</Link>
                    <div className="muted small">{student.email}</div>
                  </td>
                  {book.exercises.map((exercise) => {
                    const cell = student.cells[exercise.slug];
                    return (
                      <td key={exercise.slug} style={{ textAlign: "right" }} data-slug={exercise.slug}>
                        {formatPoints(cell?.score ?? null)}
                        {cell?.late ? <span className="tag">late</span> : null}
                      </td>
                    );
                  })}
                  <td style={{ textAlign: "right" }} data-testid="total">
                    <strong>{formatPoints(student.total)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
