import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { absoluteDatabaseUrl, ensureDatabaseFolder, parseEnv } from "./server/env";

// Prisma 6.19.3 with the JS schema engine: the only configuration measured to work with no
// network (7.x downloads its schema engine before any command; 6.x with the classic engine
// downloads binaries). Keep `engineType = "client"` and `url = env("DATABASE_URL")` in
// schema.prisma too: removing either makes the CLI fetch an engine.
// With prisma.config.ts present Prisma does not read .env, so the default lives in server/env.ts.
const env = parseEnv();
ensureDatabaseFolder(env);
process.env.DATABASE_URL = absoluteDatabaseUrl(env);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaBetterSQLite3({ url: env.databaseFile });
  },
});
