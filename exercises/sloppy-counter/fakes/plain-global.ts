// Fake: keeps the global count in a plain field (atomic between awaits) and copies it to the given cell at flush, no lock
import type { Lock, Shared } from "interleave";

export class SloppyCounter {
  private count = 0;
  constructor(
    private readonly global: Shared<number>,
    _globalLock: Lock,
    _threads: number,
    _threshold: number,
  ) {}

  async increment(_t: number): Promise<void> {
    this.count++;
  }

  async flush(_t: number): Promise<void> {
    await this.global.set(this.count);
  }

  async read(): Promise<number> {
    return this.count;
  }
}
