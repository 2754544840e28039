import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { staleBuildReason, writeBuildStamp } from "./build-stamp.mjs";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "interleave-stamp-"));
  mkdirSync(path.join(root, "app"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;\n");
  writeFileSync(path.join(root, "package-lock.json"), "{}\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeBuild(): void {
  mkdirSync(path.join(root, ".next"), { recursive: true });
  writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
}

describe("build stamp", () => {
  it("asks for a build when there is none, or one npm start did not make", () => {
    expect(staleBuildReason(root)).toBe("no production build in .next");
    fakeBuild();
    expect(staleBuildReason(root)).toBe("the build in .next was not made by npm start");
  });

  it("is current after a build and stale after a source or lockfile edit, not after a test edit", () => {
    fakeBuild();
    writeBuildStamp(root);
    expect(staleBuildReason(root)).toBeNull();

    writeFileSync(path.join(root, "app", "page.test.ts"), "// tests are not bundled\n");
    expect(staleBuildReason(root)).toBeNull();

    writeFileSync(path.join(root, "app", "page.tsx"), "export default 2;\n");
    expect(staleBuildReason(root)).toBe("sources changed since the last build");
    writeBuildStamp(root);
    writeFileSync(path.join(root, "package-lock.json"), '{"changed":true}\n');
    expect(staleBuildReason(root)).toBe("sources changed since the last build");
  });
});
