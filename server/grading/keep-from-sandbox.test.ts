import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keepFromSandbox, sqliteFiles } from "./keep-from-sandbox";

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const dropped = { uid: NOBODY, droppedPrivileges: true, networkIsolated: true, summary: "" };
const kept = { uid: 0, droppedPrivileges: false, networkIsolated: false, summary: "" };

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function database(): string {
  dir = mkdtempSync(path.join(tmpdir(), "keep-from-sandbox-"));
  chmodSync(dir, 0o755);
  const file = path.join(dir, "interleave.db");
  for (const f of [file, `${file}-wal`]) {
    writeFileSync(f, "secret");
    chmodSync(f, 0o644);
  }
  return file;
}

/** Can uid 65534 read the file? (Run as root only.) */
const nobodyReads = (file: string) =>
  spawnSync(process.execPath, ["-e", `require("node:fs").readFileSync(${JSON.stringify(file)})`], {
    uid: NOBODY,
    gid: NOBODY,
    stdio: "ignore",
  }).status === 0;

describe("the database is kept from the sandbox's user", () => {
  it.skipIf(!isRoot)("as root with a dropped sandbox: the database and its journal become unreadable to nobody", () => {
    const file = database();
    expect(nobodyReads(file)).toBe(true);
    const changed = keepFromSandbox(sqliteFiles(file), dropped);
    expect(changed).toEqual([file, `${file}-wal`]);
    expect(nobodyReads(file)).toBe(false);
    expect(nobodyReads(`${file}-wal`)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("a sandbox that runs as the worker's own user: nothing to gain, nothing changed", () => {
    const file = database();
    expect(keepFromSandbox(sqliteFiles(file), kept)).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });
});
