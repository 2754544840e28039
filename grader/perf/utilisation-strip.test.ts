import { describe, expect, it } from "vitest";
import { utilisationStrip } from "./utilisation-strip";

describe("utilisationStrip", () => {
  it("gives each bucket the state that filled most of it, and exact totals", () => {
    const strip = utilisationStrip(
      {
        threads: ["A", "B"],
        segments: [
          { thread: "A", state: "busy", from: 0, to: 6 },
          { thread: "A", state: "lock", from: 6, to: 10, target: "L" },
          { thread: "B", state: "gil", from: 2, to: 4 },
          { thread: "B", state: "busy", from: 4, to: 5 },
        ],
        dropped: 0,
      },
      10,
      5,
    )!;
    expect(strip.bucket).toBe(2);
    expect(strip.threads[0]).toEqual({ name: "A", strip: "bbbll", totals: { busy: 6, lock: 4 } });
    // Bucket 2 (4–6 ms) holds 1 ms busy and 1 ms of nothing: busy wins over "not alive".
    expect(strip.threads[1]!.strip).toBe(".gb..");
    expect(strip.partial).toBe(false);
  });

  it("has nothing to draw without a record or a duration", () => {
    expect(utilisationStrip(undefined, 10)).toBeNull();
    expect(utilisationStrip({ threads: ["A"], segments: [], dropped: 0 }, 0)).toBeNull();
  });
});
