import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, readZip, writeZip, ZipError } from "./zip";

const LIMITS = { maxEntries: 10, maxTotalBytes: 10_000 };
const text = (s: string) => new TextEncoder().encode(s);

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("round-trips files, UTF-8 names and empty files, byte for byte", () => {
    const entries = [
      { name: "queue/exercise.json", data: text('{"id":"q"}') },
      { name: "queue/mutants/no-lock.ts", data: text("export const x = 1; // é ✓\n") },
      { name: "queue/fakes/empty.ts", data: new Uint8Array() },
    ];
    const zip = writeZip(entries);
    expect(readZip(zip, LIMITS)).toEqual(entries);
    expect(writeZip(entries)).toEqual(zip); // no timestamps: the same files give the same bytes
  });

  it("is read by a standard unzip, when one is installed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zip-test-"));
    writeFileSync(path.join(dir, "a.zip"), writeZip([{ name: "x/a.ts", data: text("let a = 1;\n") }]));
    let listing: string;
    try {
      listing = execFileSync("python3", ["-m", "zipfile", "-t", path.join(dir, "a.zip")], { encoding: "utf8" });
    } catch {
      return; // no python3 here: the round trip above still holds
    }
    expect(listing).toContain("Done testing");
    execFileSync("python3", ["-m", "zipfile", "-e", path.join(dir, "a.zip"), dir]);
    expect(readFileSync(path.join(dir, "x/a.ts"), "utf8")).toBe("let a = 1;\n");
  });

  it("refuses damaged, truncated, oversized and non-ZIP input", () => {
    const zip = writeZip([{ name: "a.ts", data: text("hello") }]);
    const damaged = zip.slice();
    damaged[30 + "a.ts".length] ^= 0xff; // first data byte
    expect(() => readZip(damaged, LIMITS)).toThrow(/CRC-32 mismatch/);
    expect(() => readZip(zip.slice(0, 20), LIMITS)).toThrow(ZipError);
    expect(() => readZip(text("not a zip at all, just text"), LIMITS)).toThrow(/not a ZIP/);
    expect(() => readZip(zip, { maxEntries: 10, maxTotalBytes: 4 })).toThrow(/too large/);
    const many = writeZip(Array.from({ length: 3 }, (_, i) => ({ name: `${i}.ts`, data: text("x") })));
    expect(() => readZip(many, { maxEntries: 2, maxTotalBytes: 100 })).toThrow(/too many files/);
  });
});
