import { z } from "zod";

export const HideBoardEntryInput = z.object({
  userId: z.string().min(1).max(64),
  scope: z.string().regex(/^(site|exercise:[A-Za-z0-9._-]{1,200}|course:[A-Za-z0-9_-]{1,64})$/, "Unknown board."),
  reason: z
    .string({ error: "Say why the entry is hidden." })
    .trim()
    .min(3, "Say why the entry is hidden (at least 3 characters).")
    .max(500, "Reasons are at most 500 characters."),
});
export type HideBoardEntryInput = z.infer<typeof HideBoardEntryInput>;

export const UnhideBoardEntryInput = z.object({ hideId: z.string().min(1).max(64) });
