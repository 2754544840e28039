// Attack: the module's cost counter (arguments[3] at the top level), called with negative units
// Kind: forge
// Expect: not-passed
// @ts-ignore
const args: any = typeof arguments !== "undefined" ? arguments : [];
for (let i = 0; i < args.length; i++) if (typeof args[i] === "function") try { args[i](-1e12, 1); } catch {}
export async function countConcurrently() {
  return 0;
}
