import { getCurrentUser } from "@/server/auth/guards";
import { getLiveProgress } from "@/server/submissions/grading-progress";
import { progressEventStream } from "@/server/submissions/progress-events";

// GET /api/submissions/[id]/events — live progress of the viewer's own submission as
// Server-Sent Events (issue 14): place in line, then per check the strategy and schedules
// explored of the budget, then a `done` event with the verdict, and the stream ends
// (server/submissions/progress-events.ts). A reload or a dropped connection reconnects and
// starts from the current state. 401 without a session; 404 for an unknown id and for anyone
// else's submission alike (the page then falls back to polling GET /api/submissions/[id]).

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json({ error: "Log in to follow submissions." }, 401);
  const id = (await params).id;
  const first = await getLiveProgress(id, user);
  if (!first) return json({ error: "There is no such submission." }, 404);
  const stream = progressEventStream(first, () => getLiveProgress(id, user), request.signal);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy (or the server's own gzip) must not buffer the stream.
      "Cache-Control": "no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
