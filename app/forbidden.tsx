import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="empty-state">
      <h1>Not allowed</h1>
      <p>Your account does not have access to this page.</p>
      <p>
        <Link href="/">Back to the exercises</Link>
      </p>
    </section>
  );
}
