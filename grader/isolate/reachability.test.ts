// Issue 9: every object that "interleave" hands out exposes only its documented API. A program
// running in the real sandbox walks everything it can reach from the module namespace and from
// an instance of every class the module exports — own keys and symbols, prototypes, getters
// (called on their instances), Map and Set contents, function `arguments`/`caller` — and reports
// anything that is not documented (public/interleave.d.ts, generated from the runtime): a key
// no declaration names, an instance of a class the module does not export (the scheduler, a
// virtual thread, a channel...), a sloppy function, an unfrozen runtime object.

import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { runOnce } from "../testing";

const DECLARATIONS = path.join(import.meta.dirname, "..", "..", "public", "interleave.d.ts");

interface ApiClass {
  instance: string[];
  statics: string[];
}

/** The documented API: per exported class (by its path, "Lock", "asyncio.Lock"), its members. */
function documentedApi(): { classes: Record<string, ApiClass>; names: string[] } {
  const program = ts.createProgram([DECLARATIONS], { noEmit: true, strict: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getAmbientModules().find((m) => m.name === '"interleave"');
  if (!module) throw new Error("no `interleave` module in the declarations");
  const classes: Record<string, ApiClass> = {};
  const names = new Set<string>();
  const publicNames = (type: ts.Type): string[] =>
    checker
      .getPropertiesOfType(type)
      .filter((p) => {
        if (p.name.startsWith("#") || p.name.startsWith("__@")) return false;
        const flags = p.declarations?.[0] ? ts.getCombinedModifierFlags(p.declarations[0]) : 0;
        return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
      })
      .map((p) => p.name);
  const seenTypes = new Set<ts.Type>();
  // Every member name of every type a documented value has (records returned, option objects).
  const collect = (type: ts.Type, depth: number): void => {
    if (depth > 6 || seenTypes.has(type)) return;
    seenTypes.add(type);
    for (const p of checker.getPropertiesOfType(type)) {
      if (p.name.startsWith("#")) continue;
      names.add(p.name);
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      if (decl) collect(checker.getTypeOfSymbolAtLocation(p, decl), depth + 1);
    }
    // What the runtime hands out: return values (parameters are the program's own objects).
    for (const sig of [...type.getCallSignatures(), ...type.getConstructSignatures()])
      collect(sig.getReturnType(), depth + 1);
    const promised = checker.getAwaitedType(type);
    if (promised) collect(promised, depth + 1);
    if (type.isUnion() || type.isIntersection()) for (const t of type.types) collect(t, depth + 1);
    if (checker.isArrayType(type) || checker.isTupleType(type))
      for (const t of checker.getTypeArguments(type as ts.TypeReference)) collect(t, depth + 1);
  };
  const visit = (sym: ts.Symbol, at: string): void => {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const decl = target.valueDeclaration ?? target.declarations?.[0];
    if (!decl || !(target.flags & ts.SymbolFlags.Value)) return;
    names.add(sym.name);
    const type = checker.getTypeOfSymbolAtLocation(target, decl);
    collect(type, 0);
    const construct = type.getConstructSignatures();
    if (construct.length > 0) {
      classes[at] = { instance: publicNames(construct[0]!.getReturnType()), statics: publicNames(type) };
      return;
    }
    if (type.getCallSignatures().length === 0)
      for (const p of checker.getPropertiesOfType(type)) visit(p, `${at}.${p.name}`);
  };
  for (const sym of checker.getExportsOfModule(module)) visit(sym, sym.name);
  return { classes, names: [...names] };
}

/** The walker: runs inside the sandbox, with the real runtime, as a student's program would. */
const WALKER = String.raw`
import * as il from "interleave";
const { asyncio, io } = il;

declare const API: { classes: Record<string, { instance: string[]; statics: string[] }>; names: string[] };

export default async function main() {
  const problems: string[] = [];
  const report = (p: string) => { if (problems.length < 60) problems.push(p); };

  // Everything reachable from globalThis is the realm's own (frozen) intrinsics.
  const intrinsics = new Set<unknown>();
  {
    const stack: unknown[] = [globalThis];
    while (stack.length) {
      const v = stack.pop();
      if ((typeof v !== "object" && typeof v !== "function") || v === null || intrinsics.has(v)) continue;
      intrinsics.add(v);
      stack.push(Object.getPrototypeOf(v));
      for (const k of Reflect.ownKeys(v as object)) {
        const d = Object.getOwnPropertyDescriptor(v, k)!;
        if ("value" in d) stack.push(d.value); else stack.push(d.get, d.set);
      }
    }
    for (const f of [async function () {}, function* () {}, async function* () {}, () => {}])
      intrinsics.add(Object.getPrototypeOf(f));
    intrinsics.add(Object.getPrototypeOf([][Symbol.iterator]()));
  }

  // The API classes, by identity.
  const classOf = new Map<unknown, string>();
  const protoOf = new Map<unknown, string>();
  for (const at of Object.keys(API.classes)) {
    const C = at.split(".").reduce((o: any, k) => o[k], il) as any;
    classOf.set(C, at);
    protoOf.set(C.prototype, at);
  }
  const names = new Set(API.names);
  const allowed = (k: string | symbol, extra: Set<string>) =>
    typeof k === "symbol"
      ? [Symbol.asyncDispose, Symbol.dispose, Symbol.toStringTag, Symbol.iterator, Symbol.asyncIterator].includes(k as any)
      : k === "constructor" || extra.has(k);

  const seen = new Set<unknown>();
  const queue: [unknown, string][] = [];
  const push = (v: unknown, p: string) => {
    if ((typeof v === "object" || typeof v === "function") && v !== null && !intrinsics.has(v) && !seen.has(v)) {
      seen.add(v);
      queue.push([v, p]);
    }
  };

  const walk = () => {
    while (queue.length) {
      const [o, p] = queue.shift()!;
      const proto = Object.getPrototypeOf(o);
      const keys = Reflect.ownKeys(o as object);
      let expected: Iterable<string>;
      if (classOf.has(o)) {
        expected = [...API.classes[classOf.get(o)!]!.statics, "length", "name", "prototype"];
        if (!Object.isFrozen(o)) report(p + ": class not frozen");
      } else if (protoOf.has(o)) {
        expected = [...API.classes[protoOf.get(o)!]!.instance, "constructor"];
        if (!Object.isFrozen(o)) report(p + ": prototype not frozen");
      } else if (protoOf.has(proto)) {
        const cls = protoOf.get(proto)!;
        expected = API.classes[cls]!.instance;
        if (!Object.isFrozen(o) && !(o instanceof Error)) report(p + ": " + cls + " instance not frozen");
        if (o instanceof Error) expected = [...expected, "message", "stack", "name", "cause"];
      } else if (proto === null || intrinsics.has(proto) || classOf.has(proto)) {
        expected = typeof o === "function" ? ["length", "name", "prototype"] : [...names, "length"];
        if (o instanceof Error) expected = [...expected, "message", "stack", "name", "cause"];
      } else {
        report(p + ": an instance of a class the module does not export (" + (proto?.constructor?.name ?? "?") + ")");
        expected = [];
      }
      const expectedSet = new Set(expected);
      for (const k of keys) {
        const isIndex = typeof k === "string" && Array.isArray(o) && /^\d+$/.test(k);
        if (!isIndex && !allowed(k, expectedSet)) report(p + ": undocumented key " + String(k));
        const d = Object.getOwnPropertyDescriptor(o, k)!;
        const at = p + "." + String(k);
        if ("value" in d) push(d.value, at);
        else { push(d.get, at + "<get>"); push(d.set, at + "<set>"); }
      }
      push(proto, p + ".__proto__");
      if (typeof o === "function") {
        // A sloppy function exposes its live arguments and caller.
        for (const k of ["arguments", "caller"]) if (Object.hasOwn(o, k)) report(p + ": sloppy function (own " + k + ")");
      }
      // Getters of an API class, called on its instances (never on the prototype: brand checks).
      if (protoOf.has(proto)) {
        for (let q = proto; q && !intrinsics.has(q); q = Object.getPrototypeOf(q))
          for (const k of Reflect.ownKeys(q)) {
            const d = Object.getOwnPropertyDescriptor(q, k)!;
            if (d.get) try { push(d.get.call(o), p + "." + String(k)); } catch { /* a getter may refuse */ }
          }
      }
      if (o instanceof Map) for (const [k, v] of o) { push(k, p + "<key>"); push(v, p + "<value>"); }
      if (o instanceof Set) for (const v of o) push(v, p + "<item>");
    }
  };

  // Roots: the namespace, and an instance of every class it exports (plus what they hand out).
  push(il, "interleave");
  const lock = new il.Lock(); push(lock, "lock"); push(await lock.hold(), "lock.hold()"); await lock.release();
  const rlock = new il.RLock(); push(rlock, "rlock");
  push(new il.Semaphore(2), "semaphore"); push(new il.BoundedSemaphore(2), "boundedSemaphore");
  push(new il.Condition(), "condition"); push(new il.Event(), "event"); push(new il.Barrier(2), "barrier");
  push(new il.Queue(2), "queue"); push(new il.Shared(0), "shared"); push(new il.SharedArray(2), "sharedArray");
  push(new il.AtomicInt(0), "atomicInt"); push(new il.History(), "history");
  const t = new il.Thread(async () => {}); push(t, "thread"); await t.start(); await t.join();
  push(il.currentThread(), "currentThread()"); push(il.currentProcess(), "currentProcess()");
  const p = new il.Process(() => 1); push(p, "process");
  push(new il.ProcessQueue(), "processQueue"); push(il.Pipe(), "Pipe()"); push(new il.Pool(1), "pool");
  try { await lock.release(); } catch (e) { push(e, "thrown RuntimeError"); }
  for (const E of [il.AssertionError, il.RuntimeError, il.ValueError, il.IndexError, il.BrokenBarrierError, il.Full, il.Empty, il.EOFError, il.PicklingError, asyncio.CancelledError, asyncio.TimeoutError, asyncio.InvalidStateError, asyncio.QueueEmpty, asyncio.QueueFull, io.ConnectionError])
    push(new (E as any)("x"), "new " + E.name);
  const web = new io.Web({ "/a": { latency: 1, body: "hi" } }); push(web, "web");
  await asyncio.run(async () => {
    push(asyncio.currentTask(), "currentTask()");
    const task = asyncio.createTask(async () => { await asyncio.sleep(1); return 1; }); push(task, "task");
    push(new asyncio.Lock(), "asyncio.lock"); push(new asyncio.Semaphore(1), "asyncio.semaphore");
    push(new asyncio.BoundedSemaphore(1), "asyncio.boundedSemaphore"); push(new asyncio.Event(), "asyncio.event");
    push(new asyncio.Queue(), "asyncio.queue");
    push(await web.fetch("/a"), "response");
    await task;
    try { new (asyncio.Task as any)(); report("new asyncio.Task() was allowed"); } catch { /* refused */ }
  });
  const server = new io.Server({ clients: [{ at: 0, requests: ["ping"] }] }); push(server, "server");
  const conn = await server.accept(); push(conn, "server.accept()");
  if (conn) { await conn.readLine(); await conn.writeLine("pong"); conn.close(); }
  walk();
  il.assert(seen.size > 100, "the walk reached only " + seen.size + " objects");
  il.assert(problems.length === 0, "reachable beyond the documented API:\n" + problems.join("\n"));
  console.log("walked " + seen.size + " objects");
}
`;

describe("nothing beyond the documented API is reachable (issue 9)", () => {
  const api = documentedApi();

  it("the documented API is what the declarations say", () => {
    expect(Object.keys(api.classes)).toEqual(expect.arrayContaining(["Lock", "Thread", "asyncio.Task", "io.Server"]));
    expect(api.classes.Lock!.instance).toEqual(
      expect.arrayContaining(["acquire", "release", "locked", "hold", "name"]),
    );
    for (const internal of ["s", "outcome", "threads", "cache", "adopt", "v", "watchers", "cancelRequested", "tick"])
      expect(api.names).not.toContain(internal);
  });

  it("a walk of everything the module hands out finds only the documented API", () => {
    const source = `const API = ${JSON.stringify(api)};\n${WALKER}`;
    const r = runOnce(source, { maxSteps: 1_000_000, detectRaces: false, detectLockOrder: false });
    expect(r.outcome.message).toBe(r.outcome.kind === "passed" ? r.outcome.message : "(passed)");
    expect(r.outcome.kind).toBe("passed");
    const walked = r.trace?.find((e) => e.op === "print")?.value;
    expect(String(walked)).toMatch(/walked \d+ objects/);
  });

  it("the walker fires: a runtime object with an undocumented field is reported", () => {
    // The same walk over a class of the program's own that holds an engine-like object.
    const source = `const API = ${JSON.stringify(api)};\n${WALKER.replace(
      'push(il, "interleave");',
      'push(il, "interleave"); class Engine { outcome = 1 } push(Object.freeze({ s: new Engine() }), "leaky");',
    )}`;
    const r = runOnce(source, { maxSteps: 1_000_000, detectRaces: false, detectLockOrder: false });
    expect(r.outcome.kind).toBe("assertion");
    expect(r.outcome.message).toMatch(/leaky: undocumented key s/);
    expect(r.outcome.message).toMatch(/instance of a class the module does not export \(Engine\)/);
  });
});
