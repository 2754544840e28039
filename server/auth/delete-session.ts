import { getDb, type Db } from "../db";
import { hashSessionToken } from "./session-token";

/** Log out: forget the session server-side, so the cookie is useless even if it was copied. */
export async function deleteSession(token: string, db: Db = getDb()): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}
