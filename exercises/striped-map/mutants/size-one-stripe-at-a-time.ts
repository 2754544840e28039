import { Lock, type SharedArray } from "interleave";

type Bucket<V> = ReadonlyMap<number, V>;

// size() locks each stripe only while it counts that stripe: a token moved from a stripe
// not yet counted to one already counted is missed (or counted twice the other way round).
export class StripedMap<V> {
  private readonly buckets: SharedArray<Bucket<V>>;
  readonly stripes: number;
  private readonly locks: Lock[];

  constructor(buckets: SharedArray<Bucket<V>>) {
    this.buckets = buckets;
    this.stripes = buckets.length;
    const stripes = this.stripes;
    this.locks = Array.from({ length: stripes }, (_, s) => new Lock(`stripe-${s}`));
  }

  stripeOf(key: number): number {
    return ((key % this.stripes) + this.stripes) % this.stripes;
  }

  async get(key: number): Promise<V | null> {
    const s = this.stripeOf(key);
    await using _ = await this.locks[s]!.hold();
    const bucket = await this.buckets.get(s);
    return bucket.get(key) ?? null;
  }

  async put(key: number, value: V): Promise<V | null> {
    const s = this.stripeOf(key);
    await using _ = await this.locks[s]!.hold();
    return await this.putLocked(s, key, value);
  }

  async delete(key: number): Promise<V | null> {
    const s = this.stripeOf(key);
    await using _ = await this.locks[s]!.hold();
    return await this.deleteLocked(s, key);
  }

  async compute(key: number, update: (old: V | null) => V | Promise<V>): Promise<V> {
    const s = this.stripeOf(key);
    await using _ = await this.locks[s]!.hold();
    const bucket = await this.buckets.get(s);
    const value = await update(bucket.get(key) ?? null);
    await this.buckets.set(s, new Map(bucket).set(key, value));
    return value;
  }

  async move(from: number, to: number): Promise<boolean> {
    const a = this.stripeOf(from);
    const b = this.stripeOf(to);
    // A global order (lower stripe first) rules out a cycle of waiting movers; a stripe is
    // locked once even when both keys share it (a Lock is not reentrant).
    await using _first = await this.locks[Math.min(a, b)]!.hold();
    await using _second = a === b ? null : await this.locks[Math.max(a, b)]!.hold();
    const value = await this.deleteLocked(a, from);
    if (value === null) return false;
    await this.putLocked(b, to, value);
    return true;
  }

  async size(): Promise<number> {
    let n = 0;
    for (let s = 0; s < this.stripes; s++) {
      await using _ = await this.locks[s]!.hold();
      n += (await this.buckets.get(s)).size;
    }
    return n;
  }

  private async putLocked(s: number, key: number, value: V): Promise<V | null> {
    const bucket = await this.buckets.get(s);
    const previous = bucket.get(key) ?? null;
    await this.buckets.set(s, new Map(bucket).set(key, value));
    return previous;
  }

  private async deleteLocked(s: number, key: number): Promise<V | null> {
    const bucket = await this.buckets.get(s);
    const previous = bucket.get(key) ?? null;
    if (previous === null) return null;
    const next = new Map(bucket);
    next.delete(key);
    await this.buckets.set(s, next);
    return previous;
  }
}
