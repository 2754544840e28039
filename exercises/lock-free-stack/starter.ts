import type { AtomicInt, SharedArray } from "interleave";

/**
 * The memory a stack lives in: nodes are numbered 0, 1, 2, …; node i holds values[i] and
 * next[i] (the node below it, or -1). `top` is the node on top (-1: the stack is empty);
 * `allocated` is the next unused node number — nodes are never reused.
 */
export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

/**
 * A stack of numbers stored in `memory`. This version is correct for one thread only.
 * Make it safe for many threads *without locks*: compare-and-swap on `top`.
 */
export class LockFreeStack {
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    const m = this.memory;
    const node = await m.allocated.fetchAdd(1);
    await m.values.set(node, value);
    const top = await m.top.load();
    await m.next.set(node, top);
    // TODO: another thread may have changed `top` since we read it.
    await m.top.store(node);
  }

  /** The value on top, removed; null when the stack is empty. */
  async pop(): Promise<number | null> {
    const m = this.memory;
    const top = await m.top.load();
    if (top === -1) return null;
    const below = await m.next.get(top);
    // TODO: another thread may have changed `top` since we read it.
    await m.top.store(below);
    return m.values.get(top);
  }
}
