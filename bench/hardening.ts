// Section (h) of `npm run bench` (issue 9): what the hardening costs. The runtime as it was
// before issue 9 (commit BEFORE_HARDENING: engine state in plain properties, unfrozen
// instances, eval allowed) is rebuilt from git history and timed against this tree's runtime
// on the same program, in alternating slices of one run (bench/throughput.ts), so the ratio
// meets the machine's noise on both sides. Goal: at most 10% slower.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

/** main before the issue-9 work began. */
export const BEFORE_HARDENING = "82c5f1a";

/** The runtime bundle of `commit`, built as grader/isolate/bundle.ts builds today's; null without git history. */
export function runtimeBundleAt(commit: string, cwd: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), "interleave-runtime-"));
  try {
    const archive = execFileSync("git", ["archive", "--format=tar", commit, "grader"], {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
    const out = buildSync({
      entryPoints: [path.join(dir, "grader", "runtime", "boot.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      target: "es2022",
      minify: false,
      legalComments: "none",
      logLevel: "silent",
    });
    return out.outputFiles[0]!.text;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
