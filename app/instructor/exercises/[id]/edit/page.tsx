import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireRole } from "@/server/auth/guards";
import { getAuthoringView } from "@/server/authoring/get-authoring-view";
import { isAppError } from "@/server/errors";
import { AuthoringEditor } from "../../authoring-editor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit exercise · Interleave" };

export default async function EditExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("instructor", `/instructor/exercises/${encodeURIComponent(id)}/edit`);
  let view;
  try {
    view = await getAuthoringView(user, id);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "forbidden") forbidden();
    notFound();
  }
  return (
    <section>
      <p className="muted small">
        <Link href="/instructor">Instructor</Link> › <Link href="/instructor/exercises">Authored exercises</Link> ›{" "}
        {view.exerciseId}
      </p>
      <h1>Edit {view.form.title}</h1>
      <AuthoringEditor initialForm={view.form} initialFiles={view.files} view={view} />
    </section>
  );
}
