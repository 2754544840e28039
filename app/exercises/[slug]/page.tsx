import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/guards";
import { chapterTitle } from "@/server/exercises/chapters";
import { getExerciseBySlug } from "@/server/exercises/get-exercise-by-slug";
import { Markdown } from "../../_components/markdown";
import { withoutLeadingTitle } from "../../_lib/markdown";
import { ExerciseEditor } from "./exercise-editor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const exercise = await getExerciseBySlug((await params).slug);
  return { title: exercise ? `${exercise.title} · Interleave` : "Exercise not found · Interleave" };
}

export default async function ExercisePage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/exercises/${encodeURIComponent(slug)}`);
  const exercise = await getExerciseBySlug(slug);
  if (!exercise) notFound();
  return (
    <article className="exercise">
      <header className="exercise-header">
        <p className="muted">
          Chapter {exercise.chapter} · {chapterTitle(exercise.chapter)}
        </p>
        <h1>{exercise.title}</h1>
        <p className="meta">
          <span className={`difficulty difficulty-${exercise.difficulty}`}>{exercise.difficulty}</span>
          <span>{exercise.points} points</span>
          {exercise.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
        {exercise.archived ? (
          <p className="notice" role="status">
            This exercise was retired from the catalogue. You can still read it and your past work.
          </p>
        ) : null}
      </header>
      <div className="exercise-body">
        <section className="statement" aria-label="Statement">
          <Markdown source={withoutLeadingTitle(exercise.statementMd, exercise.title)} />
        </section>
        <section className="workspace" aria-label="Your solution">
          <ExerciseEditor slug={exercise.slug} starterCode={exercise.starterCode} />
        </section>
      </div>
    </article>
  );
}
