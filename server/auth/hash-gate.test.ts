import { describe, expect, it } from "vitest";
import { HashGate, PasswordCheckBusy } from "./hash-gate";

/** A task that finishes when told to, recording how many tasks run at once. */
function controlled(gate: HashGate, peak: { value: number }) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const result = gate.run(async () => {
    peak.value = Math.max(peak.value, gate.running);
    await done;
    return "done";
  });
  return { finish, result };
}

describe("HashGate", () => {
  it("runs at most `limit` checks at once and the rest in order", async () => {
    const gate = new HashGate(2, 10);
    const peak = { value: 0 };
    const tasks = Array.from({ length: 5 }, () => controlled(gate, peak));
    await Promise.resolve();
    expect(gate.running).toBe(2);
    expect(gate.waiting).toBe(3);
    for (const task of tasks) {
      task.finish();
      await task.result;
    }
    expect(peak.value).toBe(2);
    expect(gate.running).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it("turns an attempt away at once when the line is full", async () => {
    const gate = new HashGate(1, 2);
    const peak = { value: 0 };
    const tasks = Array.from({ length: 3 }, () => controlled(gate, peak));
    await expect(gate.run(async () => "late")).rejects.toBeInstanceOf(PasswordCheckBusy);
    for (const task of tasks) task.finish();
    await Promise.all(tasks.map((task) => task.result));
    // With room again, nobody is turned away.
    await expect(gate.run(async () => "fine")).resolves.toBe("fine");
  });

  it("frees the slot when a check fails", async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run(async () => "next")).resolves.toBe("next");
  });
});
