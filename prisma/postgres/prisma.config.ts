import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma CLI's configuration for the PostgreSQL schema (`--config prisma/postgres/prisma.config.ts`),
// used only by `npm run db:pg:sync -- --migration <name>` (migrate diff). Migrations are APPLIED by
// our own runner (prisma/postgres/migrate.ts), not `prisma migrate deploy`: Prisma 6.19.3's deploy
// fails on PostgreSQL through the adapter (prisma#27403, "Column type 'name' could not be
// deserialized") and leaves a 10 s timer pending. `migrate diff` needs a connection through the
// adapter even between two schema files; SafePg maps the catalog's "char"/name columns to text
// (shared/notes/postgres-lab.md §4, the tested fix).
class SafePg extends PrismaPg {
  override async connect() {
    return fixCatalogTypes(await super.connect());
  }
  override async connectToShadowDb() {
    return fixCatalogTypes(await super.connectToShadowDb());
  }
}

type PerformIO = (this: unknown, query: unknown) => Promise<unknown>;
type Proto = { performIO: PerformIO; __interleaveFixed?: boolean };

function fixCatalogTypes<T extends object>(adapter: T): T {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Proto;
  if (proto.__interleaveFixed) return adapter;
  proto.__interleaveFixed = true;
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const part of [result].flat() as { fields?: { dataTypeID: number }[] }[])
      for (const field of part.fields ?? [])
        if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

const url = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgres:// URL for this config");

export default defineConfig({
  schema: "schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new SafePg({ connectionString: url, idleTimeoutMillis: 200 });
  },
});
