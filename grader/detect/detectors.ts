// The detectors the scheduler reports to: FastTrack happens-before races and the
// lock-order graph (grader/detect/). A detector that finds a bug fails the schedule with
// both sites; the traced replay of that schedule fills in the lines.

import { describeRace, HappensBefore, type AccessSite } from "./race/happens-before";
import { LockOrderGraph, type HeldLock } from "./deadlock/lock-order";
import type { LockRef, Monitor } from "../engine/monitor";
import type { Scheduler, VThread } from "../engine/scheduler";
import type { RaceAccess } from "../protocol/types";

type Site = AccessSite & { file?: string };

interface Gate {
  semaphore: object;
  capacity: number;
}

/**
 * A semaphore gate (Dijkstra's butler): if every thread of a cycle holds a permit of the
 * same semaphore when it takes its second lock, and the semaphore admits fewer threads than
 * the cycle has, the cycle can never close — the generalisation of iGoodlock's gate lock.
 */
function gated(gatesPerEdge: Gate[][]): boolean {
  const [first, ...rest] = gatesPerEdge;
  if (!first) return false;
  return first.some(
    (g) => g.capacity < gatesPerEdge.length && rest.every((gs) => gs.some((x) => x.semaphore === g.semaphore)),
  );
}

export class DetectingMonitor implements Monitor {
  private readonly hb: HappensBefore | null;
  private readonly locks: LockOrderGraph | null;
  /** Locks each thread holds, in acquisition order (for lock-order edges and directed schedules). */
  readonly held = new Map<number, HeldLock[]>();
  /** Semaphore permits each thread holds: a semaphore of capacity c lets fewer than c+1 threads in. */
  private readonly permits = new Map<number, Map<object, { count: number; capacity: number }>>();

  private readonly quiet: Set<string>;

  constructor(
    private readonly s: () => Scheduler,
    races: boolean,
    lockOrder: boolean,
    quietCycles: string[][] = [],
  ) {
    this.quiet = new Set(quietCycles.map((c) => [...c].sort().join("\u0000")));
    this.hb = races ? new HappensBefore() : null;
    this.locks = lockOrder ? new LockOrderGraph() : null;
  }

  /** An access site whose line is read from its stack only if a race report needs it. */
  private site(t: VThread, op: "read" | "write", target: string): Site {
    const s = this.s();
    // Exploration (no trace): a plain object, no stack, no accessors — this runs at every access.
    if (!s.tracing) return { thread: t.id, threadName: t.name, op, target, step: s.traceIndex };
    // Where the program called the operation (its frame may be gone from the stack by now).
    const entry = t.inFlight !== null ? t.inFlightSite : undefined;
    if (entry)
      return { thread: t.id, threadName: t.name, op, target, step: s.traceIndex, line: entry.line, file: entry.file };
    const where = s.siteLater();
    return {
      thread: t.id,
      threadName: t.name,
      op,
      target,
      step: s.traceIndex,
      get line() {
        return where()?.line;
      },
      get file() {
        return where()?.file;
      },
    };
  }

  fork(parent: number | null, child: number): void {
    this.hb?.fork(parent, child);
  }
  join(joiner: number, joined: number): void {
    this.hb?.join(joiner, joined);
  }
  release(t: VThread, sync: object): void {
    this.hb?.release(t.id, sync);
  }
  acquire(t: VThread, sync: object): void {
    this.hb?.acquire(t.id, sync);
  }
  atomic(t: VThread, sync: object): void {
    this.hb?.atomic(t.id, sync);
  }

  read(t: VThread, location: object, target: string): void {
    if (!this.hb) return;
    const race = this.hb.read(t.id, location, this.site(t, "read", target));
    if (race) this.raceFound(t, race);
  }

  write(t: VThread, location: object, target: string): void {
    if (!this.hb) return;
    const race = this.hb.write(t.id, location, this.site(t, "write", target));
    if (race) this.raceFound(t, race);
  }

  private raceFound(t: VThread, race: { target: string; kind: string; first: Site; second: Site }): void {
    const access = (a: Site): RaceAccess => ({
      thread: a.threadName,
      op: a.op,
      target: a.target,
      file: a.file,
      line: a.line,
      step: a.step,
    });
    const second = race.second;
    this.s().fail(
      {
        kind: "data-race",
        message: describeRace(race as Parameters<typeof describeRace>[0]),
        race: { target: race.target, kind: race.kind, first: access(race.first), second: access(second) },
      },
      t,
      { file: second.file, line: second.line },
    );
  }

  lockAcquired(t: VThread, lock: LockRef, couldWaitForever: boolean): void {
    const s = this.s();
    const held = this.held.get(t.id) ?? [];
    // Lines only matter in the traced replay that explains a failure; exploration keeps plain objects.
    const later = s.tracing ? s.siteLater() : null;
    const gates = this.gatesOf(t.id);
    const site = later
      ? {
          gates,
          step: s.traceIndex,
          threadName: t.name,
          get line() {
            return later()?.line;
          },
          get file() {
            return later()?.file;
          },
        }
      : { step: s.traceIndex, threadName: t.name, gates };
    if (this.locks) {
      const found = this.locks.onAcquire(t.id, lock, site, held, { blocking: couldWaitForever });
      const quiet =
        found &&
        this.quiet.has(
          found.cycle
            .map((e) => e.held.lock)
            .sort()
            .join("\u0000"),
        );
      if (found && !quiet && !gated(found.cycle.map((e) => (e.acquired.site as { gates?: Gate[] }).gates ?? []))) {
        const fileOf = (x: object) => (x as { file?: string }).file;
        const here = later?.();
        s.fail(
          {
            kind: "potential-deadlock",
            message: found.explanation,
            lockOrder: found.cycle.map((e) => ({
              thread: e.threadName,
              held: e.held.lock,
              acquired: e.acquired.lock,
              heldAt: { file: fileOf(e.held.site), line: e.held.site.line },
              acquiredAt: { file: fileOf(e.acquired.site), line: e.acquired.site.line },
            })),
          },
          t,
          { file: here?.file, line: here?.line },
        );
      }
    }
    held.push({ ...lock, site });
    this.held.set(t.id, held);
  }

  permitAcquired(t: VThread, semaphore: object, capacity: number): void {
    let mine = this.permits.get(t.id);
    if (!mine) this.permits.set(t.id, (mine = new Map()));
    const p = mine.get(semaphore) ?? { count: 0, capacity };
    p.count++;
    mine.set(semaphore, p);
  }

  permitReleased(t: VThread, semaphore: object): void {
    const p = this.permits.get(t.id)?.get(semaphore);
    if (p && p.count > 0) p.count--;
  }

  private gatesOf(thread: number): Gate[] {
    const mine = this.permits.get(thread);
    if (!mine) return [];
    const gates: Gate[] = [];
    for (const [semaphore, p] of mine) if (p.count > 0) gates.push({ semaphore, capacity: p.capacity });
    return gates;
  }

  lockReleased(t: VThread, lock: LockRef): void {
    // Python lets any thread release a Lock: take it from whoever holds it.
    for (const id of [t.id, ...this.held.keys()]) {
      const held = this.held.get(id);
      const i = held ? held.findIndex((h) => h.key === lock.key) : -1;
      if (held && i >= 0) {
        held.splice(i, 1);
        return;
      }
    }
  }

  /** Names of the locks `t` holds now. */
  heldNames(t: number): string[] {
    return (this.held.get(t) ?? []).map((h) => h.name);
  }
}
