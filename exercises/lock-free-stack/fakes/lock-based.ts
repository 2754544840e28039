// Fake: a lock around push and pop instead of compare-and-swap: linearizable, but one paused thread stops everyone
import { Lock, type AtomicInt, type SharedArray } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

// Correct and linearizable — with a Lock. If the thread holding it is paused (preempted,
// page-faulted, killed), every other thread waits: blocking, not lock-free.
export class LockFreeStack {
  private readonly lock = new Lock("stack.lock");
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    await using _ = await this.lock.hold();
    const m = this.memory;
    const node = await m.allocated.fetchAdd(1);
    await m.values.set(node, value);
    await m.next.set(node, await m.top.load());
    await m.top.store(node);
  }

  async pop(): Promise<number | null> {
    await using _ = await this.lock.hold();
    const m = this.memory;
    const top = await m.top.load();
    if (top === -1) return null;
    await m.top.store(await m.next.get(top));
    return await m.values.get(top);
  }
}
