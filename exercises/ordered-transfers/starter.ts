import { Lock, SharedArray } from "interleave";

type Journal = (from: number, to: number, amount: number) => Promise<void>;

/**
 * A bank with one lock per account, so that transfers between different accounts can run at
 * the same time.
 *
 * transfer(from, to, amount): move `amount` from account `from` to account `to` while holding
 * BOTH accounts' locks, then call `await this.journal(from, to, amount)` (still holding them);
 * resolve to true. When `from === to`, `amount <= 0` or `from` holds less than `amount`,
 * change nothing, do not journal, and resolve to false.
 *
 * This version locks `from` and then `to`. It works... until two threads transfer in
 * opposite directions at the same time. Fix it, and write total().
 */
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
    await using _from = await this.locks[from]!.hold();
    await using _to = await this.locks[to]!.hold();
    const have = await this.balances.get(from);
    if (have < amount) return false;
    await this.balances.set(from, have - amount);
    await this.balances.set(to, (await this.balances.get(to)) + amount);
    await this.journal(from, to, amount);
    return true;
  }

  /** The balance of account i. */
  async balance(i: number): Promise<number> {
    await using _ = await this.locks[i]!.hold();
    return await this.balances.get(i);
  }

  /** The sum of all balances, as it was at one instant (no transfer half-counted). */
  async total(): Promise<number> {
    // TODO
    return 0;
  }
}
