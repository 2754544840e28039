// Where a program ran serially: the lines that were executing while only one thread was
// computing (the scheduler's profile, grader/engine/cores.ts), turned into what a student
// can act on — "lines 12–20 of solution.ts".

import type { SchedulePerfProfile } from "../protocol/types";

export interface SerialPart {
  file: string;
  /** First and last line of the smallest range holding most of the file's serial time. */
  from: number;
  to: number;
  /** Serial virtual time spent on those lines. */
  time: number;
  /** All serial virtual time of the run. */
  total: number;
  /** "lines 12–20 of solution.ts" */
  text: string;
}

/** Share of a file's serial time the reported range must cover. */
const COVER = 0.8;
/** The preferred file is named when it holds at least this share of the serial time. */
const PREFER_SHARE = 0.2;

/**
 * The serial part of a run, in the file that matters most: `prefer` (the student's file)
 * when it holds a fair share of the serial time, otherwise the file with the most.
 */
export function serialPart(
  profile: SchedulePerfProfile | undefined,
  prefer?: string,
  onlyPreferred = false,
): SerialPart | null {
  if (!profile || profile.serial.length === 0) return null;
  const byFile = new Map<string, { line: number; time: number }[]>();
  for (const s of profile.serial) {
    if (!(s.line > 0)) continue;
    const list = byFile.get(s.file) ?? [];
    list.push({ line: s.line, time: s.time });
    byFile.set(s.file, list);
  }
  if (byFile.size === 0) return null;
  const total = (file: string) => byFile.get(file)!.reduce((a, b) => a + b.time, 0);
  const all = [...byFile.keys()].reduce((sum, f) => sum + total(f), 0);
  const largest = [...byFile.keys()].sort((a, b) => total(b) - total(a) || a.localeCompare(b))[0]!;
  // Grading names only the student's file: the harness is hidden, its lines would tell nothing.
  if (onlyPreferred && (prefer === undefined || !byFile.has(prefer))) return null;
  let file =
    onlyPreferred || (prefer !== undefined && byFile.has(prefer) && total(prefer) >= PREFER_SHARE * all)
      ? prefer!
      : largest;
  const lines = [...byFile.get(file)!].sort((a, b) => b.time - a.time || a.line - b.line);
  const fileTotal = total(file);
  let covered = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const l of lines) {
    covered += l.time;
    from = Math.min(from, l.line);
    to = Math.max(to, l.line);
    if (covered >= COVER * fileTotal) break;
  }
  file = file || "the program";
  const text = from === to ? `line ${from} of ${file}` : `lines ${from}–${to} of ${file}`;
  return {
    file,
    from,
    to,
    time: Math.round(covered * 1e6) / 1e6,
    total: Math.round(profile.serialTime * 1e6) / 1e6,
    text,
  };
}
