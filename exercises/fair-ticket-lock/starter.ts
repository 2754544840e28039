import { Lock } from "interleave";

/**
 * A lock that must be fair: threads get it in the order they asked for it.
 *
 * This first version just wraps a Lock. It is safe, but a Lock is not fair: when it is
 * released, the waiting threads and the releasing thread itself all compete again, and a
 * thread that keeps coming back can win every time.
 */
export class FairLock {
  private readonly lock = new Lock("fair.lock");

  async acquire(): Promise<void> {
    // TODO: draw a ticket and wait for your turn.
    await this.lock.acquire();
  }

  async release(): Promise<void> {
    // TODO: let the next ticket in.
    await this.lock.release();
  }
}
