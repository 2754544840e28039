import type { SharedArray } from "interleave";

type Bucket<V> = ReadonlyMap<number, V>;

/**
 * A hash map split into `stripes` buckets: key k lives in bucket `k mod stripes`. Each
 * bucket is an immutable Map stored in one cell of a SharedArray; an update reads the
 * bucket, builds a new Map and writes it back.
 *
 * This version is correct for one thread only. Give every stripe its own Lock, so that
 * operations on different stripes run in parallel and operations on one stripe are atomic.
 */
export class StripedMap<V> {
  private readonly buckets: SharedArray<Bucket<V>>;
  readonly stripes: number;

  constructor(buckets: SharedArray<Bucket<V>>) {
    this.buckets = buckets;
    this.stripes = buckets.length;
  }

  /** The stripe (bucket index) of a key. */
  stripeOf(key: number): number {
    return ((key % this.stripes) + this.stripes) % this.stripes;
  }

  /** The value stored under `key`, or null. */
  async get(key: number): Promise<V | null> {
    const bucket = await this.buckets.get(this.stripeOf(key));
    return bucket.get(key) ?? null;
  }

  /** Store `value` under `key`; returns the previous value, or null. */
  async put(key: number, value: V): Promise<V | null> {
    const s = this.stripeOf(key);
    const bucket = await this.buckets.get(s);
    const previous = bucket.get(key) ?? null;
    await this.buckets.set(s, new Map(bucket).set(key, value));
    return previous;
  }

  /** Remove `key`; returns the value it had, or null. */
  async delete(key: number): Promise<V | null> {
    const s = this.stripeOf(key);
    const bucket = await this.buckets.get(s);
    const previous = bucket.get(key) ?? null;
    if (previous === null) return null;
    const next = new Map(bucket);
    next.delete(key);
    await this.buckets.set(s, next);
    return previous;
  }

  /**
   * Atomically replace the value under `key` by `await update(old)` (old is null when the
   * key is absent); returns the new value. Nobody may change `key` meanwhile.
   */
  async compute(key: number, update: (old: V | null) => V | Promise<V>): Promise<V> {
    const s = this.stripeOf(key);
    const bucket = await this.buckets.get(s);
    const value = await update(bucket.get(key) ?? null);
    const latest = await this.buckets.get(s);
    await this.buckets.set(s, new Map(latest).set(key, value));
    return value;
  }

  /**
   * Atomically move the value under `from` to `to` (overwriting `to`); false if `from` is
   * absent. Nobody may see the value in both places, or in neither.
   */
  async move(from: number, to: number): Promise<boolean> {
    const value = await this.delete(from);
    if (value === null) return false;
    await this.put(to, value);
    return true;
  }

  /** The number of keys, counted at one instant. */
  async size(): Promise<number> {
    let n = 0;
    for (let s = 0; s < this.stripes; s++) n += (await this.buckets.get(s)).size;
    return n;
  }
}
