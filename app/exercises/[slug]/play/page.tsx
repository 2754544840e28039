import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/guards";
import { getExerciseBySlug } from "@/server/exercises/get-exercise-by-slug";
import { hasBreakItTarget } from "@/server/play/break-it-target";
import { decisionsParam } from "@/server/play/request-schedule-step.schema";
import { plainTitle } from "../../../_lib/inline-title";
import { SchedulePlayer } from "./schedule-player";

export const dynamic = "force-dynamic";

type Search = { submission?: string | string[]; check?: string | string[]; schedule?: string | string[] };
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props) {
  const exercise = await getExerciseBySlug((await params).slug);
  return { title: exercise ? `You are the scheduler · ${plainTitle(exercise.title)} · Interleave` : "Not found" };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

// /exercises/<slug>/play?submission=<id>&check=<id>&schedule=0,1,1 — the student picks which
// thread takes the next step of a check of their submission; the worker replays it (issue 14).
// A break-it exercise (one with a target) is played without a submission: ?schedule= only, and
// "Submit this schedule" sends the schedule built as the student's solution.
export default async function PlayPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const search = await searchParams;
  const user = await requireUser(`/exercises/${encodeURIComponent(slug)}/play`);
  void user;
  const exercise = await getExerciseBySlug(slug);
  if (!exercise) notFound();
  const submissionId = one(search.submission);
  const checkId = one(search.check);
  const schedule = decisionsParam.safeParse(one(search.schedule));
  const initialDecisions = schedule.success ? schedule.data : [];
  const breakIt = submissionId === "" && hasBreakItTarget(slug);
  return (
    <article className="play">
      <p>
        <Link href={`/exercises/${encodeURIComponent(slug)}`}>← {plainTitle(exercise.title)}</Link>
      </p>
      <h1>You are the scheduler</h1>
      <p className="muted">
        Pick which thread takes the next step. The real runtime replays your schedule and stops right after it: you see
        each thread&apos;s next line and the shared state.
      </p>
      {breakIt ? (
        <>
          <p>
            This is the program of the exercise, run by the real runtime: <strong>MainThread</strong> starts the threads
            and waits for them; every other step of a thread runs one line of the statement&apos;s program. When it
            breaks, submit the schedule: it is graded as your answer.
          </p>
          <SchedulePlayer slug={slug} source={{ kind: "target", slug }} initialDecisions={initialDecisions} />
        </>
      ) : submissionId === "" || checkId === "" ? (
        <p className="notice">
          Open this page from a result: &ldquo;Play this schedule yourself&rdquo; under a failing check.
        </p>
      ) : (
        <SchedulePlayer
          slug={slug}
          source={{ kind: "check", submissionId, checkId }}
          initialDecisions={initialDecisions}
        />
      )}
    </article>
  );
}
