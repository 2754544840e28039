import type { Db } from "../../db";

/** Options every queue operation takes: the database and the clock are injectable for tests. */
export type QueueOptions = {
  db?: Db;
  now?: Date;
};

/** How long a claim holds a job before another worker may take it (renewed while grading). */
export const DEFAULT_LEASE_MS = 30_000;

export function leaseEnd(now: Date, leaseMs: number): Date {
  return new Date(now.getTime() + leaseMs);
}
