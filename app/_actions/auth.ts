"use server";

import { redirect } from "next/navigation";
import { safeReturnPath } from "@/server/auth/safe-return-path";
import { endSession, startSession } from "@/server/auth/start-session";
import { authenticateUser } from "@/server/users/authenticate-user";
import { createUser } from "@/server/users/create-user";
import { formStateFromError, formValues, stringField, type FormState } from "../_lib/form-state";

// Server actions deliver, they do not decide: read the form, call server/, map the outcome.
// Bad input comes back as form state (shown on the form), never as an exception.

// POST /login
export async function logInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email"]);
  try {
    const user = await authenticateUser({ email: formData.get("email"), password: formData.get("password") });
    await startSession(user.id);
  } catch (error) {
    return formStateFromError(error, values);
  }
  redirect(safeReturnPath(stringField(formData, "next")));
}

// POST /signup
export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email", "displayName"]);
  try {
    const user = await createUser({
      email: formData.get("email"),
      displayName: formData.get("displayName"),
      password: formData.get("password"),
    });
    await startSession(user.id);
  } catch (error) {
    return formStateFromError(error, values);
  }
  redirect(safeReturnPath(stringField(formData, "next")));
}

// POST (header "Log out" button)
export async function logOutAction(): Promise<void> {
  await endSession();
  redirect("/");
}
