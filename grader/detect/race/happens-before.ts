/**
 * Happens-before data-race detection for `Shared` / `SharedArray` cells.
 *
 * The algorithm is FastTrack (C. Flanagan and S. N. Freund, "FastTrack: Efficient and
 * Precise Dynamic Race Detection", PLDI 2009). Every thread and every synchronization
 * object carries a vector clock, but a cell's last write — and, while reads are totally
 * ordered, its last read — is kept as a single *epoch* `c@t`. The common cases (same-epoch
 * accesses, thread-local data, lock-protected data) are then O(1) instead of O(#threads);
 * the read vector clock is only inflated when two reads are concurrent ("read-shared").
 *
 * The detector is precise for the observed trace: it reports a race iff two accesses to a
 * cell, at least one a write, are unordered by happens-before — even when the bad
 * interleaving did not happen on this schedule (that is the point: a race is reported on
 * the very first `rr` schedule). It never reports accesses ordered through fork/join or a
 * release→acquire chain. As FastTrack, it guarantees the *first* race on each cell is
 * reported; after a race it keeps going but may miss some later pairs on that cell.
 *
 * Runs inside the isolate at every scheduling point: no Node APIs, no imports, no
 * randomness, only Map iteration (insertion order).
 */

export type ThreadId = number; // small dense integers 0..n

export interface AccessSite {
  thread: ThreadId;
  threadName: string;
  op: "read" | "write";
  target: string;
  line?: number;
  step: number;
}

/** `kind` names the two accesses in trace order: "read-write" = an earlier read, a later write. */
export interface DataRace {
  target: string;
  kind: "write-write" | "read-write" | "write-read";
  first: AccessSite;
  second: AccessSite;
}

/** A vector clock: index = thread id; entries past the end are 0. Kept packed (no holes). */
type VectorClock = number[];

function clockAt(vc: VectorClock, thread: ThreadId): number {
  return thread < vc.length ? vc[thread] : 0;
}

/** `into := into ⊔ from` (pointwise max). */
function joinInto(into: VectorClock, from: VectorClock): void {
  const n = from.length;
  while (into.length < n) into.push(0);
  for (let i = 0; i < n; i++) if (from[i] > into[i]) into[i] = from[i];
}

function setAt(vc: VectorClock, thread: ThreadId, value: number): void {
  while (vc.length <= thread) vc.push(0);
  vc[thread] = value;
}

/**
 * FastTrack's shadow state for one cell. `w*` is the last-write epoch W_x; `r*` is the
 * read epoch R_x while reads are totally ordered, `readClocks` the read vector clock once
 * two reads were concurrent. Sites ride along so a race can name both accesses.
 */
class CellState {
  writeThread = -1;
  writeClock = 0;
  writeSite: AccessSite | null = null;
  readThread = -1;
  readClock = 0;
  readSite: AccessSite | null = null;
  readClocks: VectorClock | null = null;
  readSites: (AccessSite | null)[] | null = null;
  /** Pairs already reported on this cell, as flat (kind, thread, line, thread, line) tuples. */
  reported: (string | number | undefined)[] | null = null;
}

export class HappensBefore {
  private readonly threads: (VectorClock | undefined)[] = [];
  private readonly syncs = new WeakMap<object, VectorClock>();
  private readonly cells = new WeakMap<object, CellState>();
  /** Every race reported so far, in detection order (each pair once per cell). */
  readonly races: DataRace[] = [];

  /**
   * Thread start. The child inherits everything the parent did so far; the parent then
   * moves to a new epoch so its later accesses are not ordered before the child's.
   * `parent === null` registers a root thread (main).
   */
  fork(parent: ThreadId | null, child: ThreadId): void {
    const childClock = this.clockOf(child);
    if (parent === null) return;
    const parentClock = this.clockOf(parent);
    joinInto(childClock, parentClock);
    parentClock[parent]++;
  }

  /** `joiner` returned from joining `joined`: everything `joined` did happens before. */
  join(joiner: ThreadId, joined: ThreadId): void {
    const joinerClock = this.clockOf(joiner);
    const joinedClock = this.clockOf(joined);
    joinInto(joinerClock, joinedClock);
    joinedClock[joined]++;
  }

  /**
   * Release on a sync object: L_m := L_m ⊔ C_t, then t moves to a new epoch. FastTrack
   * copies (L_m := C_t) for locks; joining is the same for a lock (its releaser already
   * acquired L_m) and is the sound choice for objects several threads release without
   * acquiring in between (Semaphore, Event, Queue, Barrier): an acquirer may then inherit
   * more edges than strictly needed, which can hide a race but never invent one.
   */
  release(thread: ThreadId, sync: object): void {
    const clock = this.clockOf(thread);
    const syncClock = this.syncs.get(sync);
    if (syncClock === undefined) this.syncs.set(sync, clock.slice());
    else joinInto(syncClock, clock);
    clock[thread]++;
  }

  /** Acquire on a sync object: C_t := C_t ⊔ L_m. */
  acquire(thread: ThreadId, sync: object): void {
    const syncClock = this.syncs.get(sync);
    if (syncClock !== undefined) joinInto(this.clockOf(thread), syncClock);
  }

  /**
   * A sequentially consistent atomic operation (load, store, RMW, failed CAS alike) is an
   * acquire followed by a release on the atomic object, so all atomic operations on one
   * object are totally ordered by happens-before — the C++/JS SC-atomics model (Boehm &
   * Adve, PLDI 2008). The atomic object itself is never checked for races.
   */
  atomic(thread: ThreadId, sync: object): void {
    this.acquire(thread, sync);
    this.release(thread, sync);
  }

  /** A plain read of `location` (a Shared cell or SharedArray element). */
  read(thread: ThreadId, location: object, site: AccessSite): DataRace | null {
    const clock = this.clockOf(thread);
    const now = clock[thread];
    const cell = this.cellOf(location);
    const readClocks = cell.readClocks;

    // [FT READ SAME EPOCH]: already recorded this epoch's read.
    if (readClocks === null) {
      if (cell.readThread === thread && cell.readClock === now) return null;
    } else if (clockAt(readClocks, thread) === now) return null;

    let race: DataRace | null = null;
    // Write-read check: W_x ⊑ C_t.
    if (cell.writeThread >= 0 && cell.writeClock > clockAt(clock, cell.writeThread)) {
      race = this.report(cell, "write-read", cell.writeSite!, site);
    }

    if (readClocks !== null) {
      // [FT READ SHARED]
      setAt(readClocks, thread, now);
      const sites = cell.readSites!;
      while (sites.length <= thread) sites.push(null);
      sites[thread] = site;
    } else if (cell.readThread < 0 || cell.readClock <= clockAt(clock, cell.readThread)) {
      // [FT READ EXCLUSIVE]: the previous read happens before this one.
      cell.readThread = thread;
      cell.readClock = now;
      cell.readSite = site;
    } else {
      // [FT READ SHARE]: two concurrent reads; inflate R_x to a vector clock.
      const vc: VectorClock = [];
      const sites: (AccessSite | null)[] = [];
      setAt(vc, cell.readThread, cell.readClock);
      setAt(vc, thread, now);
      while (sites.length < vc.length) sites.push(null);
      sites[cell.readThread] = cell.readSite;
      sites[thread] = site;
      cell.readClocks = vc;
      cell.readSites = sites;
      cell.readThread = -1;
      cell.readSite = null;
    }
    return race;
  }

  /** A plain write of `location`. */
  write(thread: ThreadId, location: object, site: AccessSite): DataRace | null {
    const clock = this.clockOf(thread);
    const now = clock[thread];
    const cell = this.cellOf(location);

    // [FT WRITE SAME EPOCH]
    if (cell.writeThread === thread && cell.writeClock === now) return null;

    let race: DataRace | null = null;
    // Write-write check: W_x ⊑ C_t.
    if (cell.writeThread >= 0 && cell.writeClock > clockAt(clock, cell.writeThread)) {
      race = this.report(cell, "write-write", cell.writeSite!, site);
    }

    const readClocks = cell.readClocks;
    if (readClocks === null) {
      // [FT WRITE EXCLUSIVE]: R_x ⊑ C_t.
      if (cell.readThread >= 0 && cell.readClock > clockAt(clock, cell.readThread)) {
        race ??= this.report(cell, "read-write", cell.readSite!, site);
      }
    } else {
      // [FT WRITE SHARED]: check every concurrent reader, then R_x := ⊥ — the write now
      // dominates every read, so later accesses need only be checked against it.
      const sites = cell.readSites!;
      for (let u = 0; u < readClocks.length; u++) {
        if (readClocks[u] > clockAt(clock, u)) {
          const found = this.report(cell, "read-write", sites[u]!, site);
          race ??= found;
        }
      }
      cell.readClocks = null;
      cell.readSites = null;
      cell.readThread = -1;
      cell.readClock = 0;
      cell.readSite = null;
    }

    cell.writeThread = thread;
    cell.writeClock = now;
    cell.writeSite = site;
    return race;
  }

  private clockOf(thread: ThreadId): VectorClock {
    const clock = this.threads[thread];
    if (clock !== undefined) return clock;
    while (this.threads.length < thread) this.threads.push(undefined);
    // Each thread starts at epoch 1@t so its first accesses are unordered with everyone's.
    const fresh: VectorClock = [];
    setAt(fresh, thread, 1);
    this.threads[thread] = fresh;
    return fresh;
  }

  private cellOf(location: object): CellState {
    let cell = this.cells.get(location);
    if (cell === undefined) {
      cell = new CellState();
      this.cells.set(location, cell);
    }
    return cell;
  }

  /**
   * Records a race unless the same pair (kind, threads, lines) was already reported on
   * this cell — a racy loop would otherwise report every iteration.
   */
  private report(cell: CellState, kind: DataRace["kind"], first: AccessSite, second: AccessSite): DataRace | null {
    // A linear scan: a cell has a handful of distinct racing pairs, and a racy loop hits
    // this on every iteration, so no string keys here.
    const seen = (cell.reported ??= []);
    for (let i = 0; i < seen.length; i += 5) {
      if (
        seen[i] === kind &&
        seen[i + 1] === first.thread &&
        seen[i + 2] === first.line &&
        seen[i + 3] === second.thread &&
        seen[i + 4] === second.line
      ) {
        return null;
      }
    }
    seen.push(kind, first.thread, first.line, second.thread, second.line);
    const race: DataRace = { target: second.target, kind, first, second };
    this.races.push(race);
    return race;
  }
}

/**
 * One sentence for students, in the spirit of Loom's "Concurrent read and write
 * accesses": both accesses, who made them, where, and why it matters.
 */
export function describeRace(race: DataRace): string {
  const verb = (a: AccessSite) => (a.op === "write" ? "wrote" : "read");
  const where = (a: AccessSite) => {
    const file = (a as AccessSite & { file?: string }).file;
    return a.line === undefined ? `at step ${a.step}` : file ? `at ${file}:${a.line}` : `at line ${a.line}`;
  };
  const { first, second } = race;
  return (
    `Data race on '${race.target}': thread '${first.threadName}' ${verb(first)} it ${where(first)} ` +
    `and thread '${second.threadName}' ${verb(second)} it ${where(second)} with nothing ordering ` +
    `the two (no lock, join, event, queue, semaphore, barrier or atomic between them), ` +
    `so another schedule can run them the other way round or interleave them.`
  );
}
