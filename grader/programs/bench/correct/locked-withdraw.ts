// FIXED check-then-act: the balance check and the withdrawal happen in one critical section.
import { AtomicInt, Lock, Shared, spawn, assert } from "interleave";

const balance = new Shared(100, "balance");
const account = new Lock("account");
const paidOut = new AtomicInt(0, "paidOut");

async function withdraw(amount: number) {
  await using _ = await account.hold();
  const current = await balance.get();
  if (current >= amount) {
    await paidOut.fetchAdd(amount);
    await balance.set(current - amount);
  }
}

export default async function main() {
  const a = spawn(() => withdraw(70), "ATM-1");
  const b = spawn(() => withdraw(70), "ATM-2");
  await a.join();
  await b.join();
  const paid = await paidOut.load();
  const left = await balance.get(); // both ATMs joined: nobody else touches the balance now
  assert(paid === 70, `paid out ${paid}, expected exactly one withdrawal of 70`);
  assert(left === 30, `balance ${left} after paying out ${paid}`);
}
