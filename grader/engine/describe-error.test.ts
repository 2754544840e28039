import { describe, expect, it } from "vitest";
import { describeError } from "./scheduler";

describe("describeError", () => {
  it("says which export is missing when a harness calls a name the solution lacks", () => {
    expect(describeError(new TypeError("(0 , solution_1.countConcurrently) is not a function"))).toBe(
      "the solution does not export `countConcurrently`, which the exercise calls ((0 , solution_1.countConcurrently) is not a function)",
    );
  });

  it("leaves other errors as they are", () => {
    expect(describeError(new TypeError("(0 , helpers_1.f) is not a function"))).toBe(
      "TypeError: (0 , helpers_1.f) is not a function",
    );
    expect(describeError(new Error("boom"))).toBe("Error: boom");
    expect(describeError("text")).toBe('"text"');
  });
});
