import type { AtomicInt, SharedArray } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

// The retry loop retries the compare-and-swap with the value of `top` read before the loop:
// once another thread has changed `top`, the CAS can never succeed again.
export class LockFreeStack {
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    const m = this.memory;
    const node = await m.allocated.fetchAdd(1);
    await m.values.set(node, value);
    const top = await m.top.load();
    await m.next.set(node, top);
    while (!(await m.top.compareExchange(top, node))) {
      // try again
    }
  }

  async pop(): Promise<number | null> {
    const m = this.memory;
    const top = await m.top.load();
    if (top === -1) return null;
    const below = await m.next.get(top);
    while (!(await m.top.compareExchange(top, below))) {
      // try again
    }
    return m.values.get(top);
  }
}
