import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "./derive-schema";
import { listMigrations, PG_MIGRATIONS_DIR } from "./migrate";

// `npm run db:pg:sync` — rewrite prisma/postgres/schema.prisma from prisma/schema.prisma and
// generate its client (node_modules/.prisma/client-pg).
// `npm run db:pg:sync -- --migration <name>` — also write the PostgreSQL migration from the
// previous PostgreSQL schema to the new one (prisma migrate diff; it connects through the adapter,
// so it needs a server: DATABASE_URL=postgres://… or, when unset, scripts/postgres-local.sh start).
// After a merge that added models to prisma/schema.prisma, this one command brings PostgreSQL along.

const root = path.resolve(import.meta.dirname, "../..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgres/schema.prisma");
const prisma = path.join(root, "node_modules/.bin/prisma");

const args = process.argv.slice(2);
const nameAt = args.indexOf("--migration");
const migrationName = nameAt >= 0 ? args[nameAt + 1] : undefined;
if (nameAt >= 0 && !/^[a-z0-9_]+$/.test(migrationName ?? "")) {
  console.error("usage: npm run db:pg:sync [-- --migration <name, lower_snake_case>]");
  process.exit(2);
}

const previous = existsSync(target) ? readFileSync(target, "utf8") : null;
const next = derivePostgresSchema(readFileSync(source, "utf8"));
writeFileSync(target, next);
console.log(
  previous === next ? "prisma/postgres/schema.prisma: unchanged" : "prisma/postgres/schema.prisma: rewritten",
);

if (migrationName) {
  let url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    url = execFileSync(path.join(root, "scripts/postgres-local.sh"), ["start"], { encoding: "utf8" }).trim();
  }
  const scratch = mkdtempSync(path.join(tmpdir(), "interleave-pg-diff-"));
  try {
    const from =
      previous !== null && listMigrations().length > 0
        ? ["--from-schema-datamodel", writeTo(path.join(scratch, "previous.prisma"), previous)]
        : ["--from-empty"];
    const sql = execFileSync(
      prisma,
      [
        "migrate",
        "diff",
        "--config",
        "prisma/postgres/prisma.config.ts",
        ...from,
        "--to-schema-datamodel",
        target,
        "--script",
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] },
    );
    if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
      console.log("no model changes: no migration written");
    } else {
      // Migrations apply in name order: a new one sorts after every existing one, whatever the clock says.
      const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const last = listMigrations().at(-1)?.slice(0, 14) ?? "0";
      const stamp = now > last ? now : String(BigInt(last) + 1n);
      const dir = path.join(PG_MIGRATIONS_DIR, `${stamp}_${migrationName}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), sql);
      console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

execFileSync(process.execPath, [path.join(root, "prisma/postgres/generate-client.mjs"), "--quiet"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
});
console.log("PostgreSQL client generated (node_modules/.prisma/client-pg)");

function writeTo(file: string, text: string): string {
  writeFileSync(file, text);
  return file;
}
