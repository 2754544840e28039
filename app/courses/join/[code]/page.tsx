import Link from "next/link";
import { requireUser } from "@/server/auth/guards";
import { findCourseByJoinCode } from "@/server/courses/join-course";
import { JoinCourseForm } from "../../_components/join-course-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join a course · Interleave" };

// GET /courses/join/<code> — an invite link. Opening it joins nothing (a GET must not change
// anything): it names the course and offers the button that does.
export default async function JoinByLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireUser(`/courses/join/${encodeURIComponent(code)}`);
  const course = await findCourseByJoinCode(code);
  return (
    <section className="auth-card">
      <h1>Join a course</h1>
      {course ? (
        <>
          <p>
            You are invited to <strong data-testid="invited-course">{course.title}</strong>.
          </p>
          <JoinCourseForm code={code} />
        </>
      ) : (
        <p className="notice">
          This invite link does not open a course (it may be mistyped, or the course was closed).{" "}
          <Link href="/courses">Enter a join code</Link>
        </p>
      )}
    </section>
  );
}
