import { chmodSync, existsSync, statSync } from "node:fs";
import type { SandboxPool } from "../../grader/index";

// A sandbox that runs as another user (nobody, when the worker runs as root) can still read
// every world-readable file, and Prisma creates the SQLite file world-readable (0644): password
// hashes and every student's code. So the grading worker takes read access to the database file
// (and its journal files) and to a .env away from everyone but its owner. The project itself
// stays readable: the sandbox loads its code from there (grader/workers/isolation.ts).

/** The files of a SQLite database: the file and the journals SQLite keeps beside it. */
export function sqliteFiles(databaseFile: string): string[] {
  return [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`];
}

/** chmod go-rwx the files that exist; returns the ones changed. Nothing when the sandbox is us. */
export function keepFromSandbox(files: string[], isolation: SandboxPool["isolation"]): string[] {
  if (!isolation.droppedPrivileges) return [];
  const changed: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) === 0) continue;
    chmodSync(file, mode & 0o700);
    changed.push(file);
  }
  return changed;
}
