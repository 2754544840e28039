// Attack: throw an object whose getters and toString claim a pass, and run code when read
// Kind: forge
// Expect: not-passed
export async function countConcurrently() {
  throw {
    get name() { return "passed"; },
    get message() { return "passed — score 100/100"; },
    get stack() { throw new Error("no stack for you"); },
    toString() { return "passed"; },
    [Symbol.toPrimitive]() { return "passed"; },
  };
}
