import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { getStudentWork } from "@/server/courses/get-student-work";
import { verdictClass, verdictLabel } from "../../../../exercises/[slug]/verdicts";
import { CourseNav } from "../../../_components/course-nav";
import { RegradeButton } from "../../../_components/regrade-button";
import { StudentSubmission } from "../../../_components/student-submission";
import { formatPoints, formatUtc, orRefuse } from "../../../_lib/course-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Student work · Interleave" };

type Props = {
  params: Promise<{ id: string; userId: string }>;
  searchParams: Promise<{ submission?: string | string[] }>;
};

export default async function StudentWorkPage({ params, searchParams }: Props) {
  const { id, userId } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(id)}/students/${encodeURIComponent(userId)}`);
  const requested = (await searchParams).submission;
  const work = await orRefuse(getStudentWork(user, id, userId, typeof requested === "string" ? requested : null));
  const courseId = work.course.id;
  const base = `/courses/${courseId}/students/${work.student.id}`;
  return (
    <section className="course">
      <p className="muted">
        <Link href={`/courses/${courseId}/gradebook`}>{work.course.title}: grade book</Link>
      </p>
      <h1>{work.student.displayName}</h1>
      <CourseNav courseId={courseId} current="gradebook" />
      <p className="muted">
        {work.student.email} · joined {formatUtc(work.student.joinedAt)}
      </p>

      {work.selected ? (
        <>
          <h2>
            Submission to <Link href={`/exercises/${work.selected.slug}`}>{work.selected.slug}</Link>
          </h2>
          <RegradeButton courseId={courseId} submissionId={work.selected.id} label="Regrade this submission" />
          <StudentSubmission id={work.selected.id} code={work.selected.code} />
        </>
      ) : null}

      <h2>Submissions</h2>
      {work.submissions.length === 0 ? (
        <p className="empty-state">No submissions to this course&apos;s exercises yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="student-submissions">
            <thead>
              <tr>
                <th>Submitted</th>
                <th>Exercise</th>
                <th>Kind</th>
                <th>Verdict</th>
                <th style={{ textAlign: "right" }}>Score</th>
                <th>
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {work.submissions.map((submission) => (
                <tr key={submission.id} aria-current={submission.id === work.selected?.id ? "true" : undefined}>
                  <td>
                    {formatUtc(submission.createdAt)}
                    {submission.late ? <span className="tag">late</span> : null}
                  </td>
                  <td>{submission.slug}</td>
                  <td>{submission.kind === "run" ? "run (not counted)" : "submit"}</td>
                  <td>
                    {submission.verdict && submission.status === "done" ? (
                      <span className={`verdict-badge small verdict-${verdictClass(submission.verdict)}`}>
                        {verdictLabel(submission.verdict)}
                      </span>
                    ) : (
                      submission.status
                    )}
                    {submission.regrades > 0 ? <span className="tag">regraded</span> : null}
                  </td>
                  <td style={{ textAlign: "right" }}>
                    {formatPoints(submission.score)}
                    {submission.maxScore !== null ? ` / ${formatPoints(submission.maxScore)}` : ""}
                  </td>
                  <td>
                    <Link href={`${base}?submission=${submission.id}`}>Open</Link>
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
