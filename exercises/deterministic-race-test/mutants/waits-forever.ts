import { Event, spawn } from "interleave";

export interface Account {
  balance(): Promise<number>;
  withdraw(amount: number, pause?: () => Promise<void>): Promise<boolean>;
}
export type AccountFactory = (initial: number) => Account;

// A waits for B without a timeout. On a buggy account B gets through and the test catches
// the race; on a correct locked account B is blocked by the lock A holds — and A waits for
// B forever.
export async function test(makeAccount: AccountFactory): Promise<void> {
  const account = makeAccount(100);
  const aInWindow = new Event("A paused in its window");
  const bDone = new Event("B finished");
  let aOk = false;
  let bOk = false;
  const a = spawn(async () => {
    aOk = await account.withdraw(80, async () => {
      await aInWindow.set();
      await bDone.wait();
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
  if (Number(aOk) + Number(bOk) !== 1 || balance !== 20)
    throw new Error(`expected one withdrawal and 20 left, got ${Number(aOk) + Number(bOk)} and ${balance}`);
}
