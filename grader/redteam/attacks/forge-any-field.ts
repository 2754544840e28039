// Attack: look through every property of every runtime object for something with an `outcome`
// Kind: forge
// Expect: not-passed
import * as il from "interleave";
export async function countConcurrently() {
  const roots: unknown[] = [il, new il.Lock(), new il.RLock(), new il.Semaphore(1), new il.BoundedSemaphore(1),
    new il.Condition(), new il.Event(), new il.Barrier(2), new il.Queue(), new il.Shared(0), new il.SharedArray(2),
    new il.AtomicInt(0), new il.History(), il.currentThread(), il.currentProcess(), new il.ProcessQueue(), ...il.Pipe()];
  const seen = new Set<unknown>();
  const stack = [...roots];
  while (stack.length) {
    const o = stack.pop() as any;
    if ((typeof o !== "object" && typeof o !== "function") || o === null || seen.has(o)) continue;
    seen.add(o);
    for (const k of Reflect.ownKeys(o)) {
      let v: any;
      try { v = o[k]; } catch { continue; }
      if (k === "outcome" || k === "threads" || k === "cache") {
        try { o.outcome = { kind: "passed", message: "forged" }; } catch {}
        for (const t of (o.threads ?? [])) try { t.daemon = true; } catch {}
      }
      stack.push(v);
    }
    stack.push(Object.getPrototypeOf(o));
  }
  return 0;
}
