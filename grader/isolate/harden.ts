// Before any program code runs: remove what is nondeterministic or dangerous in isolated-vm
// 5.0.4, make time and randomness virtual, and freeze every intrinsic so that program code
// cannot reach or change what the runtime uses to decide a verdict (SES-style lockdown).

import { installBuiltinCosts } from "../engine/builtin-costs";

export interface VirtualWorld {
  now(): number;
  random(): number;
  /** console.log and friends: a line the program printed (shown in the trace as `print`). */
  print(text: string): void;
  /** Charge `units` of built-in work to the program (builtin-costs.ts); omitted: built-ins are free. */
  charge?(units: number): void;
}

/** Virtual epoch: Date.now() in the sandbox is this plus the virtual clock. */
const EPOCH = Date.UTC(2024, 0, 1);

export function harden(world: VirtualWorld): void {
  const g = globalThis as Record<string, unknown>;

  // Atomics.waitAsync aborts the whole process in isolated-vm 5.0.4; SharedArrayBuffer waits,
  // weak references and finalizers make runs depend on the host's GC or threads; WebAssembly
  // escapes the cost model.
  for (const name of ["SharedArrayBuffer", "Atomics", "WeakRef", "FinalizationRegistry", "WebAssembly"]) {
    delete g[name];
  }

  // Code made from strings (eval, the Function constructors) would run uninstrumented: free of
  // the cost model and of the CPU budget's ticks. Programs are compiled from their files only.
  refuseCodeFromStrings(g);

  const notHere = (name: string, instead: string) =>
    function unavailable(): never {
      throw new Error(`${name} is not available in the Interleave sandbox: ${instead}`);
    };
  g.setTimeout = notHere("setTimeout", "use `await sleep(ms)` from 'interleave'");
  g.setInterval = notHere("setInterval", "use a thread that loops with `await sleep(ms)`");
  g.setImmediate = notHere("setImmediate", "use `await yieldNow()` from 'interleave'");
  g.queueMicrotask = notHere("queueMicrotask", "start a Thread instead");

  // Print debugging works: console output becomes `print` events in the trace, in order
  // with everything else the thread did (there is no terminal in the sandbox).
  const printer = (...args: unknown[]) => world.print(args.map(show).join(" "));
  g.console = Object.freeze({
    log: printer,
    info: printer,
    warn: printer,
    error: printer,
    debug: printer,
    trace: printer,
  });

  Math.random = function random() {
    return world.random();
  };

  const RealDate = Date;
  const VirtualDate = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(EPOCH + world.now()).toString();
    if (args.length === 0) return new RealDate(EPOCH + world.now());
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  Object.defineProperties(VirtualDate, {
    now: { value: () => EPOCH + world.now() },
    parse: { value: RealDate.parse },
    UTC: { value: RealDate.UTC },
    prototype: { value: RealDate.prototype },
  });
  Object.defineProperty(RealDate.prototype, "constructor", { value: VirtualDate, writable: true, configurable: true });
  g.Date = VirtualDate;

  // Assignments like `this.name = "MyError"` would throw once Error.prototype is frozen
  // (the "override mistake"): turn these data properties into accessors that define an own
  // property on the receiver, as SES does.
  // (Not `constructor` or Promise/Array methods: accessors there disable V8's fast paths.)
  tameOverride(Error.prototype, ["name", "message", "toString"]);
  tameOverride(Object.prototype, ["toString", "valueOf", "toLocaleString", "hasOwnProperty"]);

  // Built-ins charge what they compute; no eval (issue 9). Before the freeze.
  if (world.charge) installBuiltinCosts(world.charge);

  const seen = new Set<unknown>();
  for (const name of Reflect.ownKeys(g)) {
    if (name === "globalThis") continue;
    const d = Object.getOwnPropertyDescriptor(g, name);
    if (d && "value" in d) deepFreeze(d.value, seen);
  }
  deepFreeze(
    Object.getPrototypeOf(async function () {}),
    seen,
  );
  deepFreeze(
    Object.getPrototypeOf(function* () {}),
    seen,
  );
  deepFreeze(
    Object.getPrototypeOf(async function* () {}),
    seen,
  );
  deepFreeze(Object.getPrototypeOf([][Symbol.iterator]()), seen);
  Object.freeze(g);
}

function refuseCodeFromStrings(g: Record<string, unknown>): void {
  const refusing = (what: string, proto: object) => {
    const stub = function () {
      throw new EvalError(
        `${what} is not available in the Interleave sandbox: programs run only the code of their files`,
      );
    };
    // `f instanceof Function` and `f.constructor === Function` keep working.
    Object.defineProperty(stub, "prototype", { value: proto });
    Object.defineProperty(stub, "name", { value: what });
    return stub;
  };
  const protos = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[];
  const names = ["Function", "AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction"];
  protos.forEach((proto, i) => {
    Object.defineProperty(proto, "constructor", {
      value: refusing(names[i]!, proto),
      writable: false,
      configurable: false,
    });
  });
  g.Function = (Function.prototype as { constructor: unknown }).constructor;
  g.eval = refusing("eval", Function.prototype);
}

function tameOverride(proto: object, keys: string[]): void {
  for (const key of keys) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (!d || !("value" in d)) continue;
    const value: unknown = d.value;
    Object.defineProperty(proto, key, {
      get() {
        return value;
      },
      set(this: object, v: unknown) {
        if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}' of the frozen intrinsic`);
        Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }
}

export function deepFreeze(root: unknown, seen = new Set<unknown>()): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) continue;
    seen.add(value);
    Object.freeze(value);
    stack.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value as object)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (!d) continue;
      if ("value" in d) stack.push(d.value);
      else {
        stack.push(d.get);
        stack.push(d.set);
      }
    }
  }
}

/** Text of a printed value: the program's own call, so its toString/toJSON may run here. */
function show(value: unknown): string {
  try {
    if (typeof value === "string") return value;
    if (typeof value !== "object" || value === null) return String(value);
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    return JSON.stringify(value) ?? String(value);
  } catch {
    return "<unprintable>";
  }
}
