// Fake: one lock for the whole bank, so transfers never run in parallel and never deadlock
import { Lock, SharedArray } from "interleave";

type Journal = (from: number, to: number, amount: number) => Promise<void>;

export class Bank {
  private readonly balances: SharedArray<number>;
  // One lock for the whole bank: no ordering problem at all — and no parallelism either.
  private readonly bankLock = new Lock("bank");

  constructor(
    initial: readonly number[],
    private readonly journal: Journal,
  ) {
    this.balances = new SharedArray<number>(initial, "balances");
  }

  async transfer(from: number, to: number, amount: number): Promise<boolean> {
    if (from === to || amount <= 0) return false;
    await using _ = await this.bankLock.hold();
    const have = await this.balances.get(from);
    if (have < amount) return false;
    await this.balances.set(from, have - amount);
    await this.balances.set(to, (await this.balances.get(to)) + amount);
    await this.journal(from, to, amount);
    return true;
  }

  async balance(i: number): Promise<number> {
    await using _ = await this.bankLock.hold();
    return await this.balances.get(i);
  }

  async total(): Promise<number> {
    await using _ = await this.bankLock.hold();
    let sum = 0;
    for (let i = 0; i < this.balances.length; i++) sum += await this.balances.get(i);
    return sum;
  }
}
