import { describe, expect, it } from "vitest";
import { plainTitle, titleParts } from "./inline-title";

describe("exercise titles with inline code", () => {
  it("splits code spans out of the title", () => {
    expect(titleParts("Break it: `if` instead of `while` around wait()")).toEqual([
      { code: false, text: "Break it: " },
      { code: true, text: "if" },
      { code: false, text: " instead of " },
      { code: true, text: "while" },
      { code: false, text: " around wait()" },
    ]);
    expect(plainTitle("A bank account with `with lock:`")).toBe("A bank account with with lock:");
  });

  it("leaves a title without backticks, or with an unpaired one, as it is", () => {
    expect(titleParts("Dining philosophers")).toEqual([{ code: false, text: "Dining philosophers" }]);
    expect(titleParts("a ` b")).toEqual([{ code: false, text: "a ` b" }]);
    expect(plainTitle("a ` b")).toBe("a ` b");
  });
});
