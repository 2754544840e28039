// BUG (missed notify): the printer waits on the condition without checking any state. If
// the downloader notifies before the printer is waiting, the notify is lost and the printer
// waits forever. "The printer was started first, so it is already waiting" — not always.
// Needs 1 preemption (the printer preempted before it waits), or none under PCT when the
// downloader simply has the higher priority.
import { Condition, Shared, spawn, assert } from "interleave";

const done = new Condition(undefined, "downloaded");
const page = new Shared<string | null>(null, "page");
const printed: string[] = [];

async function printer() {
  await done.acquire();
  try {
    await done.wait(); // should be: while ((await page.get()) === null) await done.wait();
    const p = await page.get();
    printed.push(p ?? "<nothing>");
  } finally {
    done.release();
  }
}

async function downloader() {
  await page.set("<html>hello</html>");
  await done.acquire();
  try {
    done.notify();
  } finally {
    done.release();
  }
}

export default async function main() {
  const p = spawn(printer, "Printer");
  const d = spawn(downloader, "Downloader");
  await p.join();
  await d.join();
  assert(printed.length === 1 && printed[0] === "<html>hello</html>", `printed ${JSON.stringify(printed)}`);
}
