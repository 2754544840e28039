"use server";

import { getCurrentUser } from "@/server/auth/guards";
import { isAppError } from "@/server/errors";
import { getScheduleStep, type ScheduleStepView } from "@/server/play/get-schedule-step";
import { requestScheduleStep } from "@/server/play/request-schedule-step";

// "You are the scheduler" (issue 14): the play page asks for a step and polls it. Actions
// deliver, they do not decide: server/play/ checks ownership and bounds; the worker runs it.

// POST (play page: a step, undo, restart, or opening a shared link)
export async function requestStepAction(input: {
  submissionId: string;
  checkId: string;
  decisions: string;
}): Promise<{ id: string } | { error: string }> {
  const user = await getCurrentUser();
  if (!user) return { error: "Log in to play a schedule." };
  try {
    return await requestScheduleStep(user.id, input);
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

// POST (play page: polling a step it asked for)
export async function readStepAction(id: string): Promise<ScheduleStepView | null> {
  const user = await getCurrentUser();
  if (!user || typeof id !== "string") return null;
  return getScheduleStep(user.id, id);
}
