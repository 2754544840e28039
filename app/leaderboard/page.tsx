import { BoardPage } from "./_components/board-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Leaderboard · Interleave" };

export default function SiteLeaderboardPage() {
  return <BoardPage scope={{ kind: "site" }} />;
}
