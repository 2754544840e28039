// FIXED lock-order deadlock: every transfer takes the two account locks in one global
// order (by account id), whatever the direction of the transfer.
import { Lock, Shared, spawn, assert } from "interleave";

class Account {
  readonly balance: Shared<number>;
  readonly lock: Lock;
  constructor(
    readonly id: number,
    readonly name: string,
    initial: number,
  ) {
    this.balance = new Shared(initial, `${name}.balance`);
    this.lock = new Lock(`${name}.lock`);
  }
}

const alice = new Account(1, "alice", 100);
const bob = new Account(2, "bob", 100);

async function transfer(from: Account, to: Account, amount: number) {
  const [first, second] = from.id < to.id ? [from, to] : [to, from];
  await first.lock.acquire();
  try {
    await second.lock.acquire();
    try {
      await from.balance.set((await from.balance.get()) - amount);
      await to.balance.set((await to.balance.get()) + amount);
    } finally {
      second.lock.release();
    }
  } finally {
    first.lock.release();
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
  const a = await alice.balance.get();
  const b = await bob.balance.get();
  assert(a === 85 && b === 115, `alice ${a}, bob ${b}: expected 85 and 115`);
}
