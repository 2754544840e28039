import { Event, spawn } from "interleave";

export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

/**
 * Force the bad interleaving instead of hoping for it: A withdraws 80 from 100 and, paused
 * between its check and its debit, lets B withdraw 80 too. B may finish (no lock held, or
 * a compare-and-swap account) or be blocked (a lock held): A waits for B only a bounded
 * time, so a correct locked account does not deadlock the test. Whatever the account,
 * exactly one withdrawal may succeed and 20 must remain.
 */
export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  const aInWindow = new Event("A paused in its window");
  const bDone = new Event("B finished");
  let aOk = false;
  let bOk = false;
  const a = spawn(async () => {
    aOk = await account.withdraw(80, async () => {
      await aInWindow.set();
      await bDone.wait({ timeout: 1000 });
    });
  }, "A");
  await aInWindow.wait();
  const b = spawn(async () => {
    bOk = await account.withdraw(80);
    await bDone.set();
  }, "B");
  await a.join();
  await b.join();
  const balance = await account.balance();
  const succeeded = Number(aOk) + Number(bOk);
  if (succeeded !== 1 || balance !== 20) {
    throw new Error(
      `two withdrawals of 80 from 100: ${succeeded} succeeded and the balance is ${balance}; expected exactly 1 and 20`,
    );
  }
}
