import type { Role } from "../auth/roles";
import { getDb, type Db } from "../db";
import { createUser } from "./create-user";

// Documented in README.md and printed by `npm start`. Demo accounts for a local install;
// set DEMO_USERS=false on a shared server.
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
