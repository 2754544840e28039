import { fileURLToPath } from "node:url";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Vitest 4.1 (5.x needs Node 22). isolated-vm 5.0.4 on Node 20 needs --no-node-snapshot in
// every process that loads it, so tests run in forked workers with that flag.
// `import "server-only"` (server code that must never reach a client bundle) throws outside
// React's server condition, which Next.js sets and plain Node does not: tests get its empty
// module, as the server does.
export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
      // The app's "@/…" imports (tsconfig paths), for tests of route handlers.
      "@": path.resolve(import.meta.dirname),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "exercises/**"],
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
