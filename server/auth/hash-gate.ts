import { availableParallelism } from "node:os";

// Argon2id runs on libuv's thread pool, off the event loop, but it still needs a core. Left
// alone, a flood of log-ins keeps every core hashing (four pool threads by default) and the
// event loop waits for CPU like everything else: pages crawl. So at most `cores - 1` hashes run
// at once (at least one), the rest wait in line, and past `maxWaiting` an attempt is turned away
// at once (PasswordCheckBusy) instead of queueing without bound.

export class PasswordCheckBusy extends Error {
  constructor() {
    super("Too many password checks are waiting.");
    this.name = "PasswordCheckBusy";
  }
}

export class HashGate {
  readonly #limit: number;
  readonly #maxWaiting: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit = Math.max(1, availableParallelism() - 1), maxWaiting = 64) {
    this.#limit = limit;
    this.#maxWaiting = maxWaiting;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) {
      if (this.#waiting.length >= this.#maxWaiting) throw new PasswordCheckBusy();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next in line; otherwise it is freed.
      if (next) next();
      else this.#running--;
    }
  }
}
