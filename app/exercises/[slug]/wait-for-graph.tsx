import { useId } from "react";
import type { FailureView } from "@/server/submissions/submission-view";

// A deadlock's wait-for graph (issue 14): threads (circles) and what they wait for (squares:
// locks, queues, events...), an arrow "waits for" from a thread to what it waits in, and an
// arrow "held by" from a lock to its holder. The cycle's arrows are drawn heavier. The same
// facts are listed in words just above it (failure-details.tsx), which is the table fallback.

type Node = { id: string; kind: "thread" | "object"; label: string };
type Edge = { from: string; to: string; kind: "waits" | "held"; label: string; inCycle: boolean };

export function waitForGraph(failure: Pick<FailureView, "waits" | "cycle">): { nodes: Node[]; edges: Edge[] } {
  const threads = new Set<string>([...failure.cycle, ...failure.waits.map((w) => w.thread)]);
  for (const w of failure.waits) if (w.holder) threads.add(w.holder);
  const nodes: Node[] = [];
  const add = (id: string, kind: Node["kind"], label: string) => {
    if (!nodes.some((n) => n.id === id)) nodes.push({ id, kind, label });
  };
  const objectId = (target: string) => `object:${target}`;
  const byThread = new Map(failure.waits.map((w) => [w.thread, w]));
  // Cycle first, each thread followed by what it waits for: the circle then reads as the cycle.
  const order = [...failure.cycle, ...[...threads].filter((t) => !failure.cycle.includes(t))];
  for (const thread of order) {
    add(`thread:${thread}`, "thread", thread);
    const w = byThread.get(thread);
    if (w && !threads.has(w.target)) add(objectId(w.target), "object", w.target);
  }
  const cycleNext = (thread: string) => {
    const i = failure.cycle.indexOf(thread);
    return i < 0 ? null : failure.cycle[(i + 1) % failure.cycle.length]!;
  };
  const edges: Edge[] = [];
  for (const w of failure.waits) {
    const inCycle = w.holder !== null && cycleNext(w.thread) === w.holder;
    if (threads.has(w.target)) {
      // join(T): the thread waits for the other thread itself.
      edges.push({ from: `thread:${w.thread}`, to: `thread:${w.target}`, kind: "waits", label: w.op, inCycle });
      continue;
    }
    edges.push({ from: `thread:${w.thread}`, to: objectId(w.target), kind: "waits", label: w.op, inCycle });
    if (w.holder && !edges.some((e) => e.kind === "held" && e.from === objectId(w.target)))
      edges.push({ from: objectId(w.target), to: `thread:${w.holder}`, kind: "held", label: "held by", inCycle });
  }
  return { nodes, edges };
}

const SIZE = 320;
const R_NODE = 26;

export function WaitForGraph({ failure }: { failure: FailureView }) {
  const id = useId();
  const { nodes, edges } = waitForGraph(failure);
  if (nodes.length < 2 || edges.length === 0) return null;
  const radius = SIZE / 2 - R_NODE - 8;
  const at = new Map(
    nodes.map((n, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
      return [n.id, { x: SIZE / 2 + radius * Math.cos(angle), y: SIZE / 2 + radius * Math.sin(angle) }];
    }),
  );
  const description = edges
    .map((e) => {
      const from = nodes.find((n) => n.id === e.from)!.label;
      const to = nodes.find((n) => n.id === e.to)!.label;
      return e.kind === "waits" ? `${from} waits in ${e.label}(${to})` : `${from} is held by ${to}`;
    })
    .join("; ");
  return (
    <figure className="chart wait-for-graph" data-testid="wait-for-graph">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg graph-svg"
      >
        <title id={`${id}-title`}>
          {failure.cycle.length > 0
            ? `Wait-for cycle: ${[...failure.cycle, failure.cycle[0]].join(" → ")}`
            : "Who waits for whom"}
        </title>
        <desc id={`${id}-desc`}>{description}.</desc>
        <defs>
          <marker
            id={`${id}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="graph-arrow" />
          </marker>
          <marker
            id={`${id}-arrow-cycle`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="graph-arrow graph-arrow-cycle" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
          const ux = (b.x - a.x) / len;
          const uy = (b.y - a.y) / len;
          const x1 = a.x + ux * R_NODE;
          const y1 = a.y + uy * R_NODE;
          const x2 = b.x - ux * (R_NODE + 2);
          const y2 = b.y - uy * (R_NODE + 2);
          return (
            <g
              key={`${e.from}-${e.to}-${e.kind}`}
              className={`graph-edge graph-${e.kind}${e.inCycle ? " graph-cycle" : ""}`}
            >
              <line x1={x1} y1={y1} x2={x2} y2={y2} markerEnd={`url(#${id}-arrow${e.inCycle ? "-cycle" : ""})`} />
              <text className="graph-edge-label" x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 4} textAnchor="middle">
                {e.kind === "waits" ? `waits (${e.label})` : "held by"}
              </text>
            </g>
          );
        })}
        {nodes.map((n) => {
          const p = at.get(n.id)!;
          const label = n.label.length > 9 ? `${n.label.slice(0, 8)}…` : n.label;
          return (
            <g key={n.id} className={`graph-node graph-${n.kind}`} data-node={n.label}>
              {n.kind === "thread" ? (
                <circle cx={p.x} cy={p.y} r={R_NODE} />
              ) : (
                <rect x={p.x - R_NODE} y={p.y - R_NODE * 0.7} width={R_NODE * 2} height={R_NODE * 1.4} rx={4} />
              )}
              <text x={p.x} y={p.y + 4} textAnchor="middle">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        Circles are threads, boxes what they wait for; the cycle&apos;s arrows are heavier.
      </figcaption>
    </figure>
  );
}
