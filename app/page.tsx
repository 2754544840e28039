import Link from "next/link";
import { ExerciseTitle } from "./_components/exercise-title";
import { getCurrentUser } from "@/server/auth/guards";
import { DIFFICULTIES } from "@/server/exercises/exercise-view";
import { listCatalogue } from "@/server/exercises/list-catalogue";
import {
  applyProgress,
  CatalogueFilters,
  listCatalogueProgress,
  NOT_STARTED,
  PROGRESS_STATUSES,
  type ExerciseProgress,
  type ProgressStatus,
} from "@/server/exercises/list-catalogue-progress";
import "./leaderboard/_components/leaderboard.css";

// Reads the database on every request: never prerendered at build time.
export const dynamic = "force-dynamic";

const STATUS_LABEL: Record<ProgressStatus, string> = {
  "not-started": "Not started",
  attempted: "Attempted",
  solved: "Solved",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const filters = CatalogueFilters.parse({
    chapter: typeof query.chapter === "string" ? query.chapter : undefined,
    difficulty: typeof query.difficulty === "string" ? query.difficulty : undefined,
    status: typeof query.status === "string" ? query.status : undefined,
  });
  const [user, catalogue] = await Promise.all([getCurrentUser(), listCatalogue()]);
  const progress = user ? await listCatalogueProgress(user.id) : new Map<string, ExerciseProgress>();
  const view = applyProgress(catalogue, progress, user ? filters : { ...filters, status: undefined });
  const count = view.total;
  const filtered = filters.chapter !== undefined || filters.difficulty !== undefined || filters.status !== undefined;
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
          {user ? (
            <p data-testid="progress-total">
              Your progress: <strong>{view.solved}</strong> of {count} solved, <strong>{view.earned}</strong> of{" "}
              {view.possible} points. <Link href="/leaderboard">Leaderboard</Link>
            </p>
          ) : null}
          <form method="get" className="catalogue-filters" aria-label="Filter the catalogue">
            <label>
              Chapter
              <select name="chapter" defaultValue={filters.chapter?.toString() ?? ""}>
                <option value="">All chapters</option>
                {catalogue.map((c) => (
                  <option key={c.chapter} value={c.chapter}>
                    {c.chapter}. {c.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Difficulty
              <select name="difficulty" defaultValue={filters.difficulty ?? ""}>
                <option value="">Any difficulty</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
            {user ? (
              <label>
                Status
                <select name="status" defaultValue={filters.status ?? ""}>
                  <option value="">Any status</option>
                  {PROGRESS_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button type="submit" className="button small">
              Filter
            </button>
            {filtered ? <Link href="/">Clear filters</Link> : null}
          </form>
          {view.chapters.length === 0 ? <p className="muted">No exercise matches these filters.</p> : null}
          {view.chapters.map((chapter) => (
            <section key={chapter.chapter} className="chapter" aria-labelledby={`chapter-${chapter.chapter}`}>
              <h3 id={`chapter-${chapter.chapter}`}>
                <span className="chapter-number">Chapter {chapter.chapter}</span> {chapter.title}
              </h3>
              {user ? (
                <p className="muted small">
                  {chapter.solved} of {chapter.count} solved · {chapter.earned} / {chapter.possible} points
                </p>
              ) : null}
              <ul className="exercise-list">
                {chapter.exercises.map((exercise) => {
                  const mine = progress.get(exercise.id) ?? NOT_STARTED;
                  return (
                    <li key={exercise.id} className="exercise-card">
                      <Link href={`/exercises/${exercise.slug}`} className="exercise-link">
                        <ExerciseTitle title={exercise.title} />
                      </Link>
                      <p>{exercise.summary}</p>
                      <p className="meta">
                        {user ? (
                          <span className={`progress-status progress-${mine.status}`} data-testid="progress-status">
                            {STATUS_LABEL[mine.status]}
                            {mine.bestScore !== null ? ` · best ${mine.bestScore}/${mine.maxScore}` : ""}
                          </span>
                        ) : null}
                        <span className={`difficulty difficulty-${exercise.difficulty}`}>{exercise.difficulty}</span>
                        <span>
                          {user && mine.pointsEarned > 0 ? `${mine.pointsEarned} of ` : ""}
                          {exercise.points} points
                        </span>
                        {exercise.tags.map((tag) => (
                          <span key={tag} className="tag">
                            {tag}
                          </span>
                        ))}
                      </p>
                      {user ? (
                        <p className="small">
                          <Link href={`/exercises/${exercise.slug}/leaderboard`}>Leaderboard</Link>
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
