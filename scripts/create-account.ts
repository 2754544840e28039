// `npm run account:create -- --email ada@uni.edu --name "Ada L." --role instructor`
// The way to make instructor and admin accounts (sign-up only ever makes students, and the demo
// accounts exist only on a local server). The password is read from standard input when it is
// piped (`echo "$PW" | npm run account:create -- …`); otherwise a random one is generated and
// printed once. An existing account gets the role (and, with --reset-password, a new password:
// its sessions end).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "../server/auth/password";
import { Role } from "../server/auth/roles";
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import { createUser } from "../server/users/create-user";
import { NewPassword } from "../server/users/create-user.schema";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "student" },
      "reset-password": { type: "boolean", default: false },
    },
  });
  const role = Role.safeParse(values.role);
  if (!values.email || !values.name || !role.success) {
    console.error(
      'Usage: npm run account:create -- --email EMAIL --name "NAME" [--role student|instructor|admin] [--reset-password]',
    );
    return 2;
  }
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
  const generated = process.stdin.isTTY ? randomBytes(15).toString("base64url") : null;
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { role: role.data } });
    console.log(`account: ${existing.email} exists; role set to ${role.data}`);
    if (!values["reset-password"]) return 0;
    const parsed = NewPassword.safeParse(generated ?? (await readStdin()));
    if (!parsed.success) {
      console.error(`✗ password: ${parsed.error.issues[0]?.message}`);
      return 2;
    }
    await db.$transaction([
      db.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(parsed.data) } }),
      db.session.deleteMany({ where: { userId: existing.id } }),
    ]);
    console.log(`  password reset; every session of the account ended${generated ? `\n  password: ${generated}` : ""}`);
    return 0;
  }
  const password = generated ?? (await readStdin());
  try {
    const user = await createUser({ email: values.email, displayName: values.name, password }, { role: role.data, db });
    console.log(`account: ${user.email} created as ${user.role}`);
    if (generated) console.log(`  password: ${generated}  (shown once: hand it over, then change it at /account)`);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages?.join(" ")}`);
    console.error(`✗ ${error.message}\n  ${fields.join("\n  ")}`);
    return 2;
  }
}

try {
  process.exitCode = await main();
} finally {
  await getDb().$disconnect();
}
