import Link from "next/link";
import { notFound } from "next/navigation";
import { parseBoardScope } from "@/server/leaderboards/board-scope";
import { BoardPage } from "../../../leaderboard/_components/board-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exercise leaderboard · Interleave" };

export default async function ExerciseLeaderboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ course?: string | string[] }>;
}) {
  const { slug } = await params;
  const { course } = await searchParams;
  const scope = parseBoardScope(["exercise", slug], typeof course === "string" ? course : null);
  if (!scope || scope.kind !== "exercise") notFound();
  return (
    <BoardPage
      scope={scope}
      links={
        <>
          <Link href={`/exercises/${scope.slug}`}>Back to the exercise</Link> ·{" "}
          {scope.courseId ? (
            <Link href={`/courses/${scope.courseId}/leaderboard`}>Course leaderboard</Link>
          ) : (
            <Link href="/leaderboard">Site leaderboard</Link>
          )}
        </>
      }
    />
  );
}
