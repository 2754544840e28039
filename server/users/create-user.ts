import { Prisma } from "@prisma/client";
import { hashPassword } from "../auth/password";
import { parseRole, type Role } from "../auth/roles";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { CreateUserInput } from "./create-user.schema";

export type CreatedUser = { id: string; email: string; displayName: string; role: Role };

export type CreateUserOptions = { role?: Role; db?: Db };

/** Sign up. Throws AppError "validation-failed" (per field) or "email-taken". */
export async function createUser(
  input: unknown,
  { role = "student", db = getDb() }: CreateUserOptions = {},
): Promise<CreatedUser> {
  const { email, displayName, password } = parseInput(CreateUserInput, input);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw emailTaken();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({
      data: { email, displayName, passwordHash, role },
      select: { id: true, email: true, displayName: true, role: true },
    });
    return { ...user, role: parseRole(user.role) };
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser gets the form error.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
    throw error;
  }
}

function emailTaken(): AppError {
  return new AppError("email-taken", "An account with this email already exists.", {
    email: ["An account with this email already exists."],
  });
}
