import type { AtomicInt, SharedArray } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

/**
 * Treiber's stack (R. K. Treiber, "Systems programming: coping with parallelism", IBM
 * 1986): prepare privately, publish with one compare-and-swap on `top`, and start again
 * if another thread changed `top` in between. Nodes are never reused, so there is no ABA.
 */
export class LockFreeStack {
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    const m = this.memory;
    const node = await m.allocated.fetchAdd(1);
    await m.values.set(node, value);
    for (;;) {
      const top = await m.top.load();
      await m.next.set(node, top); // still private: nobody can reach `node` yet
      if (await m.top.compareExchange(top, node)) return;
    }
  }

  async pop(): Promise<number | null> {
    const m = this.memory;
    for (;;) {
      const top = await m.top.load();
      if (top === -1) return null;
      const below = await m.next.get(top);
      if (await m.top.compareExchange(top, below)) return m.values.get(top);
    }
  }
}
