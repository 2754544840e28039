"use client";

// Unexpected failures only: bad input is answered on the form and never lands here.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="empty-state">
      <h1>Something went wrong</h1>
      <p>The server could not finish this request. Try again; if it keeps happening, the server log has the details.</p>
      {error.digest ? <p className="muted small">Reference: {error.digest}</p> : null}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
