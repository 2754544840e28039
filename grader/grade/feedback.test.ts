import { describe, expect, it } from "vitest";
import { manifestSchema } from "../exercise/manifest";
import { feedbackFor } from "./grade";

describe("check feedback", () => {
  it("one text applies to every failure", () => {
    expect(feedbackFor("hold the lock", "race")).toBe("hold the lock");
    expect(feedbackFor(undefined, "race")).toBeUndefined();
  });

  it("per-verdict texts pick the one that matches, else the default, else none", () => {
    const f = {
      race: "protect the read-modify-write",
      deadlock: "take the locks in one order",
      default: "read the trace",
    };
    expect(feedbackFor(f, "race")).toBe("protect the read-modify-write");
    expect(feedbackFor(f, "runtime-error")).toBe("read the trace");
    expect(feedbackFor({ race: "only races" }, "deadlock")).toBeUndefined();
  });

  it("the manifest accepts both forms and refuses an unknown verdict", () => {
    const base = {
      id: "x",
      slug: "x",
      title: "Example",
      chapter: 3,
      difficulty: "easy",
      points: 1,
      summary: "an example exercise",
      mutants: [{ file: "mutants/m.ts", verdict: "race", bug: "bug" }],
    };
    const check = (feedback: unknown) => ({
      ...base,
      checks: [{ id: "c", title: "check", export: "c", points: 1, feedback }],
    });
    expect(manifestSchema.safeParse(check("text")).success).toBe(true);
    expect(manifestSchema.safeParse(check({ race: "a", default: "b" })).success).toBe(true);
    expect(manifestSchema.safeParse(check({ raced: "a" })).success).toBe(false);
  });
});
