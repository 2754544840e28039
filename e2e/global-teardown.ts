import { rmSync } from "node:fs";

// The throwaway database folder made in playwright.config.ts (the server is stopped by then).
export default function globalTeardown(): void {
  const dir = process.env.E2E_DIR;
  if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
}
