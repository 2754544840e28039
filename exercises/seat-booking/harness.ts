import { assert, Lock, SharedArray, spawn, type Thread } from "interleave";
import { Theater } from "./solution";

/** A theater on the box office's own seat map and lock. */
function open(seats: number) {
  const owners = new SharedArray<string | null>(new Array<string | null>(seats).fill(null), "owners");
  const lock = new Lock("bookingLock");
  return { theater: new Theater(owners, lock), owners, lock };
}

/**
 * The box office sells `seats` over the counter, straight in the seat map under its lock,
 * while the booking threads run: a theater that keeps its bookings anywhere else, or guards
 * them with another lock, double-sells these seats or races the box office.
 */
function boxOffice(
  owners: SharedArray<string | null>,
  lock: Lock,
  seats: number[],
  sold: Map<number, string[]>,
): Thread {
  return spawn(async () => {
    for (const seat of seats) {
      await using _ = await lock.hold();
      if ((await owners.get(seat)) === null) {
        await owners.set(seat, "BoxOffice");
        sold.set(seat, [...(sold.get(seat) ?? []), "BoxOffice"]);
      }
    }
  }, "BoxOffice");
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

export async function sameSeat() {
  const { theater, owners, lock } = open(3);
  const winners: string[] = [];
  const names = ["Ann", "Bob", "Cem", "Dee"];
  const counter = new Map<number, string[]>();
  const office = boxOffice(owners, lock, [0], counter);
  const threads = names.map((name) =>
    spawn(async () => {
      const ok = await theater.book(0, name);
      assert(typeof ok === "boolean", `book() should resolve to true or false, got ${String(ok)}`);
      if (ok) winners.push(name);
    }, name),
  );
  await joinAll([office, ...threads]);
  winners.push(...(counter.get(0) ?? []));
  assert(
    winners.length === 1,
    `four people booked seat 0 at once and ${winners.length} of them were told they got it (${winners.join(", ") || "nobody"})`,
  );
  const owner = await theater.ownerOf(0);
  assert(owner === winners[0], `${winners[0]} was told they got seat 0, but ownerOf(0) is ${String(owner)}`);
}

export async function rushForSeats() {
  const seats = 4;
  const { theater, owners, lock } = open(seats);
  const booked = new Map<number, string[]>();
  const names = ["Ann", "Bob", "Cem"];
  const office = boxOffice(owners, lock, [3, 1], booked);
  const threads = names.map((name, k) =>
    spawn(async () => {
      for (let i = 0; i < seats; i++) {
        const seat = (i + k) % seats; // everybody starts at a different seat
        if (await theater.book(seat, name)) booked.set(seat, [...(booked.get(seat) ?? []), name]);
      }
    }, name),
  );
  await joinAll([office, ...threads]);
  for (let seat = 0; seat < seats; seat++) {
    const told = booked.get(seat) ?? [];
    assert(
      told.length === 1,
      `seat ${seat}: ${told.length} people were told they got it (${told.join(", ") || "nobody"}), expected exactly one`,
    );
    const owner = await theater.ownerOf(seat);
    assert(
      owner === told[0],
      `seat ${seat}: ${told[0]} was told they got it, but ownerOf(${seat}) is ${String(owner)}`,
    );
  }
}

export async function refusals() {
  const { theater, owners } = open(3);
  assert((await theater.ownerOf(2)) === null, "a free seat's owner should be null");
  assert((await theater.book(1, "Ann")) === true, "booking a free seat should resolve to true");
  assert((await theater.book(1, "Bob")) === false, "booking a taken seat should resolve to false");
  assert((await theater.book(1, "Ann")) === false, "booking your own seat again should resolve to false");
  assert((await theater.ownerOf(1)) === "Ann", "a refused booking must not change the owner");
  const t = spawn(async () => {
    assert((await theater.book(2, "Bob")) === true, "Bob should get the free seat 2");
  }, "Bob");
  await t.join();
  assert((await theater.ownerOf(2)) === "Bob", "seat 2 should be Bob's");
  assert((await theater.ownerOf(0)) === null, "seat 0 should still be free");
  const map = await owners.toArray();
  assert(
    map[0] === null && map[1] === "Ann" && map[2] === "Bob",
    `the seat map you were given should read [null, Ann, Bob], it reads [${map.join(", ")}]: keep the bookings in it`,
  );
}
