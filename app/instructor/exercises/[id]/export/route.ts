import { getCurrentUser } from "@/server/auth/guards";
import { hasRole } from "@/server/auth/roles";
import { exportExercise } from "@/server/authoring/export-exercise";
import { isAppError } from "@/server/errors";

// GET /instructor/exercises/[id]/export[?version=N] — the exercise as a ZIP of its exercises/
// folder (the newest version, or version N). 401 without a session, 403 for anyone but its
// author or an admin, 404 for an unknown exercise or version.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json({ error: "Log in to export exercises." }, 401);
  if (!hasRole(user.role, "instructor")) return json({ error: "Only instructors export exercises." }, 403);
  const versionText = new URL(request.url).searchParams.get("version");
  const version = versionText === null ? undefined : Number(versionText);
  if (version !== undefined && !Number.isInteger(version)) return json({ error: "version: a whole number" }, 400);
  try {
    const { fileName, bytes } = await exportExercise(user, (await params).id, { version });
    return new Response(bytes as BodyInit, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return json({ error: error.message, code: error.code }, error.code === "forbidden" ? 403 : 404);
  }
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
