// Generates the PostgreSQL client (node_modules/.prisma/client-pg) from prisma/postgres/schema.prisma,
// with no database and no network (npm's postinstall, npm run db:pg:sync). The schema reads its URL
// from DATABASE_URL, and the root prisma.config.ts sets that to the SQLite file unless it already is
// a postgres:// URL: with a file: URL the PostgreSQL schema does not validate, and Prisma 6 then
// tries to download an engine (ENOTFOUND binaries.prisma.sh). Generating connects to nothing, so a
// placeholder URL is enough.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const url = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")
  ? process.env.DATABASE_URL
  : "postgresql://generate@127.0.0.1:5432/generate";
execFileSync(path.join(root, "node_modules/.bin/prisma"), ["generate", "--schema", "prisma/postgres/schema.prisma"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url },
  stdio: ["ignore", process.argv.includes("--quiet") ? "ignore" : "inherit", "inherit"],
});
