import { z } from "zod";
import { NewPassword } from "./create-user.schema";

export const ChangePasswordInput = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(200, "Passwords are at most 200 characters."),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;
