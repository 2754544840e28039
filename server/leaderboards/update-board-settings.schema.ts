import { z } from "zod";

export const UpdateBoardSettingsInput = z.object({
  /** Empty: use the display name. */
  pseudonym: z
    .string()
    .trim()
    .max(40, "Pseudonyms are at most 40 characters.")
    .refine((value) => !value.includes("@"), "A pseudonym cannot contain @ (it must not look like an email)."),
  optOut: z.boolean(),
});
export type UpdateBoardSettingsInput = z.infer<typeof UpdateBoardSettingsInput>;
