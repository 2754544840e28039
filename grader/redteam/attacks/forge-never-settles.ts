// Attack: early exit — leave the harness waiting on a promise that never settles
// Kind: forge
// Expect: not-passed
export async function countConcurrently(): Promise<number> {
  await new Promise<never>(() => {});
  return 0;
}
