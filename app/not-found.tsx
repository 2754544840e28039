import Link from "next/link";

export default function NotFound() {
  return (
    <section className="empty-state">
      <h1>Not found</h1>
      <p>There is no page here. It may have been renamed, or the exercise retired.</p>
      <p>
        <Link href="/">Back to the exercises</Link>
      </p>
    </section>
  );
}
