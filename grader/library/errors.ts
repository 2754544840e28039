// Python's exception names, so messages read like the book's examples.
export { RuntimeError } from "../engine/scheduler";

export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValueError";
  }
}

export class BrokenBarrierError extends Error {
  constructor(message = "the barrier is broken") {
    super(message);
    this.name = "BrokenBarrierError";
  }
}

export class Full extends Error {
  constructor(message = "the queue is full") {
    super(message);
    this.name = "Full";
  }
}

export class Empty extends Error {
  constructor(message = "the queue is empty") {
    super(message);
    this.name = "Empty";
  }
}

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AssertionError";
  }
}

export class IndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexError";
  }
}
