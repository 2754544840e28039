import type { PackageFiles } from "./authored-package";

// What /instructor/exercises/new starts from: a small, complete exercise that validates (its
// reference passes, both mutants are caught, the starter scores 0), so an author changes a
// working package instead of facing empty tabs.

export const TEMPLATE_MANIFEST = {
  id: "my-first-exercise",
  slug: "my-first-exercise",
  title: "Count with four threads",
  chapter: 3,
  difficulty: "intro",
  points: 10,
  tags: ["threads", "locks"],
  summary: "Four threads add one each to a shared counter; lose no update and wait for all of them.",
  checks: [
    {
      id: "four-workers",
      title: "Four workers count to four",
      export: "fourWorkers",
      points: 10,
      feedback: "Hold the lock around the read and the write, and join every worker before reading the total.",
    },
  ],
  schedules: { strategy: "portfolio", runs: 100, seed: 1, maxSteps: 20000 },
  mutants: [
    { file: "mutants/no-lock.ts", verdict: "race", bug: "read-modify-write without the lock (lost update)" },
    { file: "mutants/no-join.ts", verdict: "wrong-answer", bug: "reads the total before the workers finished" },
  ],
};

const WORKERS = `  const workers = [];
  for (let i = 0; i < 4; i++) {
    workers.push(
      spawn(async () => {
LOCKED
        const v = await counter.get();
        await counter.set(v + 1);
      }, \`Worker-\${i + 1}\`),
    );
  }
`;

const SIGNATURE = `import { spawn, type Lock, type Shared } from "interleave";

/** Start four threads that each add 1 to \`counter\`; return the total once all are done. */
export async function countToFour(counter: Shared<number>, lock: Lock): Promise<number> {
`;

export const TEMPLATE_FILES: PackageFiles = {
  "statement.md": `# Count with four threads

Start **four** threads with \`spawn\`. Each adds 1 to the shared \`counter\`; then return the total.

- An increment is a read and a write: another thread may run between them. Hold \`lock\`.
- Wait for every thread (\`join\`) before reading the total.

| operation | scheduling point |
| --- | --- |
| \`await counter.get()\` | yes |
| \`await lock.hold()\` | yes |
`,
  "starter.ts": `${SIGNATURE}  // TODO: start the workers, protect the increment, join them.
  return 0;
}
`,
  "reference.ts": `${SIGNATURE}${WORKERS.replace("LOCKED", "        await using _ = await lock.hold();")}  for (const w of workers) await w.join();
  return counter.get();
}
`,
  "harness.ts": `import { assert, Lock, Shared } from "interleave";
import { countToFour } from "./solution";

export async function fourWorkers() {
  const counter = new Shared(0, "counter");
  const total = await countToFour(counter, new Lock("lock"));
  assert(total === 4, \`four workers should count 4, got \${total}\`);
}
`,
  "mutants/no-lock.ts": `${SIGNATURE}${WORKERS.replace("LOCKED\n", "")}  for (const w of workers) await w.join();
  return counter.get();
}
`,
  "mutants/no-join.ts": `${SIGNATURE}${WORKERS.replace("LOCKED", "        await using _ = await lock.hold();")}  return counter.get();
}
`,
};
