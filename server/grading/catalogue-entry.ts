// The part of grader/'s `LoadedExercise` that the database mirrors. Declared here (not
// imported) so the sync's database half can be tested without loading the grader; the
// compiler checks in sync-exercises.ts that a LoadedExercise still fits this shape.
export type CatalogueEntry = {
  manifest: {
    id: string;
    slug: string;
    title: string;
    chapter: number;
    difficulty: "intro" | "easy" | "medium" | "hard";
    points: number;
    tags: string[];
    summary: string;
  };
  statement: string;
  starter: string;
};
