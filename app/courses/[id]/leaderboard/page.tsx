import Link from "next/link";
import { notFound } from "next/navigation";
import { parseBoardScope } from "@/server/leaderboards/board-scope";
import { BoardPage } from "../../../leaderboard/_components/board-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Course leaderboard · Interleave" };

export default async function CourseLeaderboardPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = parseBoardScope(["course", (await params).id]);
  if (!scope || scope.kind !== "course") notFound();
  return (
    <BoardPage
      scope={scope}
      links={
        <>
          <Link href={`/courses/${scope.courseId}`}>Back to the course</Link> ·{" "}
          <Link href="/leaderboard">Site leaderboard</Link>
        </>
      }
    />
  );
}
