// Fake: one plain Map and no locks (code between awaits is atomic), ignoring the buckets it is given
import type { SharedArray } from "interleave";

export class StripedMap<V> {
  readonly stripes: number;
  private readonly map = new Map<number, V>();

  constructor(buckets: SharedArray<ReadonlyMap<number, V>>) {
    this.stripes = buckets.length;
  }

  stripeOf(key: number): number {
    return ((key % this.stripes) + this.stripes) % this.stripes;
  }

  async get(key: number): Promise<V | null> {
    return this.map.get(key) ?? null;
  }

  async put(key: number, value: V): Promise<V | null> {
    const previous = this.map.get(key) ?? null;
    this.map.set(key, value);
    return previous;
  }

  async delete(key: number): Promise<V | null> {
    const previous = this.map.get(key) ?? null;
    this.map.delete(key);
    return previous;
  }

  async compute(key: number, update: (old: V | null) => V | Promise<V>): Promise<V> {
    const value = await update(this.map.get(key) ?? null);
    this.map.set(key, value);
    return value;
  }

  async move(from: number, to: number): Promise<boolean> {
    if (!this.map.has(from)) return false;
    this.map.set(to, this.map.get(from)!);
    this.map.delete(from);
    return true;
  }

  async size(): Promise<number> {
    return this.map.size;
  }
}
