import type { LiveProgress } from "./grading-progress";

// The Server-Sent Events stream of GET /api/submissions/<id>/events (issue 14): a `progress`
// event whenever the live progress changes, a comment line as a heartbeat while nothing
// does, and one `done` event once the submission is graded or failed, which ends the stream.
// The state is read again every `pollMs` (the worker writes it at most every 250 ms).

export type ProgressStreamOptions = {
  /** How often the state is read again. */
  pollMs?: number;
  /** A comment line after this long without an event keeps proxies from closing the stream. */
  heartbeatMs?: number;
  /** The stream ends after this long even if grading goes on; EventSource reconnects. */
  maxMs?: number;
};

export const PROGRESS_POLL_MS = 400;

export function progressEventStream(
  first: LiveProgress,
  read: () => Promise<LiveProgress | null>,
  signal: AbortSignal,
  { pollMs = PROGRESS_POLL_MS, heartbeatMs = 15_000, maxMs = 5 * 60_000 }: ProgressStreamOptions = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let open = true;
  let wake: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const stop = () => {
        open = false;
        wake();
      };
      signal.addEventListener("abort", stop);
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const started = Date.now();
      let lastSent = "";
      let lastEvent = Date.now();
      let current: LiveProgress | null = first;
      // A reconnect after a dropped connection comes quickly.
      send("retry: 1000\n\n");
      while (open && current) {
        const data = JSON.stringify(current);
        if (current.finished) {
          send(`event: done\ndata: ${data}\n\n`);
          break;
        }
        if (data !== lastSent) {
          send(`event: progress\ndata: ${data}\n\n`);
          lastSent = data;
          lastEvent = Date.now();
        } else if (Date.now() - lastEvent >= heartbeatMs) {
          send(": heartbeat\n\n");
          lastEvent = Date.now();
        }
        if (Date.now() - started >= maxMs) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (!open) break;
        try {
          current = await read();
        } catch {
          // The database was busy for a moment: keep the stream and read again next time.
        }
      }
      signal.removeEventListener("abort", stop);
      if (open) {
        open = false;
        controller.close();
      }
    },
    cancel() {
      open = false;
      wake();
    },
  });
}
