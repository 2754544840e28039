import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/server/errors";

/**
 * A course page's data, or the page a refusal deserves: 404 for a course the viewer may not
 * see (exactly as for one that does not exist), 403 for a member on an instructor's page.
 * The decision itself is server/courses/course-access.ts's.
 */
export async function orRefuse<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "not-found") notFound();
    if (isAppError(error) && error.code === "forbidden") forbidden();
    throw error;
  }
}

/** Dates on course pages are shown in UTC (the due-date form reads UTC too). */
export function formatUtc(iso: string | null): string {
  if (iso === null) return "—";
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatPoints(score: number | null): string {
  if (score === null) return "—";
  return String(Math.round(score * 100) / 100);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round(hours / 24)} days`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
