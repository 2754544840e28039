"use server";

import { revalidatePath } from "next/cache";
import { forbidden, notFound, redirect } from "next/navigation";
import { requireUser } from "@/server/auth/guards";
import { createCourse } from "@/server/courses/create-course";
import { joinCourse } from "@/server/courses/join-course";
import { regradeExercise, regradeSubmission, type RegradeOutcome } from "@/server/courses/regrade";
import { removeCourseExercise, setCourseExercise } from "@/server/courses/set-course-exercise";
import { updateCourse } from "@/server/courses/update-course";
import { isAppError } from "@/server/errors";
import { formStateFromError, formValues, type FormState } from "../_lib/form-state";

// Server actions of the courses (issue 16). They deliver, they do not decide: who may do what
// in a course is decided by server/courses (courseAccess, through requireCourseAccess). A
// course the caller may not see answers 404 exactly like one that does not exist; a member
// asking for an instructor's action gets 403; bad input comes back as form state.

const SETTINGS_FIELDS = ["title", "lateKind", "percentPerDay", "maxDays"] as const;

/** Access refusals become the 404 / 403 pages; input errors become form state. */
function refuse(error: unknown, values: Record<string, string>): FormState {
  if (isAppError(error) && error.code === "not-found") notFound();
  if (isAppError(error) && error.code === "forbidden") forbidden();
  return formStateFromError(error, values);
}

const coursePath = (courseId: unknown) => `/courses/${encodeURIComponent(String(courseId))}`;

// POST (/courses "Create a course", instructors): then on to the new course's settings.
export async function createCourseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/courses");
  const values = formValues(formData, SETTINGS_FIELDS);
  let id: string;
  try {
    ({ id } = await createCourse(user, values));
  } catch (error) {
    return refuse(error, values);
  }
  redirect(`/courses/${id}/manage`);
}

// POST (/courses "Join", /courses/join/<code> "Join this course"): then on to the course.
export async function joinCourseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/courses");
  const values = formValues(formData, ["code"]);
  let courseId: string;
  try {
    ({ courseId } = await joinCourse(user, values));
  } catch (error) {
    return refuse(error, values);
  }
  redirect(`/courses/${courseId}`);
}

// POST (/courses/<id>/manage "Save settings")
export async function updateCourseAction(
  courseId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser(`${coursePath(courseId)}/manage`);
  const values = formValues(formData, SETTINGS_FIELDS);
  try {
    await updateCourse(user, courseId, values);
  } catch (error) {
    return refuse(error, values);
  }
  revalidatePath(coursePath(courseId), "layout");
  return { message: null, fieldErrors: {}, values: { ...values, done: "Settings saved." } };
}

// POST (/courses/<id>/manage "Add" or a due date's "Save"): add an exercise or change its due date.
export async function setCourseExerciseAction(
  courseId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser(`${coursePath(courseId)}/manage`);
  const values = formValues(formData, ["slug", "dueAt"]);
  let added: boolean;
  try {
    ({ added } = await setCourseExercise(user, courseId, values));
  } catch (error) {
    return refuse(error, values);
  }
  revalidatePath(coursePath(courseId), "layout");
  return { message: null, fieldErrors: {}, values: { done: added ? "Exercise added." : "Due date saved." } };
}

// POST (/courses/<id>/manage "Remove")
export async function removeCourseExerciseAction(courseId: string, slug: string): Promise<void> {
  const user = await requireUser(`${coursePath(courseId)}/manage`);
  try {
    await removeCourseExercise(user, courseId, { slug });
  } catch (error) {
    refuse(error, {});
    return;
  }
  revalidatePath(coursePath(courseId), "layout");
}

export type RegradeActionResult = { ok: true; outcome: RegradeOutcome } | { ok: false; message: string };

async function regradeWith(courseId: string, run: () => Promise<RegradeOutcome>): Promise<RegradeActionResult> {
  try {
    const outcome = await run();
    revalidatePath(coursePath(courseId), "layout");
    return { ok: true, outcome };
  } catch (error) {
    const state = refuse(error, {});
    return { ok: false, message: state.message ?? "The regrade was refused." };
  }
}

// POST (insight page "Regrade" beside a submission)
export async function regradeSubmissionAction(courseId: string, submissionId: string): Promise<RegradeActionResult> {
  const user = await requireUser(`${coursePath(courseId)}/insight`);
  return regradeWith(courseId, () => regradeSubmission(user, courseId, { submissionId }));
}

// POST (insight page "Regrade all submissions" of an exercise)
export async function regradeExerciseAction(courseId: string, slug: string): Promise<RegradeActionResult> {
  const user = await requireUser(`${coursePath(courseId)}/insight`);
  return regradeWith(courseId, () => regradeExercise(user, courseId, { slug }));
}
