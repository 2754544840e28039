#!/usr/bin/env node
// `npm run db:deploy`: apply the committed migrations to DATABASE_URL — `prisma migrate deploy` on
// SQLite, our runner (prisma/postgres/migrate.ts) on PostgreSQL (see prisma/postgres/prisma.config.ts
// for why not Prisma's deploy there).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || "");
const [command, args] = postgres
  ? [process.execPath, ["--import", "tsx", "prisma/postgres/migrate.ts"]]
  : [path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"]];
const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
