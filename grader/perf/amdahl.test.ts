import { describe, expect, it } from "vitest";
import { amdahlLimit, amdahlSpeedup, karpFlatt, maxSerialFraction } from "./amdahl";
import { serialPart } from "./serial";

describe("Amdahl and Karp–Flatt", () => {
  it("Amdahl's law and its limit", () => {
    expect(amdahlSpeedup(0, 8)).toBe(8);
    expect(amdahlSpeedup(1, 8)).toBe(1);
    expect(amdahlSpeedup(0.2, 4)).toBeCloseTo(2.5, 12);
    expect(amdahlLimit(0.2)).toBe(5);
    expect(amdahlLimit(0)).toBe(Infinity);
  });

  it("Karp–Flatt recovers the serial fraction Amdahl's law was given", () => {
    for (const f of [0, 0.05, 0.2, 0.38, 1])
      for (const p of [2, 4, 8, 64]) expect(karpFlatt(amdahlSpeedup(f, p), p)).toBeCloseTo(f, 12);
    expect(karpFlatt(1, 1)).toBeNull();
  });

  it("the largest serial fraction that still reaches a target speedup", () => {
    expect(maxSerialFraction(2.5, 4)).toBeCloseTo(0.2, 12);
    expect(amdahlSpeedup(maxSerialFraction(3, 8), 8)).toBeCloseTo(3, 12);
  });
});

describe("the serial part", () => {
  it("is the smallest range of lines holding most of the serial time, in the preferred file", () => {
    const profile = {
      serialTime: 100,
      parallelTime: 50,
      serial: [
        { file: "mine.ts", line: 14, time: 40 },
        { file: "mine.ts", line: 12, time: 25 },
        { file: "mine.ts", line: 20, time: 20 },
        { file: "mine.ts", line: 40, time: 1 },
        { file: "harness.ts", line: 3, time: 14 },
      ],
    };
    expect(serialPart(profile, "mine.ts")).toMatchObject({
      file: "mine.ts",
      from: 12,
      to: 20,
      text: "lines 12–20 of mine.ts",
    });
    expect(serialPart(profile)!.file).toBe("mine.ts");
    expect(serialPart({ serialTime: 0, parallelTime: 0, serial: [] })).toBeNull();
  });
});
