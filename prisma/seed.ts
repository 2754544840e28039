// `npm run db:seed` (also run by `npm start` and `prisma migrate reset`): idempotent.
// `--check` only decides, without touching the database: `npm start` runs it before building,
// so a refused configuration stops at once.
import { deleteExpiredSessions } from "../server/auth/delete-expired-sessions";
import { getDb } from "../server/db";
import { getEnv } from "../server/env";
import { decideDemoUsers } from "../server/users/demo-users-policy";
import { removeDemoUsers, seedDemoUsers } from "../server/users/seed-demo-users";

async function main(): Promise<number> {
  const decision = decideDemoUsers(getEnv());
  if (decision.action === "refuse") {
    console.error(`✗ Refusing to start with demo accounts: ${decision.reason}`);
    return 2;
  }
  if (process.argv.includes("--check")) return 0;
  const swept = await deleteExpiredSessions();
  if (swept > 0) console.log(`seed: ${swept} expired sessions deleted`);
  if (decision.action === "remove") {
    const removed = await removeDemoUsers();
    console.log(`seed: no demo accounts (${decision.reason})${removed > 0 ? `; ${removed} removed` : ""}`);
    return 0;
  }
  const outcomes = await seedDemoUsers();
  console.log(`seed: demo accounts for local use (${decision.reason}); log in at /login:`);
  for (const { email, password, role, created } of outcomes) {
    console.log(`  ${role.padEnd(10)} ${email}  password: ${password}${created ? "  (created)" : ""}`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} finally {
  await getDb().$disconnect();
}
