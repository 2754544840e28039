import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Parse untrusted input; a failure becomes an AppError naming each bad field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("validation-failed", "Please correct the highlighted fields.", fieldErrors);
}
