import Link from "next/link";
import { ExerciseTitle } from "./_components/exercise-title";
import { getCurrentUser } from "@/server/auth/guards";
import { listCatalogue } from "@/server/exercises/list-catalogue";

// Reads the database on every request: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [user, catalogue] = await Promise.all([getCurrentUser(), listCatalogue()]);
  const count = catalogue.reduce((sum, chapter) => sum + chapter.exercises.length, 0);
  return (
    <>
      <section className="intro">
        <h1>Learn concurrency by breaking it</h1>
        <p>
          Write concurrent TypeScript in the browser. The grader runs it under stress schedules that inject delays and
          preemptions, and shows you the race, deadlock or starvation it found, with a trace you can replay.
        </p>
        {user ? null : (
          <p>
            <Link href="/signup" className="button primary">
              Create an account
            </Link>{" "}
            or <Link href="/login">log in</Link> to start solving.
          </p>
        )}
      </section>

      {count === 0 ? (
        <section className="empty-state">
          <h2>No exercises yet</h2>
          <p>
            The catalogue is synced from the <code>exercises/</code> folder when the server starts. Add an exercise
            there and run <code>npm run db:sync</code>.
          </p>
        </section>
      ) : (
        <section aria-labelledby="catalogue-heading">
          <h2 id="catalogue-heading" className="visually-hidden">
            Catalogue
          </h2>
          <p className="muted">
            {count} {count === 1 ? "exercise" : "exercises"}, following the chapters of{" "}
            <em>Mastering Concurrency in Python</em>.
          </p>
          {catalogue.map((chapter) => (
            <section key={chapter.chapter} className="chapter" aria-labelledby={`chapter-${chapter.chapter}`}>
              <h3 id={`chapter-${chapter.chapter}`}>
                <span className="chapter-number">Chapter {chapter.chapter}</span> {chapter.title}
              </h3>
              <ul className="exercise-list">
                {chapter.exercises.map((exercise) => (
                  <li key={exercise.id} className="exercise-card">
                    <Link href={`/exercises/${exercise.slug}`} className="exercise-link">
                      <ExerciseTitle title={exercise.title} />
                    </Link>
                    <p>{exercise.summary}</p>
                    <p className="meta">
                      <span className={`difficulty difficulty-${exercise.difficulty}`}>{exercise.difficulty}</span>
                      <span>{exercise.points} points</span>
                      {exercise.tags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
