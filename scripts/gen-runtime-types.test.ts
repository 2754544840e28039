import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { declarationsFileContent, TYPES_FILE } from "./gen-runtime-types";

describe("public/interleave.d.ts", () => {
  it("matches the runtime's API (run `npm run gen:types` after changing it)", () => {
    expect(readFileSync(TYPES_FILE, "utf8")).toBe(declarationsFileContent());
  });
});
