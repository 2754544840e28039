// Shared memory the program must synchronize itself. Every access is a scheduling point and
// is reported to the race detector; AtomicInt operations synchronize and never race.

import { autoName, sched } from "../../engine/context";
import { IndexError, ValueError } from "../errors";
import type { Scheduler } from "../../engine/scheduler";

export class Shared<T> {
  readonly name: string;
  /** Mutable state in a cell: writes to a private field of a frozen object take V8's slow path. */
  readonly #cell: { value: T };
  readonly #s: Scheduler;

  constructor(initial: T, name?: string) {
    this.#s = sched();
    this.#cell = { value: initial };
    this.name = name ?? autoName("Shared");
    if (new.target === Shared) Object.freeze(this);
  }

  async get(): Promise<T> {
    const s = this.#s;
    const t = s.enter("get");
    try {
      await s.point(t, "point", true);
      s.monitor.read(t, this, this.name);
      s.event(t, "get", this.name, this.#cell.value);
      return this.#cell.value;
    } finally {
      s.leave(t);
    }
  }

  async set(value: T): Promise<void> {
    const s = this.#s;
    const t = s.enter("set");
    try {
      await s.point(t, "point", true);
      s.monitor.write(t, this, this.name);
      this.#cell.value = value;
      s.event(t, "set", this.name, value);
    } finally {
      s.leave(t);
    }
  }
}

export class SharedArray<T = number> {
  readonly name: string;
  readonly length: number;
  readonly #values: T[];
  /** One identity per cell, so the race detector tells cells apart. */
  readonly #cells: object[];
  readonly #s: Scheduler;

  /** `new SharedArray(n)` holds n zeros (Python's `[0] * n`); `new SharedArray(items)` copies items. */
  constructor(lengthOrItems: number | readonly T[], name?: string) {
    this.#s = sched();
    if (typeof lengthOrItems === "number") {
      if (!Number.isInteger(lengthOrItems) || lengthOrItems < 0) throw new ValueError("length must be an integer >= 0");
      this.#values = new Array<T>(lengthOrItems).fill(0 as T);
    } else {
      this.#values = Array.from(lengthOrItems);
    }
    this.length = this.#values.length;
    this.#cells = this.#values.map(() => ({}));
    this.name = name ?? autoName("SharedArray");
    if (new.target === SharedArray) Object.freeze(this);
  }

  #check(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.length)
      throw new IndexError(`${this.name} index ${i} out of range (length ${this.length})`);
  }

  async get(i: number): Promise<T> {
    const s = this.#s;
    const t = s.enter("get");
    try {
      this.#check(i);
      await s.point(t, "point", true);
      const target = `${this.name}[${i}]`;
      s.monitor.read(t, this.#cells[i]!, target);
      s.event(t, "get", target, this.#values[i]);
      return this.#values[i]!;
    } finally {
      s.leave(t);
    }
  }

  async set(i: number, value: T): Promise<void> {
    const s = this.#s;
    const t = s.enter("set");
    try {
      this.#check(i);
      await s.point(t, "point", true);
      const target = `${this.name}[${i}]`;
      s.monitor.write(t, this.#cells[i]!, target);
      this.#values[i] = value;
      s.event(t, "set", target, value);
    } finally {
      s.leave(t);
    }
  }

  /** Read every cell (each read is an access, in index order, with no scheduling point between them). */
  async toArray(): Promise<T[]> {
    const s = this.#s;
    const t = s.enter("toArray");
    try {
      await s.point(t, "point", true);
      for (let i = 0; i < this.length; i++) s.monitor.read(t, this.#cells[i]!, `${this.name}[${i}]`);
      s.event(t, "toArray", this.name);
      return Array.from(this.#values);
    } finally {
      s.leave(t);
    }
  }
}

export class AtomicInt {
  readonly name: string;
  /** Mutable state in a cell (see Shared). */
  readonly #cell: { value: number };
  readonly #s: Scheduler;

  constructor(initial = 0, name?: string) {
    if (!Number.isInteger(initial)) throw new ValueError("AtomicInt holds an integer");
    this.#s = sched();
    this.#cell = { value: initial };
    this.name = name ?? autoName("AtomicInt");
    if (new.target === AtomicInt) Object.freeze(this);
  }

  /** `operands` must be integers: the constructor's invariant held only until a fetchAdd(0.5). */
  async #op<R>(op: string, operands: readonly number[], effect: () => R): Promise<R> {
    const s = this.#s;
    const t = s.enter(op);
    try {
      if (!operands.every(Number.isInteger))
        throw new ValueError(`${this.name} holds integers only: ${op}(${operands.join(", ")})`);
      await s.point(t);
      s.monitor.atomic(t, this);
      const result = effect();
      s.event(t, op, this.name, result);
      return result;
    } finally {
      s.leave(t);
    }
  }

  load(): Promise<number> {
    return this.#op("load", [], () => this.#cell.value);
  }

  store(v: number): Promise<void> {
    return this.#op("store", [v], () => {
      this.#cell.value = v;
    });
  }

  /** Adds d and resolves to the previous value. */
  fetchAdd(d: number): Promise<number> {
    return this.#op("fetchAdd", [d], () => {
      const old = this.#cell.value;
      this.#cell.value = old + d;
      return old;
    });
  }

  /** Stores v and resolves to the previous value. */
  exchange(v: number): Promise<number> {
    return this.#op("exchange", [v], () => {
      const old = this.#cell.value;
      this.#cell.value = v;
      return old;
    });
  }

  /** Stores `desired` if the value is `expected`; resolves to true when it swapped. */
  compareExchange(expected: number, desired: number): Promise<boolean> {
    return this.#op("compareExchange", [desired], () => {
      if (this.#cell.value !== expected) return false;
      this.#cell.value = desired;
      return true;
    });
  }
}
