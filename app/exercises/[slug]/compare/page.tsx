import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/guards";
import { getSubmissionForViewer } from "@/server/submissions/get-submission";
import type { SubmissionView } from "@/server/submissions/submission-view";
import { ExerciseTitle } from "../../../_components/exercise-title";
import { plainTitle } from "../../../_lib/inline-title";
import { CompareView } from "../compare-view";
import { STATUS_LABELS, verdictClass, verdictLabel } from "../verdicts";

// /exercises/<slug>/compare?a=<id>&b=<id>: two tries of one exercise in Monaco's diff editor,
// with their verdicts (issue 14). The older try is on the left. Each submission is read as the
// results API reads it: its owner, or an instructor; anything else is "not found".

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ a?: string | string[]; b?: string | string[] }>;
};

export const metadata = { title: "Compare two tries · Interleave" };

// (my-submissions.tsx has the same, but a client module's functions cannot be called here.)
const formatScore = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(1));
const when = (view: SubmissionView) => new Date(view.createdAt).toLocaleString("en-GB", { timeZone: "UTC" }) + " UTC";

export default async function ComparePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { a, b } = await searchParams;
  const user = await requireUser(`/exercises/${encodeURIComponent(slug)}`);
  const [first, second] = await Promise.all([getSubmissionForViewer(a, user), getSubmissionForViewer(b, user)]);
  if (!first || !second || first.exercise.slug !== slug || second.exercise.slug !== slug) notFound();
  const [older, newer] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
  const label = (view: SubmissionView, which: string) => `${which} try, ${when(view)}`;
  return (
    <article className="compare">
      <p>
        <Link href={`/exercises/${encodeURIComponent(slug)}`}>
          ← Back to <ExerciseTitle title={older.exercise.title} />
        </Link>
      </p>
      <h1>Compare two tries</h1>
      <p className="muted">
        {plainTitle(older.exercise.title)}: what changed from the older try (left) to the newer one (right).
      </p>
      <div className="compare-heads">
        <TryHeading view={older} which="Older" />
        <TryHeading view={newer} which="Newer" />
      </div>
      <CompareView
        original={older.code}
        modified={newer.code}
        originalLabel={label(older, "Older")}
        modifiedLabel={label(newer, "Newer")}
      />
    </article>
  );
}

function TryHeading({ view, which }: { view: SubmissionView; which: string }) {
  return (
    <section className="compare-head" aria-label={`${which} try`} data-testid={`compare-${which.toLowerCase()}`}>
      <h2>
        {which} try{" "}
        <Link className="small" href={`/exercises/${encodeURIComponent(view.exercise.slug)}?submission=${view.id}`}>
          open its result
        </Link>
      </h2>
      <p>
        <time dateTime={view.createdAt}>{when(view)}</time>{" "}
        {view.result ? (
          <>
            <span
              className={`verdict-badge small verdict-${verdictClass(view.result.verdict)}`}
              data-testid="verdict"
              data-verdict={view.result.verdict}
            >
              {verdictLabel(view.result.verdict)}
            </span>{" "}
            <span className="muted">
              {formatScore(view.result.score)} / {formatScore(view.result.maxScore)} points
            </span>
          </>
        ) : (
          <span className={`status-badge status-${view.status}`}>{STATUS_LABELS[view.status]}</span>
        )}
      </p>
    </section>
  );
}
