import { getCurrentUser } from "@/server/auth/guards";
import { getGradebook } from "@/server/courses/get-gradebook";
import { gradebookCsv } from "@/server/courses/gradebook-csv";
import { isAppError } from "@/server/errors";

// GET /api/courses/[id]/gradebook.csv — the grade book as CSV (DESIGN.md "HTTP contracts":
// header `email,displayName,<slug>…,total`, one row per student). The course's instructors and
// admins only: 401 without a session, 403 for a student of the course, 404 for everyone else
// (exactly as for a course that does not exist).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json({ error: "Log in to download the grade book." }, 401);
  try {
    const book = await getGradebook(user, (await params).id);
    const name = book.course.title.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "course";
    return new Response(gradebookCsv(book), {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-gradebook.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "not-found") return json({ error: "There is no such course." }, 404);
    if (isAppError(error) && error.code === "forbidden") return json({ error: error.message }, 403);
    throw error;
  }
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
