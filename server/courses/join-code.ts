import { randomInt } from "node:crypto";
import { z } from "zod";

// Join codes are read aloud and typed from a projector: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What a student types: case and spaces or dashes do not matter. */
export const JoinCodeInput = z
  .string({ error: "Enter the course's join code." })
  .transform((value) => value.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, "A join code has letters and digits only (like K7MQ3XTA)."));
