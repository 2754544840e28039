import type { Role } from "../auth/roles";
import { getDb, type Db } from "../db";
import { createUser } from "./create-user";

// Documented in README.md and printed by `npm start`. Demo accounts for a local install only:
// server/users/demo-users-policy.ts decides whether they exist.
export const DEMO_USERS: readonly { email: string; displayName: string; password: string; role: Role }[] = [
  { email: "student@interleave.dev", displayName: "Demo Student", password: "interleave-student", role: "student" },
  {
    email: "instructor@interleave.dev",
    displayName: "Demo Instructor",
    password: "interleave-instructor",
    role: "instructor",
  },
];

export type SeedOutcome = { email: string; password: string; role: Role; created: boolean };

/** Create the demo accounts that are missing; existing accounts are left exactly as they are. */
export async function seedDemoUsers(db: Db = getDb()): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (!existing) await createUser(demo, { role: demo.role, db });
    outcomes.push({ email: demo.email, password: demo.password, role: demo.role, created: !existing });
  }
  return outcomes;
}

/** Delete the demo accounts; their sessions (and anything else they own) go with them. */
export async function removeDemoUsers(db: Db = getDb()): Promise<number> {
  const emails = DEMO_USERS.map((demo) => demo.email);
  const { count } = await db.user.deleteMany({ where: { email: { in: emails } } });
  return count;
}
