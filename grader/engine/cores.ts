// The virtual CPU (issue 5): P cores handed out first come, first served, and, in GIL mode,
// one GIL per virtual process that a thread must hold to compute. A thread that asks for
// CPU time (work(), instrumented computation, pickling) waits in one FIFO queue until a core
// (and its process's GIL) is free, then runs a slice. Without the GIL a slice is the whole
// demand (cores are not preempted, as before). With it, a thread whose process has other
// threads waiting for the GIL drops it after the switch interval and queues again at the
// back, like CPython's forced switch; threads that sleep or do I/O hold no GIL.
//
// While the clock advances, the CPU also keeps the profile the speedup report explains
// itself with: how long exactly one thread was computing, and on which lines.

export interface CpuDemand {
  /** Virtual CPU time still to run. */
  remaining: number;
  /** When the current slice started (meaningful while on a core). */
  sliceStart: number;
  /** Where the computation happened (profile only): "file:line" → weight. */
  sites: Map<string, number> | null;
}

/** What the CPU needs from a virtual thread. */
export interface CpuThread {
  state: string;
  wakeAt: number;
  readonly process: { readonly id: number };
  demand: CpuDemand | null;
}

export interface CpuProfile {
  /** Virtual time during which exactly one thread was computing. */
  serialTime: number;
  /** Virtual time during which two or more threads were computing. */
  parallelTime: number;
  /** Serial time by "file:line". */
  serialSites: Map<string, number>;
}

/** Demands this close to zero are done (slices are differences of floats). */
const EPSILON = 1e-9;

export class Cpu<T extends CpuThread> {
  private busy = 0;
  private readonly queue: T[] = [];
  private readonly running: T[] = [];
  /** Process id → the thread holding its GIL (GIL mode only). */
  private readonly gilHolders = new Map<number, T>();
  readonly profile: CpuProfile = { serialTime: 0, parallelTime: 0, serialSites: new Map() };

  constructor(
    private readonly cores: number,
    private readonly gil: boolean,
    private readonly switchInterval: number,
  ) {}

  /** `t` needs `units` of CPU time from `now` on: it is working until the CPU is done with it. */
  request(t: T, units: number, now: number, sites: Map<string, number> | null): void {
    t.state = "working";
    t.wakeAt = Infinity;
    t.demand = { remaining: units, sliceStart: now, sites };
    this.queue.push(t);
    if (this.gil) {
      // A new waiter for the GIL: the holder drops it within one switch interval.
      const holder = this.gilHolders.get(t.process.id);
      if (holder && holder.wakeAt > now + this.switchInterval) holder.wakeAt = now + this.switchInterval;
    }
    this.dispatch(now);
  }

  /** Give free cores (and free GILs) to waiting threads, in arrival order. */
  dispatch(now: number): void {
    for (let i = 0; i < this.queue.length && this.busy < this.cores; ) {
      const t = this.queue[i]!;
      if (this.gil && this.gilHolders.has(t.process.id)) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.busy++;
      this.running.push(t);
      const d = t.demand!;
      d.sliceStart = now;
      let slice = d.remaining;
      if (this.gil) {
        this.gilHolders.set(t.process.id, t);
        if (this.queue.some((o) => o.process.id === t.process.id)) slice = Math.min(slice, this.switchInterval);
      }
      t.wakeAt = now + slice;
    }
  }

  /** The clock moves from `from` to `to`: account who was computing meanwhile. */
  account(from: number, to: number): void {
    const dt = to - from;
    if (dt <= 0 || this.running.length === 0) return;
    if (this.running.length > 1) {
      this.profile.parallelTime += dt;
      return;
    }
    this.profile.serialTime += dt;
    const sites = this.running[0]!.demand?.sites;
    if (!sites) return;
    let total = 0;
    for (const w of sites.values()) total += w;
    if (total <= 0) return;
    for (const [site, w] of sites)
      this.profile.serialSites.set(site, (this.profile.serialSites.get(site) ?? 0) + (dt * w) / total);
  }

  /** Where a thread that wants CPU time is (the utilisation strip, utilisation.ts). */
  stateOf(t: T): "busy" | "core" | "gil" {
    if (this.running.includes(t)) return "busy";
    const holder = this.gil ? this.gilHolders.get(t.process.id) : undefined;
    return holder && holder !== t ? "gil" : "core";
  }

  /** `t`'s slice ended at `now`. True when its whole demand is done; otherwise it queues again. */
  sliceEnded(t: T, now: number): boolean {
    const i = this.running.indexOf(t);
    if (i >= 0) this.running.splice(i, 1);
    this.busy--;
    if (this.gil && this.gilHolders.get(t.process.id) === t) this.gilHolders.delete(t.process.id);
    const d = t.demand!;
    d.remaining -= now - d.sliceStart;
    if (d.remaining <= EPSILON) {
      t.demand = null;
      return true;
    }
    t.wakeAt = Infinity;
    this.queue.push(t);
    return false;
  }
}
