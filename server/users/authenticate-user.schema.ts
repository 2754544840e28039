import { z } from "zod";
import { Email } from "./create-user.schema";

export const AuthenticateUserInput = z.object({
  email: Email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});
export type AuthenticateUserInput = z.input<typeof AuthenticateUserInput>;
