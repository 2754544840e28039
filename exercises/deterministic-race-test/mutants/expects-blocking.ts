import { Event, spawn } from "interleave";

export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

// Tests the implementation instead of the behaviour: it demands that B be blocked while A
// is paused, i.e. that the account uses a lock. A correct lock-free account fails it.
export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  const aInWindow = new Event("A paused in its window");
  const bDone = new Event("B finished");
  let bGotThrough = false;
  const a = spawn(async () => {
    await account.withdraw(80, async () => {
      await aInWindow.set();
      bGotThrough = await bDone.wait({ timeout: 1000 });
    });
  }, "A");
  await aInWindow.wait();
  const b = spawn(async () => {
    await account.withdraw(80);
    await bDone.set();
  }, "B");
  await a.join();
  await b.join();
  if (bGotThrough) throw new Error("B withdrew while A was in the middle of its withdrawal: withdraw() is not atomic");
}
