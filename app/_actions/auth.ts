"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/server/auth/client-address";
import { requireUser } from "@/server/auth/guards";
import { endAllSessions, endSession, startSession } from "@/server/auth/start-session";
import { changePassword } from "@/server/users/change-password";
import { formStateFromError, type FormState } from "../_lib/form-state";

// Server actions deliver, they do not decide: read the form, call server/, map the outcome.
// Bad input comes back as form state (shown on the form), never as an exception.
// Log-in and sign-up are route handlers (app/api/auth/*): they must be able to answer 429.

// POST (header "Log out" button)
export async function logOutAction(): Promise<void> {
  await endSession();
  redirect("/");
}

// POST (/account "Log out everywhere"): every session of the user ends, this one too.
export async function logOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await endAllSessions(user.id);
  redirect("/login");
}

// POST (/account "Change password"): every other session ends; this browser gets a new one.
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/account");
  try {
    await changePassword(
      user.id,
      { currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") },
      { ip: clientAddress(await headers()) },
    );
    await startSession(user.id);
  } catch (error) {
    return formStateFromError(error, {});
  }
  return {
    message: null,
    fieldErrors: {},
    values: { done: "Your password was changed. Other sessions were logged out." },
  };
}
