import { Event, spawn } from "interleave";

/** What the test receives: a way to create an account with an initial balance. */
export interface Account {
  balance(): Promise<number>;
  /**
   * Take `amount` out if the balance allows it; resolves to true if it did. `pause`, when
   * given, is called in the middle of the operation: after the balance was checked, before
   * it is debited.
   */
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

/**
 * Throw an Error if `makeAccount` makes accounts whose withdraw() has a race; return
 * normally if they behave.
 */
export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  // This only checks one thread. TODO: make a second withdrawal happen while the first one
  // is paused between its check and its debit (Event and spawn are imported for you).
  void Event;
  void spawn;
  const ok = await account.withdraw(80);
  if (!ok) throw new Error("withdraw(80) from 100 should succeed");
  const balance = await account.balance();
  if (balance !== 20) throw new Error(`after withdraw(80) from 100 the balance should be 20, got ${balance}`);
}
