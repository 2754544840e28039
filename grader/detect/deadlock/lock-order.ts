/**
 * Potential-deadlock detection from the lock-acquisition-order graph.
 *
 * Every time a thread acquires lock B while holding lock A we record the edge A → B. A
 * cycle means some schedule may leave each thread holding one lock of the cycle while
 * waiting for the next — a deadlock predicted from a run in which none happened. This is
 * the idea of Linux lockdep and of ThreadSanitizer's deadlock detector; the filters that
 * keep it quiet on safe programs come from the "goodlock" line of work (Havelund, SPIN
 * 2000; Bensalem & Havelund, HVC 2005) as refined by iGoodlock in DeadlockFuzzer (Joshi,
 * Park, Sen & Naik, PLDI 2009). A cycle is reported only if its edges can be chosen so that
 *
 *  - they come from pairwise *distinct threads*: one thread cannot wait at two places at
 *    once, so an inversion inside a single thread (A→B then, later, B→A) is no deadlock;
 *  - the sets of locks held at each acquisition are pairwise *disjoint*. This is the
 *    gate-lock rule: if two threads of the cycle both hold lock G while taking their
 *    locks, they cannot both be inside the cycle at the same time, so they cannot deadlock.
 *    A common gate held by *all* threads of the cycle is the textbook case; pairwise
 *    disjointness is the general form (iGoodlock's condition) and subsumes it.
 *
 * Re-acquiring a lock the thread already holds (RLock re-entry) adds no edge: it cannot
 * wait on itself. (A plain Lock re-acquired by its holder is a real self-deadlock on
 * every schedule; the scheduler's wait-for check reports that one.) A non-blocking
 * acquisition (`acquire({ blocking: false })`) cannot wait either, so no edge ends at it.
 *
 * Runs inside the isolate: no Node APIs, no imports, deterministic (Map insertion order).
 */

import type { ThreadId } from "../race/happens-before";

export interface LockRef {
  key: object;
  name: string;
}

export interface AcquireSite {
  line?: number;
  step: number;
  threadName: string;
}

/** A lock the thread holds, with the site where it took it. */
export interface HeldLock extends LockRef {
  site: AcquireSite;
}

/** One edge of a reported cycle: `thread` took `acquired` while holding `held`. */
export interface LockOrderEdge {
  thread: ThreadId;
  threadName: string;
  held: { lock: string; lockId: number; site: AcquireSite };
  acquired: { lock: string; lockId: number; site: AcquireSite };
  /** Names of every lock the thread held at that moment (including `held`). */
  holding: string[];
}

export interface PotentialDeadlock {
  /** Edges in cycle order: edge i's `acquired` lock is edge i+1's `held` lock. */
  cycle: LockOrderEdge[];
  /** One sentence for students. */
  explanation: string;
}

export interface AcquireOptions {
  /** false for try-lock / `acquire({ blocking: false })`: it cannot wait, so no edge ends at it. */
  blocking?: boolean;
}

/** A recorded edge instance: one (thread, held-set) under which `from` → `to` was seen. */
interface EdgeInstance {
  from: number;
  to: number;
  thread: ThreadId;
  threadName: string;
  fromSite: AcquireSite;
  toSite: AcquireSite;
  /** Lock ids held at the acquisition, sorted; always includes `from`. */
  holding: number[];
}

/** Distinct (thread, held-set) instances kept per edge; enough for any classroom program. */
const MAX_INSTANCES_PER_EDGE = 64;
/** DFS steps per cycle search; past it the search gives up (a missed report, never a false one). */
const MAX_SEARCH_STEPS = 20_000;

export class LockOrderGraph {
  private readonly ids = new Map<object, number>();
  private readonly keys: object[] = [];
  private readonly names: string[] = [];
  /** from id → to id → instances, in first-seen order. */
  private readonly edges = new Map<number, Map<number, EdgeInstance[]>>();
  private readonly instanceKeys = new Set<string>();
  private readonly reportedCycles = new Set<string>();
  /** Every potential deadlock reported so far, in detection order. */
  readonly deadlocks: PotentialDeadlock[] = [];

  /**
   * Call when `thread` requests `lock` (before it may block), with the locks it already
   * holds in acquisition order. Returns a potential deadlock the first time a cycle
   * through the new edge closes, otherwise null.
   */
  onAcquire(
    thread: ThreadId,
    lock: LockRef,
    site: AcquireSite,
    heldBefore: readonly HeldLock[],
    options?: AcquireOptions,
  ): PotentialDeadlock | null {
    if (heldBefore.length === 0) return null;
    const to = this.idOf(lock);
    if (options?.blocking === false) return null;
    for (const h of heldBefore) if (h.key === lock.key) return null; // re-entry

    const holding = heldBefore.map((h) => this.idOf(h)).sort((a, b) => a - b);
    const holdingKey = holding.join(",");
    let found: PotentialDeadlock | null = null;
    for (const h of heldBefore) {
      const from = this.idOf(h);
      const signature = `${from}>${to}|${thread}|${holdingKey}`;
      if (this.instanceKeys.has(signature)) continue;
      const list = this.instancesOf(from, to);
      if (list.length >= MAX_INSTANCES_PER_EDGE) continue;
      this.instanceKeys.add(signature);
      const instance: EdgeInstance = {
        from,
        to,
        thread,
        threadName: site.threadName,
        fromSite: h.site,
        toSite: site,
        holding,
      };
      list.push(instance);
      // Any new cycle goes through the new instance, so searching from it finds them all.
      found ??= this.findCycleThrough(instance);
    }
    return found;
  }

  /** The lock object behind a `lockId` in a report (for a directed DeadlockFuzzer schedule). */
  lockKey(lockId: number): object | undefined {
    return this.keys[lockId];
  }

  private idOf(lock: LockRef): number {
    let id = this.ids.get(lock.key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(lock.key, id);
      this.keys.push(lock.key);
      this.names.push(lock.name);
    }
    return id;
  }

  private instancesOf(from: number, to: number): EdgeInstance[] {
    let out = this.edges.get(from);
    if (out === undefined) {
      out = new Map();
      this.edges.set(from, out);
    }
    let list = out.get(to);
    if (list === undefined) {
      list = [];
      out.set(to, list);
    }
    return list;
  }

  /**
   * Depth-first search for a path `start.to` ⇝ `start.from` whose instances, together with
   * `start`, have distinct threads and pairwise-disjoint held sets. Disjoint held sets also
   * make the cycle's locks distinct, since each edge's held set contains its own `from`.
   */
  private findCycleThrough(start: EdgeInstance): PotentialDeadlock | null {
    const path: EdgeInstance[] = [start];
    const threads = new Set<ThreadId>([start.thread]);
    const held = new Set<number>(start.holding);
    let steps = 0;

    const extend = (node: number): boolean => {
      const out = this.edges.get(node);
      if (out === undefined) return false;
      for (const [next, instances] of out) {
        // A lock already on the path is a dead end (its held set would clash) unless it closes the cycle.
        if (next !== start.from && held.has(next)) continue;
        for (const e of instances) {
          if (++steps > MAX_SEARCH_STEPS) return false;
          if (threads.has(e.thread) || e.holding.some((l) => held.has(l))) continue;
          path.push(e);
          if (next === start.from) return true;
          threads.add(e.thread);
          for (const l of e.holding) held.add(l);
          if (extend(next)) return true;
          threads.delete(e.thread);
          for (const l of e.holding) held.delete(l);
          path.pop();
        }
      }
      return false;
    };

    if (!extend(start.to)) return null;
    const key = this.cycleKey(path);
    if (this.reportedCycles.has(key)) return null;
    this.reportedCycles.add(key);
    const report = this.toReport(path);
    this.deadlocks.push(report);
    return report;
  }

  /** Rotation-independent key of the cycle's lock sequence, so each cycle is reported once. */
  private cycleKey(path: readonly EdgeInstance[]): string {
    const locks = path.map((e) => e.from);
    let best = 0;
    for (let i = 1; i < locks.length; i++) if (locks[i] < locks[best]) best = i;
    return locks.slice(best).concat(locks.slice(0, best)).join(">");
  }

  private toReport(path: readonly EdgeInstance[]): PotentialDeadlock {
    const cycle: LockOrderEdge[] = path.map((e) => ({
      thread: e.thread,
      threadName: e.threadName,
      held: { lock: this.names[e.from], lockId: e.from, site: e.fromSite },
      acquired: { lock: this.names[e.to], lockId: e.to, site: e.toSite },
      holding: e.holding.map((id) => this.names[id]),
    }));
    return { cycle, explanation: explainCycle(cycle) };
  }
}

function at(site: AcquireSite): string {
  return site.line === undefined ? `step ${site.step}` : `line ${site.line}`;
}

/** "Thread 'T1' takes 'b' (line 7) while holding 'a' (line 6), and thread 'T2' takes …". */
export function explainCycle(cycle: readonly LockOrderEdge[]): string {
  const parts = cycle.map(
    (e) =>
      `thread '${e.threadName}' takes '${e.acquired.lock}' (${at(e.acquired.site)}) ` +
      `while holding '${e.held.lock}' (${at(e.held.site)})`,
  );
  const list = parts.length === 2 ? `${parts[0]}, but ${parts[1]}` : parts.join(", ");
  const order = cycle
    .map((e) => `'${e.held.lock}'`)
    .concat(`'${cycle[0].held.lock}'`)
    .join(" → ");
  return (
    `Potential deadlock — the locks are taken in a cycle ${order}: ${list}; ` +
    `if each thread takes its first lock before the next takes its second, ${parts.length === 2 ? "both" : "all of them"} wait forever ` +
    `(always take the locks in one global order).`
  );
}
