import type { SessionUser } from "../auth/find-session-user";
import { hasRole } from "../auth/roles";
import { courseAccess } from "../courses/course-access";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { HideBoardEntryInput, UnhideBoardEntryInput } from "./hide-board-entry.schema";

// An instructor leaves a student off one board (a suspected copy, an offensive name), with the
// reason kept for the record. Site and exercise boards: instructors and admins; a course's
// boards: the course's managers (courseAccess). The student is never shown a hidden entry.

async function mayHide(viewer: Pick<SessionUser, "id" | "role">, scope: string, db: Db): Promise<boolean> {
  if (scope.startsWith("course:")) return (await courseAccess(viewer, scope.slice("course:".length), db)) === "manage";
  return hasRole(viewer.role, "instructor");
}

export async function hideBoardEntry(
  viewer: Pick<SessionUser, "id" | "role">,
  input: unknown,
  db: Db = getDb(),
): Promise<{ id: string }> {
  const { userId, scope, reason } = parseInput(HideBoardEntryInput, input);
  if (!(await mayHide(viewer, scope, db))) throw new AppError("forbidden", "You may not hide entries on this board.");
  if (userId === viewer.id) throw new AppError("validation-failed", "Opt out on your account page instead.", {});
  const hide = await db.boardHide.upsert({
    where: { userId_scope: { userId, scope } },
    create: { userId, scope, reason, hiddenById: viewer.id },
    update: { reason, hiddenById: viewer.id, createdAt: new Date() },
    select: { id: true },
  });
  return hide;
}

export async function unhideBoardEntry(
  viewer: Pick<SessionUser, "id" | "role">,
  input: unknown,
  db: Db = getDb(),
): Promise<void> {
  const { hideId } = parseInput(UnhideBoardEntryInput, input);
  const hide = await db.boardHide.findUnique({ where: { id: hideId }, select: { scope: true } });
  if (!hide) throw new AppError("not-found", "That entry is not hidden.");
  if (!(await mayHide(viewer, hide.scope, db))) throw new AppError("forbidden", "You may not change this board.");
  await db.boardHide.delete({ where: { id: hideId } });
}

export type BoardHideView = { id: string; displayName: string; reason: string; hiddenBy: string; createdAt: Date };

/** The hidden entries of one board, for those who may unhide them. */
export async function listBoardHides(
  viewer: Pick<SessionUser, "id" | "role">,
  scope: string,
  db: Db = getDb(),
): Promise<BoardHideView[]> {
  if (!(await mayHide(viewer, scope, db))) return [];
  const hides = await db.boardHide.findMany({
    where: { scope },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      user: { select: { displayName: true, pseudonym: true } },
      hiddenBy: { select: { displayName: true } },
    },
  });
  return hides.map((h) => ({
    id: h.id,
    displayName: h.user.pseudonym ?? h.user.displayName,
    reason: h.reason,
    hiddenBy: h.hiddenBy.displayName,
    createdAt: h.createdAt,
  }));
}
