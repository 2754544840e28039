import { z } from "zod";

export const DIFFICULTIES = ["intro", "easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** An exercise as pages see it: tags decoded, no database types leaking into app/. */
export type ExerciseSummary = {
  id: string;
  slug: string;
  title: string;
  chapter: number;
  difficulty: Difficulty;
  points: number;
  tags: string[];
  summary: string;
  archived: boolean;
};

export type ExerciseDetail = ExerciseSummary & { statementMd: string; starterCode: string };

type ExerciseRow = Omit<ExerciseSummary, "tags" | "difficulty"> & { tags: string; difficulty: string };

const Tags = z.array(z.string());
const Difficulty = z.enum(DIFFICULTIES);

export function toExerciseSummary(row: ExerciseRow): ExerciseSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    chapter: row.chapter,
    difficulty: Difficulty.catch("medium").parse(row.difficulty),
    points: row.points,
    tags: decodeTags(row.tags),
    summary: row.summary,
    archived: row.archived,
  };
}

function decodeTags(json: string): string[] {
  try {
    return Tags.catch([]).parse(JSON.parse(json));
  } catch {
    return [];
  }
}

export const summaryColumns = {
  id: true,
  slug: true,
  title: true,
  chapter: true,
  difficulty: true,
  points: true,
  tags: true,
  summary: true,
  archived: true,
} as const;
