import { createHash } from "node:crypto";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth/guards";
import { parseBoardScope } from "@/server/leaderboards/board-scope";
import { boardVersion } from "@/server/leaderboards/board-version";
import { getLeaderboard } from "@/server/leaderboards/get-leaderboard";

// GET /api/leaderboards/<scope> — scope `site`, `course/<id>` or `exercise/<slug>` (optionally
// `?course=<id>`): {"scope","rules","entries":[{"rank","displayName","score","maxScore","speedup",
// "reachedAt","you"}]} — the fixed contract (DESIGN.md). Logged-in users only (401), as the
// pages; a course board only for its members and managers; an unknown scope, exercise or course
// is 404. Optional `top=N&near=M`: the first N entries and M either side of the viewer's own.
// Live boards poll with If-None-Match: the ETag is a cheap stamp of every board's data (plus the
// viewer and the query), so an unchanged board costs a few indexed aggregates and a 304.

const Cut = z.object({
  top: z.coerce.number().int().min(1).max(10_000).optional(),
  near: z.coerce.number().int().min(0).max(100).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ scope: string[] }> }): Promise<Response> {
  const url = new URL(request.url);
  const scope = parseBoardScope((await params).scope, url.searchParams.get("course"));
  if (!scope) return json({ error: "There is no such leaderboard." }, 404);
  const cut = Cut.safeParse({
    top: url.searchParams.get("top") ?? undefined,
    near: url.searchParams.get("near") ?? undefined,
  });
  if (!cut.success)
    return json(
      { error: "top must be 1–10000 and near 0–100.", fieldErrors: z.flattenError(cut.error).fieldErrors },
      400,
    );
  const user = await getCurrentUser();
  if (!user) return json({ error: "Log in to see leaderboards." }, 401);

  const version = await boardVersion(scope);
  const etag = `"${createHash("sha256").update(`${version}\u0000${user.id}\u0000${url.search}`).digest("base64url").slice(0, 27)}"`;
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "private, no-cache" } });

  const outcome = await getLeaderboard(scope, user, cut.data);
  if (outcome.kind === "unauthenticated") return json({ error: "Log in to see leaderboards." }, 401);
  if (outcome.kind === "not-found") return json({ error: "There is no such leaderboard." }, 404);
  const { scope: label, rules, entries } = outcome.board;
  return Response.json(
    { scope: label, rules, entries },
    { status: 200, headers: { ETag: etag, "Cache-Control": "private, no-cache" } },
  );
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
