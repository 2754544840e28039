import { assert, Event, Shared, sleep, spawn, yieldNow, type Thread } from "interleave";
import { ReadWriteLock } from "./solution";

/** Who is inside the lock right now (plain harness bookkeeping: atomic between two awaits). */
class Room {
  readers = 0;
  writers = 0;
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** A document written as two cells: a reader that sees them disagree saw half a write. */
class Document {
  readonly title = new Shared(0, "doc.title");
  readonly body = new Shared(0, "doc.body");
}

async function readDocument(rw: ReadWriteLock, room: Room, doc: Document, who: string): Promise<number> {
  await rw.acquireRead();
  assert(room.writers === 0, `${who} got the read lock while a writer held it: a writer must hold the lock alone`);
  room.readers++;
  const title = await doc.title.get();
  await yieldNow();
  const body = await doc.body.get();
  assert(
    title === body,
    `${who} read a torn document (title version ${title}, body version ${body}): a writer changed it while it was being read`,
  );
  room.readers--;
  await rw.releaseRead();
  return title;
}

async function writeDocument(
  rw: ReadWriteLock,
  room: Room,
  doc: Document,
  version: number,
  who: string,
): Promise<void> {
  await rw.acquireWrite();
  assert(
    room.writers === 0 && room.readers === 0,
    `${who} got the write lock while ${room.readers} reader(s) and ${room.writers} writer(s) were inside: a writer must hold the lock alone`,
  );
  room.writers++;
  await doc.title.set(version);
  await yieldNow();
  await doc.body.set(version);
  room.writers--;
  await rw.releaseWrite();
}

/** Readers and writers mixed: writers alone, readers never see half a write, everyone finishes. */
export async function exclusion() {
  const rw = new ReadWriteLock();
  const room = new Room();
  const doc = new Document();
  const threads: Thread[] = [];
  for (let r = 1; r <= 3; r++) {
    threads.push(
      spawn(async () => {
        for (let i = 0; i < 3; i++) await readDocument(rw, room, doc, `Reader-${r}`);
      }, `Reader-${r}`),
    );
  }
  for (let w = 1; w <= 2; w++) {
    threads.push(
      spawn(async () => {
        for (let i = 1; i <= 2; i++) await writeDocument(rw, room, doc, w * 10 + i, `Writer-${w}`);
      }, `Writer-${w}`),
    );
  }
  await joinAll(threads);
  const title = await doc.title.get();
  assert(title === 12 || title === 22, `the last write should have left version 12 or 22, found ${title}`);
}

/** Two readers hold the lock at the same time: the first waits inside for the second to come in. */
export async function readersShare() {
  await readersCanShare(new ReadWriteLock());
}

async function readersCanShare(rw: ReadWriteLock) {
  const firstIn = new Event("Reader-1 in");
  const secondIn = new Event("Reader-2 in");
  let sawSecond = false;
  const first = spawn(async () => {
    await rw.acquireRead();
    await firstIn.set();
    sawSecond = await secondIn.wait({ timeout: 1000 });
    await rw.releaseRead();
  }, "Reader-1");
  const second = spawn(async () => {
    await firstIn.wait();
    await rw.acquireRead();
    await secondIn.set();
    await rw.releaseRead();
  }, "Reader-2");
  await joinAll([first, second]);
  assert(
    sawSecond,
    "Reader-2 could not get the read lock while Reader-1 held it (Reader-1 waited 1000 ms for it inside): readers must be able to share the lock",
  );
}

/**
 * Two readers take turns so that one of them is always inside: each stays until the other
 * has come in after it (it looks every millisecond, for at most 20 ms). With readers'
 * preference the reader count never drops to zero — on any schedule — and the writer must
 * still get in.
 */
export async function writerNotStarved() {
  const rw = new ReadWriteLock();
  await readersCanShare(rw); // a plain mutex would never starve a writer: the lock must be shared
  const room = new Room();
  const doc = new Document();
  let writerDone = false;
  let entries = 0;
  const readers: Thread[] = [];
  for (let r = 1; r <= 2; r++) {
    const who = `Reader-${r}`;
    readers.push(
      spawn(async () => {
        while (!writerDone) {
          await rw.acquireRead();
          assert(
            room.writers === 0,
            `${who} got the read lock while a writer held it: a writer must hold the lock alone`,
          );
          room.readers++;
          const title = await doc.title.get();
          const body = await doc.body.get();
          assert(title === body, `${who} read a torn document (title version ${title}, body version ${body})`);
          const mine = ++entries;
          for (let ms = 0; ms < 20 && entries === mine && !writerDone; ms++) await sleep(1);
          room.readers--;
          await rw.releaseRead();
        }
      }, who),
    );
  }
  const writer = spawn(async () => {
    for (let v = 1; v <= 3; v++) await writeDocument(rw, room, doc, v, "Writer");
    writerDone = true;
  }, "Writer");
  await writer.join();
  await joinAll(readers);
  const title = await doc.title.get();
  assert(title === 3, `the writer wrote version 3 last, yet the document holds version ${title}`);
}

/** A writer that waits behind a reader goes before a reader that arrives after it. */
export async function writerGoesFirst() {
  const rw = new ReadWriteLock();
  await readersCanShare(rw);
  const order: string[] = [];
  const firstIn = new Event("Reader-1 in");
  const letGo = new Event("Reader-1 may leave");
  const first = spawn(async () => {
    await rw.acquireRead();
    order.push("Reader-1");
    await firstIn.set();
    await letGo.wait();
    await rw.releaseRead();
  }, "Reader-1");
  await firstIn.wait();
  const writer = spawn(async () => {
    await rw.acquireWrite();
    order.push("Writer");
    await rw.releaseWrite();
  }, "Writer");
  await sleep(1000); // the writer is now waiting for Reader-1
  const second = spawn(async () => {
    await rw.acquireRead();
    order.push("Reader-2");
    await rw.releaseRead();
  }, "Reader-2");
  await sleep(1000); // Reader-2 has arrived
  const early = order.join(", ");
  await letGo.set();
  await joinAll([first, writer, second]);
  assert(
    early === "Reader-1",
    `while Reader-1 held the lock and the Writer was waiting for it, Reader-2 arrived and got in at once (entered so far: ${early}): with writer preference a newly arriving reader waits behind a waiting writer`,
  );
  assert(
    order.join(", ") === "Reader-1, Writer, Reader-2",
    `expected the order Reader-1, Writer, Reader-2; got ${order.join(", ")}`,
  );
}
