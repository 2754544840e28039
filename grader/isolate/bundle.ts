// The runtime that runs inside every isolate, bundled once per process from
// grader/isolate/boot.ts. esbuild keeps it one plain script with no imports.

import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

export function runtimeBundle(): string {
  if (cached === null) {
    const entry = fileURLToPath(new URL("./boot.ts", import.meta.url));
    const out = buildSync({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      target: "es2022",
      minify: false,
      legalComments: "none",
      logLevel: "silent",
    });
    cached = out.outputFiles[0]!.text;
  }
  return cached;
}
