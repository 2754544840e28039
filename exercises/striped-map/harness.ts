import {
  assert,
  assertLinearizable,
  Event,
  History,
  models,
  SharedArray,
  spawn,
  yieldNow,
  type Thread,
} from "interleave";
import { StripedMap } from "./solution";

/** A map on buckets the harness owns, so that it can look inside. */
function newMap<V>(stripes: number) {
  const buckets = new SharedArray<ReadonlyMap<number, V>>(
    Array.from({ length: stripes }, () => new Map<number, V>()),
    "map.buckets",
  );
  return { m: new StripedMap<V>(buckets), buckets };
}

/** The buckets you were given must hold exactly `entries`, each key in bucket `key mod stripes`. */
async function inBuckets<V>(buckets: SharedArray<ReadonlyMap<number, V>>, entries: [number, V][]) {
  const all = await buckets.toArray();
  const n = all.length;
  const stored = all.reduce((count, b) => count + b.size, 0);
  const where = (k: number) => ((k % n) + n) % n;
  const ok = stored === entries.length && entries.every(([k, v]) => all[where(k)]?.get(k) === v);
  assert(
    ok,
    `the buckets you were given should hold ${show(entries)} (key k in bucket k mod ${n}), but they hold ${show(all.map((b) => [...b.entries()]))}: keep the map in them`,
  );
}

type MapOp = { op: "get"; key: number } | { op: "put"; key: number; value: number } | { op: "delete"; key: number };
type MapOut = number | null | undefined;

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

function show(v: unknown): string {
  return v === undefined ? "undefined" : JSON.stringify(v);
}

async function expect<T>(what: string, got: T, expected: T): Promise<void> {
  assert(got === expected, `${what} should be ${show(expected)}, got ${show(got)}`);
}

/** Every operation from one thread, with keys on the same stripe and on different stripes. */
export async function singleThread() {
  const { m, buckets } = newMap<string>(4);
  await expect("get(1) on an empty map", await m.get(1), null);
  await expect('put(1, "a")', await m.put(1, "a"), null);
  await expect('put(1, "b") (returns the previous value)', await m.put(1, "b"), "a");
  await expect("get(1)", await m.get(1), "b");
  await expect('put(5, "c") (key 5 shares stripe 1 with key 1)', await m.put(5, "c"), null);
  await expect("delete(1)", await m.delete(1), "b");
  await expect("delete(1) again", await m.delete(1), null);
  await expect("get(5)", await m.get(5), "c");
  await expect('compute(2, old => (old ?? "") + "x")', await m.compute(2, (old) => (old ?? "") + "x"), "x");
  await expect("compute(2, …) again, with an async update", await m.compute(2, async (old) => (old ?? "") + "x"), "xx");
  await expect("move(5, 9) (same stripe)", await m.move(5, 9), true);
  await expect("get(5) after move(5, 9)", await m.get(5), null);
  await expect("get(9) after move(5, 9)", await m.get(9), "c");
  await expect("move(9, 2) (another stripe; overwrites key 2)", await m.move(9, 2), true);
  await expect("get(2) after move(9, 2)", await m.get(2), "c");
  await expect("move(42, 3) (42 is absent)", await m.move(42, 3), false);
  await expect("get(3) after a failed move", await m.get(3), null);
  await expect("size()", await m.size(), 1);
  await m.put(-3, "negative");
  await expect("get(-3)", await m.get(-3), "negative");
  await expect("size() after put(-3, …)", await m.size(), 2);
  await inBuckets(buckets, [
    [2, "c"],
    [-3, "negative"],
  ]);
}

/** Three threads on keys 1 and 5 (one stripe) and 2 (another): the history must be a map's. */
export async function linearizable() {
  const { m } = newMap<number>(4);
  const h = new History<MapOp, MapOut>();
  const compute = async (key: number, add: number): Promise<void> => {
    const input = { op: "put" as const, key, value: Number.NaN };
    await h.record(input, async () => {
      let seen: number | null | undefined = undefined;
      const result = await m.compute(key, async (old) => {
        seen = old;
        await yieldNow(); // the update takes a while: nobody may change the key meanwhile
        return (old ?? 0) + add;
      });
      assert(seen !== undefined, `compute(${key}, update) never called update`);
      assert(
        result === (seen ?? 0) + add,
        `compute(${key}, update) returned ${show(result)}, but update returned ${(seen ?? 0) + add}`,
      );
      input.value = result; // recorded as a put of the new value that returned the old one
      return seen;
    });
  };
  const scripts: ((who: string) => Promise<void>)[] = [
    async () => {
      await h.record({ op: "put", key: 1, value: 10 }, () => m.put(1, 10));
      await compute(1, 1);
      await h.record({ op: "get", key: 5 }, () => m.get(5));
      await compute(2, 1);
      await h.record({ op: "delete", key: 1 }, () => m.delete(1));
    },
    async () => {
      await compute(1, 100);
      await h.record({ op: "put", key: 5, value: 50 }, () => m.put(5, 50));
      await h.record({ op: "get", key: 1 }, () => m.get(1));
      await compute(2, 100);
    },
    async () => {
      await h.record({ op: "get", key: 1 }, () => m.get(1));
      await compute(5, 1000);
      await h.record({ op: "put", key: 2, value: 20 }, () => m.put(2, 20));
      await h.record({ op: "delete", key: 5 }, () => m.delete(5));
      await h.record({ op: "get", key: 2 }, () => m.get(2));
    },
  ];
  await joinAll(scripts.map((script, i) => spawn(() => script(`Client-${i + 1}`), `Client-${i + 1}`)));
  assertLinearizable(models.map<number>(), h);
}

/** Two computes on keys of different stripes must be able to run at the same time. */
export async function stripesInParallel() {
  const { m, buckets } = newMap<number>(4);
  await differentStripesOverlap(m);
  await expect("get(1)", await m.get(1), 1);
  await expect("get(2)", await m.get(2), 2);
  await inBuckets(buckets, [
    [1, 1],
    [2, 2],
  ]);
}

async function differentStripesOverlap(m: StripedMap<number>) {
  const oneIn = new Event("update of key 1 started");
  const twoIn = new Event("update of key 2 started");
  let oneSawTwo = false;
  let twoSawOne = false;
  const a = spawn(async () => {
    await m.compute(1, async () => {
      await oneIn.set();
      oneSawTwo = await twoIn.wait({ timeout: 1000 });
      return 1;
    });
  }, "Client-1");
  const b = spawn(async () => {
    await m.compute(2, async () => {
      await twoIn.set();
      twoSawOne = await oneIn.wait({ timeout: 1000 });
      return 2;
    });
  }, "Client-2");
  await joinAll([a, b]);
  assert(
    oneSawTwo && twoSawOne,
    "compute(1, …) and compute(2, …) touch different stripes (1 and 2), yet one waited 1000 ms for the other to start: operations on different stripes must not exclude each other — that is the point of lock striping",
  );
}

/** Movers shuttle tokens between stripes in opposite directions while an auditor counts. */
export async function moveAndSize() {
  const { m, buckets } = newMap<string>(4);
  await m.put(1, "t1");
  await m.put(2, "t2");
  await m.put(3, "t3");
  const routes: [string, number, number][] = [
    ["Mover-A", 1, 6], // stripe 1 → 2 and back
    ["Mover-B", 2, 5], // stripe 2 → 1 and back
    ["Mover-C", 3, 7], // stripe 3 → 3: both keys on one stripe
  ];
  const threads = routes.map(([name, home, away]) =>
    spawn(async () => {
      for (let i = 0; i < 2; i++) {
        assert(
          await m.move(home, away),
          `${name}: move(${home}, ${away}) found nothing to move, yet only ${name} moves that token`,
        );
        assert(
          await m.move(away, home),
          `${name}: move(${away}, ${home}) found nothing to move, yet only ${name} moves that token`,
        );
      }
    }, name),
  );
  threads.push(
    spawn(async () => {
      for (let i = 0; i < 4; i++) {
        const n = await m.size();
        assert(
          n === 3,
          `size() counted ${n} keys, but there are always exactly 3 tokens: it saw a move half done (a token in both places or in neither)`,
        );
      }
    }, "Auditor"),
  );
  await joinAll(threads);
  await expect("get(1) at the end", await m.get(1), "t1");
  await expect("get(2) at the end", await m.get(2), "t2");
  await expect("get(3) at the end", await m.get(3), "t3");
  await expect("size() at the end", await m.size(), 3);
  await inBuckets(buckets, [
    [1, "t1"],
    [2, "t2"],
    [3, "t3"],
  ]);
  await differentStripesOverlap(m as unknown as StripedMap<number>);
}
