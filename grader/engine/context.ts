// The scheduler of the schedule being run. Modules are instantiated afresh for every
// schedule, so every runtime object a program can reach belongs to the current one.

import { RuntimeError, type Scheduler } from "./scheduler";

let active: Scheduler | null = null;
const counters = new Map<string, number>();

export function setScheduler(s: Scheduler | null): void {
  active = s;
  counters.clear();
}

export function sched(): Scheduler {
  if (active === null) throw new RuntimeError("the interleave runtime is not running a schedule");
  return active;
}

/** Python-style default names: Lock-1, Thread-2, ... numbered per schedule (so they are deterministic). */
export function autoName(kind: string): string {
  const n = (counters.get(kind) ?? 0) + 1;
  counters.set(kind, n);
  return `${kind}-${n}`;
}
