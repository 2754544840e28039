import { getCurrentUser } from "@/server/auth/guards";
import { getSubmissionForViewer } from "@/server/submissions/get-submission";

// GET /api/submissions/[id] — a submission with its status and, once graded, its result (hidden
// checks reduced to title and pass/fail). The exercise page polls it while grading runs.
// 401 without a session; 404 for an unknown id and for another student's submission alike.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json({ error: "Log in to read submissions." }, 401);
  const submission = await getSubmissionForViewer((await params).id, user);
  if (!submission) return json({ error: "There is no such submission." }, 404);
  return json(submission, 200);
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
