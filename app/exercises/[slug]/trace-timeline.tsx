"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { FailureView, TraceEvent } from "@/server/submissions/submission-view";

// The failing interleaving as a timeline: one lane (column) per thread, one row per event, and
// a step-through control (Previous / Next, a slider, ← / →) whose current event is highlighted
// here and, through onCurrentLine, in the editor.

const SOLUTION_FILE = "solution.ts";
const WRITES = new Set(["set", "store", "put"]);

/** The student's line an event happened on, if it happened in the student's file. */
export function lineOf(event: TraceEvent | undefined): number | null {
  return event && event.file === SOLUTION_FILE && event.line !== undefined ? event.line : null;
}

function action(event: TraceEvent): string {
  const target = event.target ? ` ${event.target}` : "";
  if (event.value === undefined) return `${event.op}${target}`;
  return `${event.op}${target} ${WRITES.has(event.op) ? "=" : "→"} ${event.value}`;
}

function where(event: TraceEvent): string {
  const line = lineOf(event);
  if (line !== null) return `line ${line}`;
  return event.file ? "in the checks" : "";
}

export function describeEvent(event: TraceEvent): string {
  return [`${event.thread}: ${action(event)}`, where(event), `time ${event.time}`].filter(Boolean).join(", ");
}

export function TraceTimeline({
  failure,
  onCurrentLine,
}: {
  failure: FailureView;
  onCurrentLine: (line: number | null) => void;
}) {
  const events = failure.trace;
  const [index, setIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const current = events[index];
  const currentLine = lineOf(current);

  useEffect(() => {
    onCurrentLine(currentLine);
  }, [currentLine, onCurrentLine]);
  useEffect(() => () => onCurrentLine(null), [onCurrentLine]);

  // Keep the current row in view inside the timeline's own scroll box (not the page).
  useEffect(() => {
    const box = scrollRef.current;
    const row = box?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`);
    if (!box || !row) return;
    // Rows are focusable (one tab stop, the current row): the focus follows the arrow keys.
    if (box.contains(document.activeElement) && document.activeElement !== box) row.focus({ preventScroll: true });
    const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    if (row.offsetTop - head < box.scrollTop) box.scrollTop = row.offsetTop - head;
    else if (row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = row.offsetTop + row.offsetHeight - box.clientHeight;
    }
  }, [index]);

  if (events.length === 0) return <p className="muted">The grader recorded no events for this failure.</p>;

  const last = events.length - 1;
  const go = (next: number) => setIndex(Math.max(0, Math.min(last, next)));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The slider moves itself with the arrow keys.
    if (event.target instanceof HTMLInputElement && event.target.type === "range") return;
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      ArrowUp: index - 1,
      ArrowDown: index + 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      go(moves[event.key]!);
    }
  };

  return (
    <section className="timeline" aria-labelledby="timeline-heading" data-testid="trace-timeline" onKeyDown={onKeyDown}>
      <h3 id="timeline-heading">The failing interleaving</h3>
      <p className="muted small">
        One column per thread, one row per step, read top to bottom. Step through it with the buttons, the slider or the
        ← / → keys (↑ / ↓ on a row of the table): the current step&apos;s line is highlighted in your code.
        {failure.omittedEvents > 0
          ? ` The first ${failure.omittedEvents.toLocaleString("en")} steps are not shown.`
          : null}
      </p>
      <div className="timeline-controls" role="group" aria-label="Step through the interleaving">
        <button type="button" className="button small" onClick={() => go(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">← </span>Previous
        </button>
        <label className="timeline-slider">
          <span>Step</span>
          <input
            type="range"
            min={1}
            max={events.length}
            value={index + 1}
            onChange={(event) => go(Number(event.target.value) - 1)}
            aria-valuetext={`Step ${index + 1} of ${events.length}`}
          />
        </label>
        <button type="button" className="button small" onClick={() => go(index + 1)} disabled={index === last}>
          Next<span aria-hidden="true"> →</span>
        </button>
        <span className="timeline-position" data-testid="timeline-position">
          {index + 1} / {events.length}
        </span>
      </div>
      <p className="timeline-current" aria-live="polite" data-testid="timeline-current">
        {current ? describeEvent(current) : null}
      </p>
      <div className="timeline-scroll" ref={scrollRef} aria-label="Interleaving table">
        <table className="timeline-table">
          <caption className="visually-hidden">
            The failing interleaving: one column per thread, one row per step
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Time</th>
              {failure.threads.map((thread) => (
                <th scope="col" key={thread} data-lane={thread}>
                  {thread}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((event, i) => (
              <tr
                key={i}
                data-index={i}
                data-lost-update={failure.lostUpdate?.events.includes(i) ? "" : undefined}
                className={
                  [i === index ? "current" : "", failure.lostUpdate?.events.includes(i) ? "lost-update-step" : ""]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
                aria-current={i === index ? "step" : undefined}
                tabIndex={i === index ? 0 : -1}
                onFocus={() => setIndex(i)}
                onClick={() => setIndex(i)}
              >
                <td className="num">{event.step}</td>
                <td className="num">{event.time}</td>
                {failure.threads.map((thread) => (
                  <td key={thread} className={thread === event.thread ? "event" : undefined}>
                    {thread === event.thread ? (
                      <>
                        <span className="event-op">{action(event)}</span>
                        {where(event) ? <span className="event-line">{where(event)}</span> : null}
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
