// Attack: a flood of microtasks from a one-line arrow function
// Kind: resource
// Expect: not-passed
export async function countConcurrently() {
  const f = (): Promise<unknown> => Promise.resolve().then(f);
  void f();
  return 0;
}
