// Built-ins compute too (issue 9). Instrumented code pays for its statements
// (grader/compile/instrument.ts), but one `sort`, `join`, `JSON.stringify` or regular
// expression can do a million steps in native code, and a serial kernel written with them
// would compute almost for free. Before the lockdown freezes the intrinsics, the built-ins
// whose work grows with their input are wrapped so that they charge it: one unit per
// BUILTIN_ITEMS_PER_UNIT items (array elements, characters), n·⌈log2 n⌉ of them for a sort,
// rounded down — a call on a handful of items costs nothing, like the glue code it is
// (costs.ts). Callbacks (map, reduce, a replacer) are instrumented code and tick on their own.
//
// Where the size is known up front the charge comes before the call, so a huge input is
// refused by the CPU budget before it runs; where only the result tells (JSON.stringify,
// Object.keys, a regular expression's scan), it comes after. A regular expression is charged
// by the part of its input it scanned; catastrophic backtracking, which no charge can bound,
// falls back to V8's linear-time engine (grader/isolate/regexp-engine.ts) and, failing that,
// meets the isolate's wall-clock timeout.
//
// Only the program's own calls are charged: the runtime calls built-ins too (thread lists,
// vector clocks, stack parsing, the trace), and that is neither the program's work nor the
// same with and without a trace. The charge function (boot.ts) skips a thread that is inside
// a runtime operation, and `uncharged` covers the runtime's code that runs outside one.
//
// eval and the Function constructors are removed (harden.ts refuseCodeFromStrings): code built from a string is not
// instrumented (it would compute for free), and a direct eval could name the module's
// hidden cost counter.
//
// A wrapper keeps the original's `name` and `length`, is not a constructor, and holds the
// charge function in a closure the program cannot reach.

import { BUILTIN_ITEMS_PER_UNIT } from "./costs";

export type Charge = (units: number) => void;

/** Runtime code running (uncharged) when above zero. */
let quiet = 0;
let charge: Charge = () => {};

/** Run runtime code whose built-in calls are not the program's work. */
export function uncharged<T>(fn: () => T): T {
  quiet++;
  try {
    return fn();
  } finally {
    quiet--;
  }
}

function pay(units: number): void {
  if (quiet === 0 && units >= 1) charge(units);
}

/** Units for `n` items. */
export function linear(n: number): number {
  return n > 0 ? Math.floor(n / BUILTIN_ITEMS_PER_UNIT) : 0;
}

/** Units for sorting `n` items: n·⌈log2 n⌉ comparisons. */
export function sorting(n: number): number {
  return n > 1 ? Math.floor((n * Math.ceil(Math.log2(n))) / BUILTIN_ITEMS_PER_UNIT) : 0;
}

const apply = Reflect.apply;
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedLength = getOwnPropertyDescriptor(TypedArrayPrototype, "length")!.get!;

/** Items of an array, typed array or string (0 for anything else: no getter of the program's runs). */
function sizeOf(x: unknown): number {
  if (typeof x === "string") return x.length;
  if (isArray(x)) return (x as unknown[]).length;
  if (isView(x) && !(x instanceof DataView)) return apply(typedLength, x, []) as number;
  return 0;
}

type Cost = (self: unknown, args: unknown[]) => number;
type After = (self: unknown, args: unknown[], result: unknown) => number;

/** Replace `holder[key]` by a wrapper that charges `before` (and `after`) its call. */
function wrap(holder: object, key: string | symbol, before: Cost | null, after: After | null = null): void {
  const d = getOwnPropertyDescriptor(holder, key);
  if (!d || typeof d.value !== "function") return;
  const original = d.value as (...args: unknown[]) => unknown;
  const name = typeof key === "symbol" ? `[${key.description ?? ""}]` : key;
  const wrapper = {
    [name](this: unknown, ...args: unknown[]): unknown {
      if (before !== null) pay(before(this, args));
      const result = apply(original, this, args);
      if (after !== null) pay(after(this, args, result));
      return result;
    },
  }[name]!;
  defineProperty(wrapper, "length", { value: original.length });
  defineProperty(wrapper, "name", { value: original.name });
  defineProperty(holder, key, { ...d, value: wrapper });
}

const receiver: Cost = (self) => linear(sizeOf(self));
const receiverSorted: Cost = (self) => sorting(sizeOf(self));

/** Array and typed-array methods that walk their receiver (callbacks tick on their own). */
const WALKING = [
  "copyWithin",
  "every",
  "fill",
  "filter",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flat",
  "flatMap",
  "forEach",
  "includes",
  "indexOf",
  "join",
  "lastIndexOf",
  "map",
  "reduce",
  "reduceRight",
  "reverse",
  "slice",
  "some",
  "splice",
  "toLocaleString",
  "toReversed",
  "toSpliced",
  "toString",
  "with",
];

/** String methods whose work grows with the string (those that take a pattern are charged once). */
const STRING_WALKING = [
  "indexOf",
  "lastIndexOf",
  "includes",
  "normalize",
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
];

/** String methods that may run a regular expression: charged here, not again for each exec inside. */
const STRING_PATTERN = ["match", "matchAll", "replace", "replaceAll", "search", "split"];

/** The end of a regular expression's scan of `input` from `from`, given exec's result. */
function scanned(input: unknown, from: number, result: unknown): number {
  const n = typeof input === "string" ? input.length : 0;
  if (result === null || typeof result !== "object") return n - from;
  const m = result as RegExpExecArray;
  return Math.max(0, m.index + (m[0]?.length ?? 0) - from);
}

/** Wrap what computes; call once, before the intrinsics are frozen. */
export function installBuiltinCosts(chargeUnits: Charge): void {
  charge = chargeUnits;

  for (const key of WALKING) wrap(Array.prototype, key, receiver);
  wrap(Array.prototype, "sort", receiverSorted);
  wrap(Array.prototype, "toSorted", receiverSorted);
  wrap(Array.prototype, "concat", (self, args) => {
    let n = sizeOf(self);
    for (const a of args) n += isArray(a) ? (a as unknown[]).length : 1;
    return linear(n);
  });
  wrap(Array, "from", (_self, args) => {
    const src = args[0];
    if (typeof src === "string" || isArray(src) || isView(src)) return linear(sizeOf(src));
    if (src instanceof Set || src instanceof Map) return linear(src.size);
    if (typeof src === "object" && src !== null && !(Symbol.iterator in src)) {
      const length = (src as { length?: unknown }).length;
      if (typeof length === "number") return linear(length);
    }
    return 0;
  });

  for (const key of WALKING) wrap(TypedArrayPrototype, key, receiver);
  wrap(TypedArrayPrototype, "sort", receiverSorted);
  wrap(TypedArrayPrototype, "toSorted", receiverSorted);
  wrap(TypedArrayPrototype, "set", (_self, args) => linear(sizeOf(args[0])));

  for (const key of STRING_WALKING) wrap(String.prototype, key, receiver);
  wrap(String.prototype, "repeat", (self, args) => linear(sizeOf(self) * Math.max(0, Number(args[0]) || 0)));
  wrap(String.prototype, "padStart", (self, args) => linear(Math.max(sizeOf(self), Number(args[0]) || 0)));
  wrap(String.prototype, "padEnd", (self, args) => linear(Math.max(sizeOf(self), Number(args[0]) || 0)));
  wrap(String.prototype, "concat", (self, args) => {
    let n = sizeOf(self);
    for (const a of args) n += typeof a === "string" ? a.length : 0;
    return linear(n);
  });
  for (const key of STRING_PATTERN) {
    const d = getOwnPropertyDescriptor(String.prototype, key);
    if (!d || typeof d.value !== "function") continue;
    const original = d.value as (...args: unknown[]) => unknown;
    const wrapper = {
      [key](this: unknown, ...args: unknown[]): unknown {
        pay(linear(sizeOf(this)));
        // The regular expression's own exec calls inside are this call's work, paid above.
        quiet++;
        try {
          return apply(original, this, args);
        } finally {
          quiet--;
        }
      },
    }[key]!;
    defineProperty(wrapper, "length", { value: original.length });
    defineProperty(wrapper, "name", { value: original.name });
    defineProperty(String.prototype, key, { ...d, value: wrapper });
  }

  // Every RegExp method (test, the Symbol.replace family, a matchAll iterator) goes through
  // exec (ECMA-262 RegExpExec), so exec alone is charged: by how far it scanned.
  const exec = RegExp.prototype.exec as (this: RegExp, s: string) => RegExpExecArray | null;
  const execWrapper = {
    exec(this: RegExp, ...args: unknown[]): RegExpExecArray | null {
      const from = this instanceof RegExp && (this.global || this.sticky) ? this.lastIndex : 0;
      const result = apply(exec, this, args) as RegExpExecArray | null;
      if (this instanceof RegExp) pay(linear(scanned(args[0], from, result)));
      return result;
    },
  }.exec;
  defineProperty(execWrapper, "length", { value: exec.length });
  defineProperty(execWrapper, "name", { value: exec.name });
  defineProperty(RegExp.prototype, "exec", {
    ...getOwnPropertyDescriptor(RegExp.prototype, "exec")!,
    value: execWrapper,
  });

  wrap(JSON, "parse", (_self, args) => linear(sizeOf(args[0])));
  wrap(JSON, "stringify", null, (_self, _args, result) => linear(sizeOf(result)));
  for (const key of ["keys", "values", "entries"])
    wrap(Object, key, null, (_self, _args, result) => linear(sizeOf(result)));
}
