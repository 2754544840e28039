import type { AtomicInt, SharedArray } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

// push() uses compare-and-swap, but pop() reads `top` and then stores the node below:
// two pops that read the same top both "win" and return the same value.
export class LockFreeStack {
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    const m = this.memory;
    const node = await m.allocated.fetchAdd(1);
    await m.values.set(node, value);
    for (;;) {
      const top = await m.top.load();
      await m.next.set(node, top);
      if (await m.top.compareExchange(top, node)) return;
    }
  }

  async pop(): Promise<number | null> {
    const m = this.memory;
    const top = await m.top.load();
    if (top === -1) return null;
    const below = await m.next.get(top);
    await m.top.store(below);
    return m.values.get(top);
  }
}
