import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/guards";
import { safeReturnPath } from "@/server/auth/safe-return-path";
import { formStateFromQuery, queryValue } from "../_lib/auth-query";
import { LoginForm } from "./login-form";

export const metadata = { title: "Log in · Interleave" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[]; email?: string | string[] }>;
}) {
  const query = await searchParams;
  const next = safeReturnPath(query.next);
  if (await getCurrentUser()) redirect(next);
  return (
    <section className="auth-card">
      <h1>Log in</h1>
      <LoginForm next={next} initial={formStateFromQuery(query.error)} email={queryValue(query.email)} />
      <p className="muted">
        New here?{" "}
        <Link href={next === "/" ? "/signup" : `/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>.
      </p>
    </section>
  );
}
