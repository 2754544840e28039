"use client";

import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { StepState } from "@/server/play/get-schedule-step";
import Link from "next/link";
import { readStepAction, requestStepAction, submitScheduleAction, type PlaySource } from "./actions";

const POLL_MS = 300;

type Props = { slug: string; source: PlaySource; initialDecisions: number[] };

type Sent = { id: string; schedule: number[] };

/**
 * A button that is off while a step runs without being `disabled`: a disabled button drops the
 * keyboard focus, so a student who steps a thread with Enter would have to Tab back to it after
 * every step. Off, it says so (aria-disabled) and ignores presses.
 */
function StepButton({ off, onPress, children }: { off: boolean; onPress: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="step-button"
      aria-disabled={off}
      onClick={() => {
        if (!off) onPress();
      }}
    >
      {children}
    </button>
  );
}

/**
 * Lanes, one per live thread, each with its next line and a "Run next step" button when it may
 * run. On a break-it target, "Submit this schedule" sends the schedule as the student's answer.
 */
export function SchedulePlayer({ slug, source, initialDecisions }: Props) {
  const [decisions, setDecisions] = useState<number[]>(initialDecisions);
  const [state, setState] = useState<StepState | null>(null);
  const [stepId, setStepId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const submissionId = source.kind === "check" ? source.submissionId : "";
  const checkId = source.kind === "check" ? source.checkId : "";
  const target = source.kind === "target";

  const shareUrl = useCallback(
    (d: number[]) =>
      target
        ? `/exercises/${encodeURIComponent(slug)}/play?schedule=${d.join(",")}`
        : `/exercises/${encodeURIComponent(slug)}/play?submission=${encodeURIComponent(submissionId)}&check=${encodeURIComponent(checkId)}&schedule=${d.join(",")}`,
    [slug, submissionId, checkId, target],
  );

  const submit = async () => {
    if (stepId === null) return;
    setSending(true);
    setError(null);
    const answer = await submitScheduleAction(stepId);
    setSending(false);
    if ("error" in answer) setError(answer.error);
    else setSent(answer);
  };

  useEffect(() => {
    let cancelled = false;
    setBusy(true);
    setError(null);
    setStepId(null);
    setSent(null);
    // The schedule is in the URL: a link shares it, reload keeps it.
    window.history.replaceState(null, "", shareUrl(decisions));
    void (async () => {
      const asked = await requestStepAction(
        target ? { kind: "target", slug } : { kind: "check", submissionId, checkId },
        decisions.join(","),
      );
      if (cancelled) return;
      if ("error" in asked) {
        setError(asked.error);
        setBusy(false);
        return;
      }
      for (;;) {
        const view = await readStepAction(asked.id);
        if (cancelled) return;
        if (view === null) {
          setError("The step is gone (a newer one replaced it).");
          break;
        }
        if (view.status === "done") {
          setState(view.state);
          setStepId(asked.id);
          break;
        }
        if (view.status === "failed") {
          setError(view.error);
          break;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      if (!cancelled) setBusy(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [decisions, submissionId, checkId, slug, target, shareUrl]);

  return (
    <section className="schedule-player" aria-busy={busy}>
      <p>
        Schedule so far ({decisions.length} {decisions.length === 1 ? "step" : "steps"}):{" "}
        <code data-testid="schedule">{decisions.join(",") || "(none)"}</code>
      </p>
      <p className="schedule-actions">
        <StepButton off={busy || decisions.length === 0} onPress={() => setDecisions((d) => d.slice(0, -1))}>
          Undo
        </StepButton>{" "}
        <StepButton off={busy || decisions.length === 0} onPress={() => setDecisions([])}>
          Restart
        </StepButton>{" "}
        <a href={shareUrl(decisions)}>Link to this schedule</a>
      </p>
      {target ? (
        <p className="schedule-submit">
          <button type="button" disabled={busy || sending || stepId === null} onClick={() => void submit()}>
            Submit this schedule
          </button>{" "}
          <span className="muted">
            MainThread&apos;s steps, each thread&apos;s start and any step where a thread only found a lock taken are
            left out: what is sent is one thread number per line of the statement&apos;s program.
          </span>
        </p>
      ) : null}
      {sent ? (
        <p role="status" className="notice" data-testid="sent">
          Submitted <code>export const schedule = [{sent.schedule.join(", ")}]</code>.{" "}
          <Link href={`/exercises/${encodeURIComponent(slug)}?submission=${encodeURIComponent(sent.id)}`}>
            See the verdict
          </Link>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="notice">
          {error}
        </p>
      ) : null}
      {busy ? <p role="status">Running your schedule…</p> : null}
      {state ? <StepView state={state} busy={busy} onStep={(id) => setDecisions((d) => [...d, id])} /> : null}
    </section>
  );
}

function StepView({ state, busy, onStep }: { state: StepState; busy: boolean; onStep: (thread: number) => void }) {
  return (
    <>
      {state.finished ? (
        <p role="status" className="notice" data-testid="outcome">
          The program ended: <strong>{state.verdict}</strong> — {state.outcome?.message}
        </p>
      ) : null}
      <div className="lanes">
        {state.threads.map((t) => {
          const runnable = state.runnable.includes(t.id);
          return (
            <section key={t.id} className="lane" aria-label={`Thread ${t.name}`}>
              <h2>
                {t.name} <span className="muted">#{t.id}</span>
              </h2>
              <p>
                {runnable ? "can run" : t.state}
                {t.op ? (
                  <>
                    {" "}
                    · next: <code>{t.op}</code>
                    {t.target ? ` ${t.target}` : ""}
                  </>
                ) : null}
              </p>
              {t.line !== undefined ? (
                <p>
                  line {t.line}: <code>{t.text ?? ""}</code>
                </p>
              ) : null}
              {runnable ? (
                <StepButton off={busy} onPress={() => onStep(t.id)}>
                  Run next step of {t.name}
                </StepButton>
              ) : null}
            </section>
          );
        })}
      </div>
      <h2>Shared state</h2>
      {state.shared.length === 0 ? (
        <p className="muted">No shared variable read or written yet.</p>
      ) : (
        <ul data-testid="shared">
          {state.shared.map((v) => (
            <li key={v.name}>
              <code>
                {v.name} = {v.value}
              </code>
            </li>
          ))}
        </ul>
      )}
      <h2>Trace so far</h2>
      <ol className="play-trace">
        {state.trace.map((e, i) => (
          <li key={i}>
            {e.thread}: {e.op}
            {e.target ? ` ${e.target}` : ""}
            {e.value !== undefined ? ` ${e.value}` : ""}
            {e.line !== undefined ? ` (line ${e.line})` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}
