import { requestUser } from "@/server/api-tokens/request-user";
import { getSubmissionForViewer } from "@/server/submissions/get-submission";
import { placeInLine } from "@/server/submissions/place-in-line";
import { apiFailure } from "../../../_lib/api-failure";

// GET /api/submissions/[id] — a submission with its status, its place in line while it waits or
// runs ({ ahead, estimateSeconds }, null once finished) and, once graded, its result (hidden
// checks reduced to title and pass/fail). The exercise page polls it while grading runs; scripts
// call it with `Authorization: Bearer <token>`.
// 401 without credentials; 404 for an unknown id and for another student's submission alike;
// 503 with Retry-After while the database is unreachable.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const who = await requestUser(request);
    if (!who) return json({ error: "Log in to read submissions." }, 401);
    const submission = await getSubmissionForViewer((await params).id, who.user);
    if (!submission) return json({ error: "There is no such submission." }, 404);
    const waiting = submission.status === "queued" || submission.status === "running";
    const line = waiting ? await placeInLine(submission.id) : null;
    return json({ ...submission, placeInLine: line }, 200);
  } catch (error) {
    return apiFailure(error);
  }
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
