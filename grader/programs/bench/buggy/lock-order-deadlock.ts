// BUG (lock-order deadlock): transfer() locks the source account, then the destination.
// Alice → Bob and Bob → Alice at the same time take the two locks in opposite orders.
// Needs 1 preemption: one transfer preempted after taking its first lock.
import { Lock, Shared, spawn, assert } from "interleave";

class Account {
  readonly balance: Shared<number>;
  readonly lock: Lock;
  constructor(
    readonly name: string,
    initial: number,
  ) {
    this.balance = new Shared(initial, `${name}.balance`);
    this.lock = new Lock(`${name}.lock`);
  }
}

const alice = new Account("alice", 100);
const bob = new Account("bob", 100);

async function transfer(from: Account, to: Account, amount: number) {
  await from.lock.acquire();
  try {
    await to.lock.acquire();
    try {
      await from.balance.set((await from.balance.get()) - amount);
      await to.balance.set((await to.balance.get()) + amount);
    } finally {
      to.lock.release();
    }
  } finally {
    from.lock.release();
  }
}

export default async function main() {
  const t1 = spawn(async () => {
    for (let i = 0; i < 3; i++) await transfer(alice, bob, 10);
  }, "AliceToBob");
  const t2 = spawn(async () => {
    for (let i = 0; i < 3; i++) await transfer(bob, alice, 5);
  }, "BobToAlice");
  await t1.join();
  await t2.join();
  const total = (await alice.balance.get()) + (await bob.balance.get());
  assert(total === 200, `money was created or destroyed: total ${total}`);
}
