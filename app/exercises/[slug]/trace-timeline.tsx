"use client";

import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import type { FailureView, TraceEvent } from "@/server/submissions/submission-view";

// The failing interleaving as a timeline: one lane (column) per thread, one row per event, and
// a step-through control (Previous / Next, a slider, ← / →) whose current event is highlighted
// here and, through onCurrentLine, in the editor. With many threads (issue 14: 5 to 16 and
// more) the columns are compact, the header and the step/time columns stick, lanes can be
// pinned to the left or hidden, and the current cell is scrolled into view inside the box.

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

/** Lanes at most this many are drawn at full width; more get compact columns. */
const COMPACT_FROM = 5;

export function TraceTimeline({
  failure,
  onCurrentLine,
}: {
  failure: FailureView;
  onCurrentLine: (line: number | null) => void;
}) {
  const events = failure.trace;
  const [index, setIndex] = useState(0);
  const lanes = useLanes(failure.threads);
  const lostUpdateSteps = new Set(failure.lostUpdate?.events ?? []);
  const shownKey = lanes.shown.join("\n");
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const current = events[index];
  const currentLine = lineOf(current);

  useEffect(() => {
    onCurrentLine(currentLine);
  }, [currentLine, onCurrentLine]);
  useEffect(() => () => onCurrentLine(null), [onCurrentLine]);

  // Keep the current step in view inside the timeline's own scroll box (never the page): its
  // row vertically, its cell horizontally (clear of the sticky columns on the left).
  useEffect(() => {
    const box = scrollRef.current;
    const row = box?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`);
    if (!box || !row) return;
    // Rows are focusable (one tab stop, the current row): the focus follows the arrow keys.
    if (box.contains(document.activeElement) && document.activeElement !== box) row.focus({ preventScroll: true });
    keepInView(box, row);
  }, [index, shownKey]);

  if (events.length === 0) return <p className="muted">The grader recorded no events for this failure.</p>;

  const last = events.length - 1;
  const go = (next: number) => setIndex(Math.max(0, Math.min(last, next)));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The slider moves itself with the arrow keys; the lane checkboxes are not steps.
    if (event.target instanceof HTMLInputElement) return;
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
  const compact = failure.threads.length >= COMPACT_FROM;
  const hiddenCount = failure.threads.length - lanes.shown.length;

  return (
    <section
      className={`timeline${compact ? " timeline-compact" : ""}`}
      aria-labelledby="timeline-heading"
      data-testid="trace-timeline"
      onKeyDown={onKeyDown}
    >
      <h3 id="timeline-heading">The failing interleaving</h3>
      <p className="muted small">
        One column per thread, one row per step, read top to bottom. Step through it with the buttons, the slider or the
        ← / → keys (↑ / ↓ on a row of the table): the current step&apos;s line is highlighted in your code.
        {failure.omittedEvents > 0
          ? ` The first ${failure.omittedEvents.toLocaleString("en")} steps are not shown.`
          : null}
      </p>
      <LaneControls threads={failure.threads} lanes={lanes} />
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
      <div className="timeline-scroll" ref={scrollRef} data-testid="timeline-scroll">
        <table
          className="timeline-table"
          style={{ "--lanes": lanes.shown.length + (hiddenCount > 0 ? 1.2 : 0) } as CSSProperties}
        >
          <caption className="visually-hidden">
            The failing interleaving: one column per thread, one row per step
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky-col col-step">
                Step
              </th>
              <th scope="col" className="sticky-col col-time">
                Time
              </th>
              {lanes.shown.map((thread) => {
                const pin = lanes.pinned.indexOf(thread);
                return (
                  <th
                    scope="col"
                    key={thread}
                    data-lane={thread}
                    title={thread}
                    className={pin >= 0 ? "lane pinned" : "lane"}
                    style={pin >= 0 ? ({ "--pin": pin } as CSSProperties) : undefined}
                  >
                    {thread}
                  </th>
                );
              })}
              {hiddenCount > 0 ? (
                <th scope="col" className="lane lane-others">
                  Hidden lanes
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {events.map((event, i) => {
              const hidden = !lanes.shown.includes(event.thread);
              return (
                <tr
                  key={i}
                  data-index={i}
                  data-lost-update={lostUpdateSteps.has(i) ? "" : undefined}
                  className={
                    [i === index ? "current" : "", lostUpdateSteps.has(i) ? "lost-update-step" : ""]
                      .filter(Boolean)
                      .join(" ") || undefined
                  }
                  aria-current={i === index ? "step" : undefined}
                  tabIndex={i === index ? 0 : -1}
                  onFocus={() => setIndex(i)}
                  onClick={() => setIndex(i)}
                >
                  <td className="num sticky-col col-step">{event.step}</td>
                  <td className="num sticky-col col-time">{event.time}</td>
                  {lanes.shown.map((thread) => {
                    const pin = lanes.pinned.indexOf(thread);
                    const mine = thread === event.thread;
                    return (
                      <td
                        key={thread}
                        className={
                          [mine ? "event" : "", pin >= 0 ? "pinned" : ""].filter(Boolean).join(" ") || undefined
                        }
                        style={pin >= 0 ? ({ "--pin": pin } as CSSProperties) : undefined}
                        data-current-cell={mine && i === index ? "" : undefined}
                      >
                        {mine ? <EventCell event={event} /> : null}
                      </td>
                    );
                  })}
                  {hiddenCount > 0 ? (
                    <td
                      className={hidden ? "event lane-others" : "lane-others"}
                      data-current-cell={hidden && i === index ? "" : undefined}
                    >
                      {hidden ? (
                        <>
                          <span className="event-thread">{event.thread}</span>
                          <EventCell event={event} />
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function EventCell({ event }: { event: TraceEvent }) {
  const text = action(event);
  return (
    <>
      <span className="event-op" title={text}>
        {text}
      </span>
      {where(event) ? <span className="event-line">{where(event)}</span> : null}
    </>
  );
}

/**
 * Scroll `box` (and only it) so that `row` and its current cell are visible: rows below the
 * sticky header, cells right of the sticky step, time and pinned columns.
 */
function keepInView(box: HTMLElement, row: HTMLTableRowElement): void {
  const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  if (row.offsetTop - head < box.scrollTop) box.scrollTop = row.offsetTop - head;
  else if (row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) {
    box.scrollTop = row.offsetTop + row.offsetHeight - box.clientHeight;
  }
  const cell = row.querySelector<HTMLTableCellElement>("td[data-current-cell]");
  if (!cell || cell.classList.contains("pinned")) return;
  // The sticky cells are side by side from the left edge. (Not their offsetLeft: a stuck cell's
  // includes how far the box is scrolled.)
  let stickyRight = 0;
  for (const sticky of row.querySelectorAll<HTMLElement>("td.sticky-col, td.pinned")) stickyRight += sticky.offsetWidth;
  if (cell.offsetLeft - stickyRight < box.scrollLeft) box.scrollLeft = Math.max(0, cell.offsetLeft - stickyRight);
  else if (cell.offsetLeft + cell.offsetWidth > box.scrollLeft + box.clientWidth) {
    box.scrollLeft = cell.offsetLeft + cell.offsetWidth - box.clientWidth;
  }
}

type Lanes = {
  /** Lanes drawn, pinned ones first (in the order they were pinned), then the rest in thread order. */
  shown: string[];
  pinned: string[];
  hidden: Set<string>;
  togglePin: (thread: string) => void;
  toggleHidden: (thread: string) => void;
  showAll: () => void;
};

function useLanes(threads: string[]): Lanes {
  const [pinned, setPinned] = useState<string[]>([]);
  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const visiblePins = pinned.filter((t) => !hidden.has(t) && threads.includes(t));
  const shown = [...visiblePins, ...threads.filter((t) => !hidden.has(t) && !visiblePins.includes(t))];
  return {
    shown,
    pinned: visiblePins,
    hidden,
    togglePin: (thread) =>
      setPinned((list) => (list.includes(thread) ? list.filter((t) => t !== thread) : [...list, thread])),
    toggleHidden: (thread) =>
      setHidden((set) => {
        const next = new Set(set);
        if (next.has(thread)) next.delete(thread);
        // At least one lane stays: a table of step numbers alone says nothing.
        else if (threads.length - next.size > 1) next.add(thread);
        return next;
      }),
    showAll: () => setHidden(new Set()),
  };
}

function LaneControls({ threads, lanes }: { threads: string[]; lanes: Lanes }) {
  const hiddenCount = threads.filter((t) => lanes.hidden.has(t)).length;
  return (
    <details className="lane-controls" data-testid="lane-controls">
      <summary>
        Lanes: {threads.length} {threads.length === 1 ? "thread" : "threads"}
        {hiddenCount > 0 ? `, ${hiddenCount} hidden` : ""}
        {lanes.pinned.length > 0 ? `, ${lanes.pinned.length} pinned` : ""}
      </summary>
      <p className="muted small">
        Pinned lanes stay at the left while the table scrolls sideways; a hidden lane&apos;s steps move to a
        &quot;Hidden lanes&quot; column.
      </p>
      <ul className="lane-list">
        {threads.map((thread) => (
          <li key={thread}>
            <label>
              <input
                type="checkbox"
                checked={!lanes.hidden.has(thread)}
                onChange={() => lanes.toggleHidden(thread)}
                aria-label={`Show ${thread}`}
              />
              <span className="lane-name">{thread}</span>
            </label>
            <button
              type="button"
              className="button small"
              aria-pressed={lanes.pinned.includes(thread)}
              aria-label={`Pin ${thread}`}
              onClick={() => lanes.togglePin(thread)}
              disabled={lanes.hidden.has(thread)}
            >
              {lanes.pinned.includes(thread) ? "Pinned" : "Pin"}
            </button>
          </li>
        ))}
      </ul>
      {hiddenCount > 0 ? (
        <button type="button" className="button small" onClick={lanes.showAll}>
          Show every lane
        </button>
      ) : null}
    </details>
  );
}
