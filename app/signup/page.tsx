import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/guards";
import { safeReturnPath } from "@/server/auth/safe-return-path";
import { formStateFromQuery, queryValue } from "../_lib/auth-query";
import { SignupForm } from "./signup-form";

export const metadata = { title: "Sign up · Interleave" };

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[]; email?: string | string[] }>;
}) {
  const query = await searchParams;
  const next = safeReturnPath(query.next);
  if (await getCurrentUser()) redirect(next);
  return (
    <section className="auth-card">
      <h1>Create your account</h1>
      <SignupForm next={next} initial={formStateFromQuery(query.error)} email={queryValue(query.email)} />
      <p className="muted">
        Already have one? <Link href={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`}>Log in</Link>
        .
      </p>
    </section>
  );
}
