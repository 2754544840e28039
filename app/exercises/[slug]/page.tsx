import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/guards";
import { chapterTitle } from "@/server/exercises/chapters";
import { getDraft } from "@/server/drafts/get-draft";
import { getExerciseBySlug } from "@/server/exercises/get-exercise-by-slug";
import { hasBreakItTarget } from "@/server/play/break-it-target";
import { listMySubmissions } from "@/server/submissions/list-my-submissions";
import { ExerciseTitle } from "../../_components/exercise-title";
import { Markdown } from "../../_components/markdown";
import { plainTitle } from "../../_lib/inline-title";
import { withoutLeadingTitle } from "../../_lib/markdown";
import { ExerciseWorkspace } from "./exercise-workspace";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ submission?: string | string[] }> };

export async function generateMetadata({ params }: Props) {
  const exercise = await getExerciseBySlug((await params).slug);
  return { title: exercise ? `${plainTitle(exercise.title)} · Interleave` : "Exercise not found · Interleave" };
}

export default async function ExercisePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/exercises/${encodeURIComponent(slug)}`);
  const exercise = await getExerciseBySlug(slug);
  if (!exercise) notFound();
  const [firstPage, draft] = await Promise.all([
    listMySubmissions(user.id, exercise.id),
    getDraft(user.id, exercise.id),
  ]);
  // ?submission=<id> reopens a result; the result's own request checks who may read it.
  const requested = (await searchParams).submission;
  const initialSubmissionId = typeof requested === "string" && requested !== "" ? requested : null;
  return (
    <article className="exercise">
      <header className="exercise-header">
        <p className="muted">
          Chapter {exercise.chapter} · {chapterTitle(exercise.chapter)}
        </p>
        <h1>
          <ExerciseTitle title={exercise.title} />
        </h1>
        <p className="meta">
          <span className={`difficulty difficulty-${exercise.difficulty}`}>{exercise.difficulty}</span>
          <span>{exercise.points} points</span>
          {exercise.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
        {hasBreakItTarget(exercise.slug) && !exercise.archived ? (
          <p className="play-link">
            <Link href={`/exercises/${encodeURIComponent(exercise.slug)}/play`}>Play the scheduler</Link>{" "}
            <span className="muted">
              — click which thread runs next on the real program, then submit the schedule you built.
            </span>
          </p>
        ) : null}
        {exercise.archived ? (
          <p className="notice" role="status">
            This exercise was retired from the catalogue. You can still read it and your past work.
          </p>
        ) : null}
      </header>
      <ExerciseWorkspace
        slug={exercise.slug}
        draftOwner={user.id}
        starterCode={exercise.starterCode}
        savedDraft={draft?.code ?? null}
        archived={exercise.archived}
        initialSubmissions={firstPage.submissions}
        initialHasMore={firstPage.hasMore}
        initialSubmissionId={initialSubmissionId}
      >
        <Markdown source={withoutLeadingTitle(exercise.statementMd, exercise.title)} />
      </ExerciseWorkspace>
    </article>
  );
}
