// BUG (check-then-act): the balance check and the withdrawal are separate steps. Two ATMs
// both see 100 >= 70 and both pay out, so the bank pays 140 from an account of 100.
// Needs 1 preemption: an ATM preempted between its check and its withdrawal.
import { AtomicInt, Shared, spawn, assert } from "interleave";

const balance = new Shared(100, "balance");
const paidOut = new AtomicInt(0, "paidOut");

async function withdraw(amount: number) {
  if ((await balance.get()) >= amount) {
    await paidOut.fetchAdd(amount); // hand out the cash
    await balance.set((await balance.get()) - amount);
  }
}

export default async function main() {
  const a = spawn(() => withdraw(70), "ATM-1");
  const b = spawn(() => withdraw(70), "ATM-2");
  await a.join();
  await b.join();
  const paid = await paidOut.load();
  const left = await balance.get();
  assert(paid <= 100, `paid out ${paid} from an account that held 100`);
  assert(left === 100 - paid, `balance ${left} after paying out ${paid}`);
}
