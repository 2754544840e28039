import { z } from "zod";

export const CreateApiTokenInput = z.object({
  name: z
    .string({ error: "Name the token (say, the script that uses it)." })
    .trim()
    .min(1, "Name the token (say, the script that uses it).")
    .max(60, "At most 60 characters."),
});

/** A user keeps at most this many tokens: revoke one to make another. */
export const MAX_API_TOKENS = 10;
