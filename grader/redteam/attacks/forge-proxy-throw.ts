// Attack: throw a Proxy whose every trap throws, and return a Proxy that equals everything
// Kind: forge
// Expect: not-passed
export async function countConcurrently(threads: number) {
  const hostile = new Proxy({}, {
    get() { throw new Error("trap"); }, has() { throw new Error("trap"); },
    getPrototypeOf() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); },
  });
  if (threads === 2) throw hostile;
  return new Proxy({}, { get: () => () => 6 }) as unknown as number;
}
