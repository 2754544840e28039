"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/server/api-tokens/api-tokens";
import { requireUser } from "@/server/auth/guards";
import { formStateFromError, stringField, type FormState } from "../_lib/form-state";

// POST (/account "Create token"): the new token is handed back once, in the form state, and
// never again (only its hash is stored).
export async function createApiTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/account");
  const name = stringField(formData, "name");
  try {
    const { token } = await createApiToken(user.id, { name });
    revalidatePath("/account");
    return { message: null, fieldErrors: {}, values: { token, name } };
  } catch (error) {
    return formStateFromError(error, { name });
  }
}

// POST (/account "Revoke" beside a token).
export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const user = await requireUser("/account");
  await revokeApiToken(user.id, formData.get("tokenId"));
  revalidatePath("/account");
}
