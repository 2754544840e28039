import { z } from "zod";

export const Email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like ada@example.com." }))
  .transform((email) => email.toLowerCase());

// Argon2id reads every byte (bcrypt, before it, read 72 and ignored the rest): 200 characters
// bound the work per attempt, not the strength.
export const NewPassword = z
  .string({ error: "Choose a password." })
  .min(8, "Passwords need at least 8 characters.")
  .max(200, "Passwords are at most 200 characters.");

// What a visitor may choose when signing up. The role is deliberately not here: it is never
// read from a form (see createUser's `role` option).
export const CreateUserInput = z.object({
  email: Email,
  displayName: z
    .string({ error: "Enter a display name." })
    .trim()
    .min(1, "Enter a display name.")
    .max(60, "Display names are at most 60 characters."),
  password: NewPassword,
});
export type CreateUserInput = z.input<typeof CreateUserInput>;
