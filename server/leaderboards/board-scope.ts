import { z } from "zod";

// The three kinds of board and how their URLs name them (the fixed JSON contract, DESIGN.md):
//   /api/leaderboards/site
//   /api/leaderboards/course/<courseId>
//   /api/leaderboards/exercise/<slug>[?course=<courseId>]
export type BoardScope =
  | { kind: "site" }
  | { kind: "course"; courseId: string }
  | { kind: "exercise"; slug: string; courseId: string | null };

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/);

/** The scope named by the path segments after /api/leaderboards/, or null (then: 404). */
export function parseBoardScope(segments: readonly string[], courseParam: string | null = null): BoardScope | null {
  const [kind, id, ...rest] = segments;
  if (rest.length > 0) return null;
  if (kind === "site" && id === undefined) return courseParam === null ? { kind: "site" } : null;
  if (kind === "course" && courseParam === null) {
    const parsed = Id.safeParse(id);
    return parsed.success ? { kind: "course", courseId: parsed.data } : null;
  }
  if (kind === "exercise") {
    const slug = Slug.safeParse(id);
    if (!slug.success) return null;
    if (courseParam === null) return { kind: "exercise", slug: slug.data, courseId: null };
    const course = Id.safeParse(courseParam);
    return course.success ? { kind: "exercise", slug: slug.data, courseId: course.data } : null;
  }
  return null;
}

/** The `scope` string of the JSON answer: the path it was asked under. */
export function scopeLabel(scope: BoardScope): string {
  switch (scope.kind) {
    case "site":
      return "site";
    case "course":
      return `course/${scope.courseId}`;
    case "exercise":
      return `exercise/${scope.slug}`;
  }
}

/** Where the board's page lives. */
export function boardPath(scope: BoardScope): string {
  switch (scope.kind) {
    case "site":
      return "/leaderboard";
    case "course":
      return `/courses/${scope.courseId}/leaderboard`;
    case "exercise":
      return `/exercises/${scope.slug}/leaderboard${scope.courseId ? `?course=${scope.courseId}` : ""}`;
  }
}

/** BoardHide.scope: an exercise is named by its stable id (slugs may move), a course by its id. */
export type HideScope = "site" | `exercise:${string}` | `course:${string}`;
