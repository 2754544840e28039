// `npm run db:seed` (also run by `npm start` and `prisma migrate reset`): idempotent.
import { getDb } from "../server/db";
import { getEnv } from "../server/env";
import { seedDemoUsers } from "../server/users/seed-demo-users";

async function main(): Promise<void> {
  if (!getEnv().DEMO_USERS) {
    console.log("seed: DEMO_USERS=false, no demo accounts created");
    return;
  }
  const outcomes = await seedDemoUsers();
  console.log("seed: demo accounts (log in at /login):");
  for (const { email, password, role, created } of outcomes) {
    console.log(`  ${role.padEnd(10)} ${email}  password: ${password}${created ? "  (created)" : ""}`);
  }
}

try {
  await main();
} finally {
  await getDb().$disconnect();
}
