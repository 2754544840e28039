import { assert, currentThread, now, sleep, spawn, yieldNow, type Thread } from "interleave";
import { H2O } from "./solution";

// The harness owns the atom threads: each sleeps until its arrival time (in 1 ms naps, so
// that a spinning waiter spins through each), then calls hydrogen() or oxygen() with a
// release function that records who released and when. Releasing is a scheduling point.

interface Atom {
  kind: "H" | "O";
  at: number;
  name: string;
  arrived: number;
}

interface Released {
  atom: Atom;
  at: number;
}

function start(
  h2o: H2O,
  plan: string,
  gaps: number[],
  out: Released[],
  tag: string,
): { threads: Thread[]; atoms: Atom[] } {
  const atoms: Atom[] = [...plan].map((kind, i) => ({
    kind: kind as "H" | "O",
    at: gaps[i] ?? 0,
    name: `${kind === "H" ? "Hydrogen" : "Oxygen"}-${i + 1}${tag}`,
    arrived: -1,
  }));
  const threads = atoms.map((atom) =>
    spawn(async () => {
      for (let t = 0; t < atom.at; t++) await sleep(1);
      atom.arrived = now();
      let released = 0;
      const release = async () => {
        released++;
        assert(released === 1, `${atom.name} released twice: call the release function exactly once`);
        assert(
          currentThread().name === atom.name,
          `${atom.name}'s release was called by ${currentThread().name}: every atom releases itself, from its own thread`,
        );
        await yieldNow();
        out.push({ atom, at: now() });
        const group = out.slice(out.length - 1 - ((out.length - 1) % 3));
        const kinds = group.map((r) => r.atom.kind).join("");
        assert(
          group.filter((r) => r.atom.kind === "H").length <= 2 && group.filter((r) => r.atom.kind === "O").length <= 1,
          `${atom.name} was released as part of a molecule ${kinds}… (all releases so far: ${out.map((r) => r.atom.kind).join("")}): every three consecutive releases must be one molecule, two H and one O`,
        );
      };
      if (atom.kind === "H") await h2o.hydrogen(release);
      else await h2o.oxygen(release);
      assert(released === 1, `${atom.name} returned without releasing`);
    }, atom.name),
  );
  return { threads, atoms };
}

function checkMolecules(out: Released[], atoms: Atom[], tag: string) {
  const seq = out.map((r) => r.atom.kind).join("");
  assert(out.length === atoms.length, `${tag}: ${out.length} of ${atoms.length} atoms released (${seq})`);
  for (let m = 0; m < out.length / 3; m++) {
    const group = out.slice(3 * m, 3 * m + 3);
    const kinds = group.map((r) => r.atom.kind).join("");
    assert(
      kinds.split("H").length - 1 === 2,
      `${tag}: releases ${3 * m + 1}–${3 * m + 3} were ${kinds} (all releases: ${seq}): every three consecutive releases must be one molecule, two H and one O`,
    );
    const complete = Math.max(...group.map((r) => r.atom.arrived));
    for (const r of group) {
      assert(
        r.at >= complete,
        `${tag}: ${r.atom.name} was released at ${r.at} virtual ms, before its molecule was complete (its last atom arrived at ${complete}): an atom must wait for its partners`,
      );
      assert(
        r.at - complete < 0.5,
        `${tag}: ${r.atom.name} was released ${r.at - complete} virtual ms after its molecule was complete: it found out by polling. Threads blocked on a semaphore or barrier run the moment it opens.`,
      );
    }
  }
}

async function run(plan: string, gaps: number[], tag: string) {
  const out: Released[] = [];
  const { threads, atoms } = start(new H2O(), plan, gaps, out, "");
  for (const t of threads) await t.join();
  checkMolecules(out, atoms, `${plan} ${tag}`.trim());
}

/** Two molecules, atoms arriving together or one by one. */
export async function molecules() {
  await run("OHHHOH", [0, 0, 0, 0, 0, 0], "(all at once)");
  await run("HOHHHO", [0, 1, 1, 2, 3, 4], "(staggered)");
  await run("HHO", [0, 3, 6], "(one by one)");
}

/** A lone hydrogen, then its oxygen 5 ms later, its second hydrogen 5 ms after that. */
export async function bondsTogether() {
  await run("HOH", [0, 5, 10], "(late partners)");
  await run("OOHHHH", [0, 0, 4, 4, 8, 8], "(oxygens first)");
}

/** Five molecules in one object and two in another, at the same time. */
export async function manyMolecules() {
  const a: Released[] = [];
  const b: Released[] = [];
  const ra = start(new H2O(), "HHHHHHOOOHHHHOO", [0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 6], a, " (A)");
  const rb = start(new H2O(), "OHOHHH", [1, 2, 2, 3, 5, 5], b, " (B)");
  for (const t of [...ra.threads, ...rb.threads]) await t.join();
  checkMolecules(a, ra.atoms, "object A");
  checkMolecules(b, rb.atoms, "object B");
}
