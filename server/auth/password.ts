import bcrypt from "bcryptjs";

// bcryptjs (pure JS) instead of argon2/bcrypt: no native build and no prebuilt download.
// Cost 12 takes a few hundred milliseconds here, the usual target for interactive logins.
const COST = 12;

export function hashPassword(password: string, cost = COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a login takes as long whether or not the
// account exists (no account enumeration by timing).
// A cost-12 hash of a random string nobody knows (precomputed: hashing at import costs 250 ms).
export const UNUSABLE_PASSWORD_HASH = "$2b$12$vWXH78JpV6All7zOCv/jIOaSt47xzbBdkjg0AKXhX.y8z5hUtpa36";
