// Fake: a forbidden primitive: a spin lock built from an AtomicInt around the single-thread code
import { AtomicInt, yieldNow } from "interleave";
import type { SharedArray } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

export class LockFreeStack {
  private readonly busy = new AtomicInt(0);
  constructor(private readonly memory: StackMemory) {}

  private async lock(): Promise<void> {
    while (!(await this.busy.compareExchange(0, 1))) await yieldNow();
  }

  async push(value: number): Promise<void> {
    await this.lock();
    try {
      const m = this.memory;
      const node = await m.allocated.fetchAdd(1);
      await m.values.set(node, value);
      const top = await m.top.load();
      await m.next.set(node, top);
      await m.top.store(node);
    } finally {
      await this.busy.store(0);
    }
  }

  async pop(): Promise<number | null> {
    await this.lock();
    try {
      const m = this.memory;
      const top = await m.top.load();
      if (top === -1) return null;
      const below = await m.next.get(top);
      await m.top.store(below);
      return await m.values.get(top);
    } finally {
      await this.busy.store(0);
    }
  }
}
