// Fake: a home-made spin lock on a plain variable (code between awaits is atomic) around load-then-store
import { yieldNow, type AtomicInt } from "interleave";

let busy = false;

async function enter(): Promise<void> {
  while (busy) await yieldNow();
  busy = true;
}

export async function updateMax(cell: AtomicInt, candidate: number): Promise<void> {
  await enter();
  try {
    const current = await cell.load();
    if (candidate > current) await cell.store(candidate);
  } finally {
    busy = false;
  }
}

export async function addCapped(cell: AtomicInt, delta: number, cap: number): Promise<boolean> {
  await enter();
  try {
    const current = await cell.load();
    if (current + delta > cap) return false;
    await cell.store(current + delta);
    return true;
  } finally {
    busy = false;
  }
}
