"use server";

import { getCurrentUser } from "@/server/auth/guards";
import { isAppError } from "@/server/errors";
import { getScheduleStep, type ScheduleStepView } from "@/server/play/get-schedule-step";
import { requestScheduleStep } from "@/server/play/request-schedule-step";
import { requestTargetStep } from "@/server/play/request-target-step";
import { submitPlayedSchedule } from "@/server/play/submit-played-schedule";

// "You are the scheduler" (issue 14): the play page asks for a step and polls it. Actions
// deliver, they do not decide: server/play/ checks ownership and bounds; the worker runs it.

/** What is played: a check of one's submission, or a break-it exercise's target (no submission). */
export type PlaySource = { kind: "check"; submissionId: string; checkId: string } | { kind: "target"; slug: string };

// POST (play page: a step, undo, restart, or opening a shared link)
export async function requestStepAction(
  source: PlaySource,
  decisions: string,
): Promise<{ id: string } | { error: string }> {
  const user = await getCurrentUser();
  if (!user) return { error: "Log in to play a schedule." };
  try {
    if (source?.kind === "target") return await requestTargetStep(user.id, { slug: source.slug, decisions });
    return await requestScheduleStep(user.id, {
      submissionId: source?.submissionId,
      checkId: source?.checkId,
      decisions,
    });
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

// POST (play page of a break-it exercise: "Submit this schedule")
export async function submitScheduleAction(
  stepId: string,
): Promise<{ id: string; schedule: number[] } | { error: string }> {
  const user = await getCurrentUser();
  if (!user) return { error: "Log in to submit a schedule." };
  try {
    return await submitPlayedSchedule(user.id, { stepId });
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
