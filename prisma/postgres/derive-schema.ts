// prisma/schema.prisma is the ONE source of the models (the SQLite schema of the embedded
// default). Prisma cannot switch providers at run time, so the PostgreSQL schema is derived
// from it: same models, another datasource, a client generated to its own folder. Never edit
// prisma/postgres/schema.prisma by hand: `npm run db:pg:sync` rewrites it, and
// schema.test.ts fails when it is out of step with the source.

/** Where the PostgreSQL client is generated, relative to prisma/postgres/schema.prisma. */
export const PG_CLIENT_OUTPUT = "../../node_modules/.prisma/client-pg";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:pg:sync\`: do not edit.
// Add or change models in prisma/schema.prisma, then run \`npm run db:pg:sync -- --migration <name>\`
// (README, "PostgreSQL"). Same models; the datasource is PostgreSQL and the client is generated to
// node_modules/.prisma/client-pg (server/db.ts loads it when DATABASE_URL is postgres://).
`;

export function derivePostgresSchema(source: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  const generator = /generator\s+client\s*\{[^}]*\}/;
  if (!datasource.test(source) || !generator.test(source)) {
    throw new Error("prisma/schema.prisma must have `generator client { … }` and `datasource db { … }` blocks");
  }
  const body = source
    .replace(
      datasource,
      `datasource db {\n  provider = "postgresql"\n  // Kept although the adapter opens the database: removing it makes Prisma 6 download an engine.\n  url      = env("DATABASE_URL")\n}`,
    )
    .replace(
      generator,
      `generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n  output     = "${PG_CLIENT_OUTPUT}"\n}`,
    );
  return `${HEADER}\n${body}`;
}
