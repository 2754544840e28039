import { Lock, Shared, spawn } from "interleave";

// The program of "Break it: into a deadlock", run by the real runtime for "Play the
// scheduler". Each numbered line is one scheduling point: a step you give a thread runs
// exactly one line of the statement's program. (An unlock line reads `balance` — a bare scheduling point — and then
// releases, so that the lock is given back when you run that line, not before.)

const A = new Lock("A");
const B = new Lock("B");
const C = new Lock("C");
const balance = new Shared("A = 50, B = 50, C = 0", "balance");
/** The balances `balance` shows (a move runs under both accounts' locks: nothing changes them meanwhile). */
const money = { A: 50, B: 50, C: 0 };

type Account = keyof typeof money;

/** `balance` after moving 10 from one account to another (applied once the line has run). */
function shown(from: Account, to: Account): string {
  const next = { ...money, [from]: money[from] - 10, [to]: money[to] + 10 };
  return `A = ${next.A}, B = ${next.B}, C = ${next.C}`;
}

function move(from: Account, to: Account) {
  money[from] -= 10;
  money[to] += 10;
}

async function thread0() {
  for (let round = 0; round < 2; round++) {
    await A.acquire(); //                              1, 6   lock(A)
    await B.acquire(); //                              2, 7   lock(B)
    await balance.set(shown("A", "B")); //             3, 8   A -= 10; B += 10
    move("A", "B");
    await balance.get(); //                               4, 9   unlock(B)
    void B.release();
    await balance.get(); //                               5, 10  unlock(A)
    void A.release();
  }
}

async function thread1() {
  for (let round = 0; round < 2; round++) {
    await B.acquire(); //                              1, 6   lock(B)
    await C.acquire(); //                              2, 7   lock(C)
    await balance.set(shown("B", "C")); //             3, 8   B -= 10; C += 10
    move("B", "C");
    await balance.get(); //                               4, 9   unlock(C)
    void C.release();
    await balance.get(); //                               5, 10  unlock(B)
    void B.release();
  }
}

async function thread2() {
  await balance.get(); //                              1  if (balance.C < 10) return
  if (money.C < 10) return;
  await C.acquire(); //                                2  lock(C)
  await A.acquire(); //                                3  lock(A)
  await balance.set(shown("C", "A")); //               4  C -= 10; A += 10
  move("C", "A");
  await balance.get(); //                                 5  unlock(A)
  void A.release();
  await balance.get(); //                                 6  unlock(C)
  void C.release();
}

export default async function main() {
  const threads = [spawn(thread0, "thread 0"), spawn(thread1, "thread 1"), spawn(thread2, "thread 2")];
  for (const t of threads) await t.join();
}
