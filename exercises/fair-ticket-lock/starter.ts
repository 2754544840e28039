import { type AtomicInt, type Condition } from "interleave";

/**
 * A lock that must be fair: threads get it in the order they asked for it.
 *
 * The lock is built on the ticket dispenser it is given, `tickets` (the next ticket to
 * hand out; it starts at 0): every `acquire()` draws exactly one ticket from it.
 *
 * Wrapping a `Lock` is not enough: a `Lock` is safe but not fair — when it is released, the
 * waiting threads and the releasing thread itself all compete again, and a thread that keeps
 * coming back can win every time. Build a ticket lock: `acquire()` draws the next ticket
 * (an `AtomicInt`) and waits (a `Condition`) until the ticket being served is its own;
 * `release()` serves the next ticket and wakes the waiters.
 */
export class FairLock {
  constructor(private readonly tickets: AtomicInt) {}

  async acquire(): Promise<void> {
    // TODO: draw a ticket and wait for your turn.
    throw new Error("TODO: FairLock.acquire()");
  }

  async release(): Promise<void> {
    // TODO: let the next ticket in.
    throw new Error("TODO: FairLock.release()");
  }
}

// The other part you will need (remove this line when you use it).
export type Parts = Condition;
