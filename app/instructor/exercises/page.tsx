import Link from "next/link";
import { requireRole } from "@/server/auth/guards";
import { listAuthoredExercises } from "@/server/authoring/list-authored-exercises";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Authored exercises · Interleave" };

export default async function AuthoredExercisesPage() {
  const user = await requireRole("instructor", "/instructor/exercises");
  const exercises = await listAuthoredExercises(user);
  return (
    <section>
      <p className="muted small">
        <Link href="/instructor">Instructor</Link> › Authored exercises
      </p>
      <h1>Authored exercises</h1>
      <p className="muted">
        Exercises written here live beside those of <code>exercises/</code>: same package, same proof. Students see one
        once it is validated (in the grading worker) and published; editing a published exercise makes a new version.
      </p>
      <p>
        <Link className="button" href="/instructor/exercises/new">
          New exercise
        </Link>
      </p>
      {exercises.length === 0 ? (
        <p className="empty-state">
          {user.role === "admin"
            ? "No exercise has been authored in the browser yet."
            : "You have not authored an exercise yet."}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>Exercise</th>
                {user.role === "admin" ? <th>Author</th> : null}
                <th>Draft</th>
                <th>Published</th>
                <th>Export</th>
              </tr>
            </thead>
            <tbody>
              {exercises.map((exercise) => (
                <tr key={exercise.id}>
                  <td>
                    <Link href={`/instructor/exercises/${encodeURIComponent(exercise.id)}/edit`}>{exercise.title}</Link>
                    <div className="muted small">{exercise.id}</div>
                  </td>
                  {user.role === "admin" ? <td>{exercise.authorName ?? "—"}</td> : null}
                  <td>v{exercise.latestVersion}</td>
                  <td>
                    {exercise.publishedVersion === null ? (
                      "not yet"
                    ) : (
                      <Link href={`/exercises/${exercise.slug}`}>v{exercise.publishedVersion}</Link>
                    )}
                  </td>
                  <td>
                    <a href={`/instructor/exercises/${encodeURIComponent(exercise.id)}/export`} download>
                      ZIP
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Import a folder</h2>
      <ImportForm />
    </section>
  );
}
