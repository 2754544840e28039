import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/server/auth/guards";
import { hasRole } from "@/server/auth/roles";
import { LogOutButton } from "./_components/log-out-button";
import { ThemeToggle } from "./_components/theme-toggle";
import { parseTheme, THEME_COOKIE } from "./_lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Interleave",
  description: "Learn concurrency by doing: exercises graded under stress schedules.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // The student's theme, when it is not the system's (app/_lib/theme.ts): set before the first paint.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme ?? undefined} suppressHydrationWarning>
      <body>
        <header className="site-header">
          <nav className="site-nav" aria-label="Main">
            <Link href="/" className="brand">
              Interleave
            </Link>
            <Link href="/">Exercises</Link>
            {user ? <Link href="/courses">Courses</Link> : null}
            <Link href="/leaderboard">Leaderboard</Link>
            {user && hasRole(user.role, "instructor") ? <Link href="/instructor">Instructor</Link> : null}
          </nav>
          <div className="session" data-testid="session">
            <ThemeToggle initial={theme} />
            {user ? (
              <>
                <span className="user-name">{user.displayName}</span>
                <span className={`role-badge role-${user.role}`} data-testid="role">
                  {user.role}
                </span>
                <Link href="/account">Account</Link>
                <LogOutButton />
              </>
            ) : (
              <>
                <Link href="/login">Log in</Link>
                <Link href="/signup" className="button primary small">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </header>
        <main className="site-main">{children}</main>
      </body>
    </html>
  );
}
