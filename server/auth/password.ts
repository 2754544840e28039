import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { HashGate } from "./hash-gate";

// Argon2id through @node-rs/argon2: a prebuilt native binding whose hash and verify run on
// libuv's thread pool, so a flood of log-ins does not take the web process's only JS thread
// (pure-JS bcrypt spent ~250 ms of it per attempt). Parameters: OWASP's first Argon2id
// recommendation (19 MiB, 2 passes, 1 lane).
// `Algorithm` is an ambient const enum (unusable under isolatedModules): 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// bcrypt reads at most 72 bytes of a password and silently ignores the rest; Argon2 has no such
// limit. Old bcrypt hashes are only ever compared with passwords that fit.
export const BCRYPT_MAX_BYTES = 72;

// One gate per process (kept on globalThis: Next.js may load this module in several bundles).
const holder = globalThis as typeof globalThis & { interleaveHashGate?: HashGate };
const gate = (holder.interleaveHashGate ??= new HashGate());

export function hashPassword(password: string): Promise<string> {
  return gate.run(() => argon2Hash(password, ARGON2_OPTIONS));
}

export type PasswordCheck = { matches: boolean; needsRehash: boolean };

/** Check a password against an Argon2id hash, or a bcrypt hash from before Argon2 (rehash it then). */
export async function checkPassword(password: string, storedHash: string): Promise<PasswordCheck> {
  if (isBcryptHash(storedHash)) {
    // Refused rather than cut: "x".repeat(72) + "anything" must not open an account whose
    // password is "x".repeat(72).
    if (Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) return { matches: false, needsRehash: false };
    const matches = await gate.run(() => bcrypt.compare(password, storedHash));
    return { matches, needsRehash: matches };
  }
  if (!storedHash.startsWith("$argon2")) return { matches: false, needsRehash: false };
  const matches = await gate.run(() => argon2Verify(storedHash, password).catch(() => false));
  return { matches, needsRehash: matches && !storedHash.startsWith(CURRENT_PREFIX) };
}

export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  return (await checkPassword(password, storedHash)).matches;
}

export function isBcryptHash(storedHash: string): boolean {
  return /^\$2[aby]\$\d\d\$/.test(storedHash);
}

const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

// Compared against when the email is unknown, so a log-in takes as long whether or not the
// account exists (no account enumeration by timing). The hash of a random string nobody knows,
// with the current parameters.
export const UNUSABLE_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$44vgCccYKGBclehGMWF8/A$m2hqljUumNI0Gt2sQbnY9PfYYhHLQVeHrK7TNOLyWp4";
