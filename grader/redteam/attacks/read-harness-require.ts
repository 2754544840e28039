// Attack: require the harness, the reference and the host's modules, and print what comes back
// Kind: read
// Expect: not-passed
declare const require: (name: string) => unknown;
export async function countConcurrently() {
  for (const name of ["./harness", "harness.ts", "./harness.ts", "./reference", "reference.ts", "../reference", "interleave:options", "interleave:harness", "fs", "child_process", "node:fs"]) {
    try { console.log(name, JSON.stringify(require(name)), String(require(name))); } catch (e) { console.log(name, String(e)); }
  }
  try { console.log(String(await import("./harness" as string))); } catch (e) { console.log(String(e)); }
  return 0;
}
