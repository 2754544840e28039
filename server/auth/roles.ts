import { z } from "zod";

// Ordered from least to most privileged: a role may do everything the roles before it may.
export const ROLES = ["student", "instructor", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** Roles are strings in SQLite; an unknown value is treated as the least privileged role. */
export function parseRole(value: string): Role {
  const parsed = Role.safeParse(value);
  return parsed.success ? parsed.data : "student";
}
