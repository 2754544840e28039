import { Lock, SharedArray } from "interleave";

type Journal = (from: number, to: number, amount: number) => Promise<void>;

export class Bank {
  private readonly balances: SharedArray<number>;
  private readonly locks: Lock[];

  constructor(
    initial: readonly number[],
    private readonly journal: Journal,
  ) {
    this.balances = new SharedArray<number>(initial, "balances");
    this.locks = initial.map((_, i) => new Lock(`account-${i}`));
  }

  async transfer(from: number, to: number, amount: number): Promise<boolean> {
    if (from === to || amount <= 0) return false;
    // Every thread takes the lower-numbered account's lock first: no cycle of waiting is possible.
    const [first, second] = from < to ? [from, to] : [to, from];
    await using _first = await this.locks[first]!.hold();
    await using _second = await this.locks[second]!.hold();
    const have = await this.balances.get(from);
    if (have < amount) return false;
    await this.balances.set(from, have - amount);
    await this.balances.set(to, (await this.balances.get(to)) + amount);
    await this.journal(from, to, amount);
    return true;
  }

  async balance(i: number): Promise<number> {
    await using _ = await this.locks[i]!.hold();
    return await this.balances.get(i);
  }

  async total(): Promise<number> {
    // All the locks, in the same (ascending) order as transfer(); released in reverse.
    let held = 0;
    try {
      for (const lock of this.locks) {
        await lock.acquire();
        held++;
      }
      let sum = 0;
      for (let i = 0; i < this.balances.length; i++) sum += await this.balances.get(i);
      return sum;
    } finally {
      for (let i = held - 1; i >= 0; i--) await this.locks[i]!.release();
    }
  }
}
