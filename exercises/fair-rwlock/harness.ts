import { assert, now, sleep, spawn, type Thread } from "interleave";
import { FairRWLock } from "./solution";

// The harness owns the threads: each follows a plan (arrive at a virtual time, then read or
// write for a while, some number of times) and records when it asked, entered and left.
// While inside, the harness checks exclusion; afterwards it checks that readers did share
// and how long everyone waited. Waiting is measured in virtual time, which only the
// program's own sleeps advance: stress schedules reorder threads but add no time.

type Kind = "R" | "W";

/** How long after the last release a thread that waited may get in, in virtual ms. */
const HANDOVER_MS = 0.5;

interface Plan {
  name: string;
  kind: Kind;
  arrive: number;
  hold: number;
  rounds: number;
  pause: number;
}

interface Visit {
  name: string;
  kind: Kind;
  asked: number;
  entered: number;
  order: number;
}

async function runPlans(plans: Plan[], label: string): Promise<Visit[]> {
  const rw = new FairRWLock();
  let readers = 0;
  let writers = 0;
  let maxReaders = 0;
  let entries = 0;
  const visits: Visit[] = [];
  // When the lock was last given back. A thread that had to wait must get in right then: a
  // Condition wakes it at the release, a plain flag polled with sleep(k) sees it up to k ms late.
  let releasedAt = -Infinity;
  const threads: Thread[] = plans.map((p) =>
    spawn(async () => {
      await sleep(p.arrive);
      for (let r = 0; r < p.rounds; r++) {
        const asked = now();
        if (p.kind === "R") await rw.acquireRead();
        else await rw.acquireWrite();
        visits.push({ name: p.name, kind: p.kind, asked, entered: now(), order: entries++ });
        if (now() - asked > HANDOVER_MS)
          assert(
            now() - releasedAt <= HANDOVER_MS,
            `${label}: ${p.name} waited from ${asked.toFixed(3)} and got in at ${now().toFixed(3)} virtual ms, ${(now() - releasedAt).toFixed(3)} ms after the lock was last given back. A waiting thread should be woken by the release (a Condition), not find out later by polling with sleep().`,
          );
        if (p.kind === "R") readers++;
        else writers++;
        maxReaders = Math.max(maxReaders, readers);
        assert(
          writers === 0 || (writers === 1 && readers === 0),
          `${label}: ${p.name} is inside together with ${writers} writer(s) and ${readers - (p.kind === "R" ? 1 : 0)} other reader(s): a writer must be alone`,
        );
        await sleep(p.hold);
        assert(
          writers === (p.kind === "W" ? 1 : 0) && (p.kind === "R" || readers === 0),
          `${label}: while ${p.name} was ${p.kind === "R" ? "reading" : "writing"}, another thread came in (${writers} writer(s), ${readers} reader(s) inside)`,
        );
        if (p.kind === "R") readers--;
        else writers--;
        releasedAt = now();
        if (p.kind === "R") await rw.releaseRead();
        else await rw.releaseWrite();
        if (p.pause > 0) await sleep(p.pause);
      }
    }, p.name),
  );
  for (const t of threads) await t.join();
  if (plans.filter((p) => p.kind === "R").length >= 2)
    assert(
      maxReaders >= 2,
      `${label}: no two readers were ever inside at the same time: readers must share the lock (one Lock for everybody is not a readers–writers lock)`,
    );
  return visits;
}

const reader = (name: string, arrive: number, hold: number, rounds = 1, pause = 0): Plan => ({
  name,
  kind: "R",
  arrive,
  hold,
  rounds,
  pause,
});
const writer = (name: string, arrive: number, hold: number, rounds = 1, pause = 0): Plan => ({
  name,
  kind: "W",
  arrive,
  hold,
  rounds,
  pause,
});

function firstVisit(visits: Visit[], name: string): Visit {
  const v = visits.find((x) => x.name === name);
  assert(v !== undefined, `${name} never got in`);
  return v;
}

/** Readers share, a writer is alone. */
export async function exclusionAndSharing() {
  await runPlans(
    [
      reader("Reader-1", 0, 5),
      reader("Reader-2", 1, 5),
      writer("Writer-1", 2, 3),
      reader("Reader-3", 7, 2),
      writer("Writer-2", 12, 2),
    ],
    "two readers, then a writer",
  );
}

/** A steady stream of readers must not keep a writer out, nor a stream of writers a reader. */
export async function noStarvation() {
  // Three readers whose reads overlap all the time; a writer arrives at t = 2.
  const v1 = await runPlans(
    [
      reader("Reader-1", 0, 4, 6, 1),
      reader("Reader-2", 2, 4, 6, 1),
      reader("Reader-3", 4, 4, 6, 1),
      writer("Writer", 3, 2),
    ],
    "a writer among busy readers",
  );
  const w = firstVisit(v1, "Writer");
  assert(
    w.entered - w.asked <= 8,
    `a writer among busy readers: the writer asked at ${w.asked} and got in at ${w.entered} virtual ms, after readers who arrived later went in before it — with readers always inside, it starves. Once a writer waits, new readers must queue behind it.`,
  );
  // Two writers that take turns; a reader arrives at t = 1.
  const v2 = await runPlans(
    [writer("Writer-1", 0, 3, 6), writer("Writer-2", 0, 3, 6), reader("Reader", 1, 1), reader("Reader-late", 2, 1)],
    "a reader among busy writers",
  );
  const r = firstVisit(v2, "Reader");
  assert(
    r.entered - r.asked <= 6,
    `a reader among busy writers: the reader asked at ${r.asked} and got in at ${r.entered} virtual ms, while the writers went again and again — it starves. Once a reader waits, a writer that comes back must queue behind it.`,
  );
}

/** First come, first served: nobody overtakes a thread that waits longer. */
export async function firstComeFirstServed() {
  const v1 = await runPlans(
    [reader("Reader-1", 0, 5), writer("Writer", 1, 2), reader("Reader-2", 2, 1), reader("Reader-3", 3, 1)],
    "a writer waits, then readers arrive",
  );
  const w = firstVisit(v1, "Writer");
  for (const name of ["Reader-2", "Reader-3"]) {
    const r = firstVisit(v1, name);
    assert(
      r.order > w.order,
      `${name} arrived after the writer but got in before it: a fair lock serves in order of arrival`,
    );
  }
  const v2 = await runPlans(
    [writer("Writer-1", 0, 5), reader("Reader-1", 1, 2), reader("Reader-2", 1, 2), writer("Writer-2", 2, 1)],
    "a reader waits, then a writer arrives",
  );
  const w2 = firstVisit(v2, "Writer-2");
  for (const name of ["Reader-1", "Reader-2"]) {
    const r = firstVisit(v2, name);
    assert(
      r.order < w2.order,
      `Writer-2 arrived after ${name} but got in before it: a fair lock serves in order of arrival`,
    );
  }
  assert(
    Math.abs(firstVisit(v2, "Reader-1").entered - firstVisit(v2, "Reader-2").entered) < 0.5,
    "two readers waiting one behind the other must go in together when their turn comes",
  );
}
