import { assert, spawn, type Thread } from "interleave";
import { Theater } from "./solution";

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

export async function sameSeat() {
  const theater = new Theater(3);
  const winners: string[] = [];
  const names = ["Ann", "Bob", "Cem", "Dee"];
  const threads = names.map((name) =>
    spawn(async () => {
      const ok = await theater.book(0, name);
      assert(typeof ok === "boolean", `book() should resolve to true or false, got ${String(ok)}`);
      if (ok) winners.push(name);
    }, name),
  );
  await joinAll(threads);
  assert(
    winners.length === 1,
    `four people booked seat 0 at once and ${winners.length} of them were told they got it (${winners.join(", ") || "nobody"})`,
  );
  const owner = await theater.ownerOf(0);
  assert(owner === winners[0], `${winners[0]} was told they got seat 0, but ownerOf(0) is ${String(owner)}`);
}

export async function rushForSeats() {
  const seats = 4;
  const theater = new Theater(seats);
  const booked = new Map<number, string[]>();
  const names = ["Ann", "Bob", "Cem"];
  const threads = names.map((name, k) =>
    spawn(async () => {
      for (let i = 0; i < seats; i++) {
        const seat = (i + k) % seats; // everybody starts at a different seat
        if (await theater.book(seat, name)) booked.set(seat, [...(booked.get(seat) ?? []), name]);
      }
    }, name),
  );
  await joinAll(threads);
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
  const theater = new Theater(3);
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
}
