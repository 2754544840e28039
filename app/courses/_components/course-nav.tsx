import Link from "next/link";

const PAGES = [
  { key: "course", label: "Course", path: "" },
  { key: "manage", label: "Settings & exercises", path: "/manage" },
  { key: "insight", label: "Insight", path: "/insight" },
  { key: "gradebook", label: "Grade book", path: "/gradebook" },
  { key: "leaderboard", label: "Leaderboard", path: "/leaderboard" },
] as const;

/** The instructor's pages of one course. */
export function CourseNav({ courseId, current }: { courseId: string; current: (typeof PAGES)[number]["key"] }) {
  return (
    <nav className="course-nav" aria-label="Course">
      {PAGES.map((page) => (
        <Link
          key={page.key}
          href={`/courses/${courseId}${page.path}`}
          aria-current={page.key === current ? "page" : undefined}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
