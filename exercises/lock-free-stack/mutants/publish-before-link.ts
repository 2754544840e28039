import type { AtomicInt, SharedArray } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

// push() publishes the node first and links it afterwards: between the two steps a pop()
// can take the new node and follow its not-yet-written `next` link.
export class LockFreeStack {
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    const m = this.memory;
    const node = await m.allocated.fetchAdd(1);
    await m.values.set(node, value);
    for (;;) {
      const top = await m.top.load();
      if (await m.top.compareExchange(top, node)) {
        await m.next.set(node, top);
        return;
      }
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
