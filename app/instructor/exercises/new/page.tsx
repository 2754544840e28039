import Link from "next/link";
import { requireRole } from "@/server/auth/guards";
import { TEMPLATE_FILES, TEMPLATE_MANIFEST } from "@/server/authoring/exercise-template";
import { formFromManifest } from "@/server/authoring/manifest-form";
import { AuthoringEditor } from "../authoring-editor";

export const dynamic = "force-dynamic";
export const metadata = { title: "New exercise · Interleave" };

export default async function NewExercisePage() {
  await requireRole("instructor", "/instructor/exercises/new");
  return (
    <section>
      <p className="muted small">
        <Link href="/instructor">Instructor</Link> › <Link href="/instructor/exercises">Authored exercises</Link> › New
      </p>
      <h1>New exercise</h1>
      <p className="muted">
        It starts from a small exercise that validates: change it into yours. Save, then Validate: the grading worker
        runs the reference, the starter, every mutant and fake, as <code>interleave validate</code> does.
      </p>
      <AuthoringEditor initialForm={formFromManifest(TEMPLATE_MANIFEST)} initialFiles={TEMPLATE_FILES} view={null} />
    </section>
  );
}
