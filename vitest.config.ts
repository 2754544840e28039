import path from "node:path";
import { defineConfig } from "vitest/config";

// Vitest 4.1 (5.x needs Node 22). isolated-vm 5.0.4 on Node 20 needs --no-node-snapshot in
// every process that loads it, so tests run in forked workers with that flag.
export default defineConfig({
  // The app's "@/…" imports (tsconfig paths), for tests of route handlers.
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "exercises/**"],
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
