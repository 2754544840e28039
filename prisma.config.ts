import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { absoluteDatabaseUrl, ensureDatabaseFolder, parseEnv, requireSqliteFile } from "./server/env";

// Prisma 6.19.3 with the JS schema engine: the only configuration measured to work with no
// network (7.x downloads its schema engine before any command; 6.x with the classic engine
// downloads binaries). Keep `engineType = "client"` and `url = env("DATABASE_URL")` in
// schema.prisma too: removing either makes the CLI fetch an engine.
// With prisma.config.ts present Prisma does not read .env, so the default lives in server/env.ts.
const env = parseEnv();
ensureDatabaseFolder(env);
process.env.DATABASE_URL = absoluteDatabaseUrl(env);

// `migrate dev` replays the committed migrations into a shadow database, and Prisma 6.19 sends
// each migration file there through executeRaw, which better-sqlite3 prepares as ONE statement:
// any migration with two statements fails with "External error id#0". Send such scripts
// through executeScript, as `migrate deploy` does for the real database.
class ShadowSafeSQLite3 extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    const shadow = await super.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0 || !isScript(query.sql)) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  }
}

function isScript(sql: string): boolean {
  return sql.trim().replace(/;\s*$/, "").includes(";");
}

// The SQLite schema (the embedded default). PostgreSQL has its own: prisma/postgres/ (README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new ShadowSafeSQLite3({ url: requireSqliteFile(env) });
  },
});
