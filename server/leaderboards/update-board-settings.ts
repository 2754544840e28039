import { parseInput } from "../validation";
import { getDb, type Db } from "../db";
import { UpdateBoardSettingsInput } from "./update-board-settings.schema";

export type BoardSettings = { pseudonym: string | null; optOut: boolean };

export async function getBoardSettings(userId: string, db: Db = getDb()): Promise<BoardSettings> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { pseudonym: true, leaderboardOptOut: true },
  });
  return { pseudonym: user?.pseudonym ?? null, optOut: user?.leaderboardOptOut ?? false };
}

/**
 * A student's pseudonym and opt-out. Their standings are touched too, so that live boards
 * (which poll a stamp of the latest standing update) show the new name or drop the row.
 */
export async function updateBoardSettings(userId: string, input: unknown, db: Db = getDb()): Promise<BoardSettings> {
  const { pseudonym: name, optOut } = parseInput(UpdateBoardSettingsInput, input);
  const pseudonym = name === "" ? null : name;
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { pseudonym, leaderboardOptOut: optOut } }),
    db.standing.updateMany({ where: { userId }, data: { updatedAt: new Date() } }),
  ]);
  return { pseudonym, optOut };
}
