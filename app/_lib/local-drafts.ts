// The browser's copy of a draft: a fallback for when the server cannot be reached while the
// student types. Drafts belong to accounts (the server holds them), so the copies are keyed per
// account and all of them are removed at log-out: a shared computer keeps nobody's code.
const PREFIX = "interleave:draft:";

export function localDraftKey(owner: string, slug: string): string {
  return `${PREFIX}${owner}:${slug}`;
}

/** Remove every draft this browser holds (any account, and the unkeyed ones of old). */
export function clearLocalDrafts(storage: Storage = window.localStorage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

// Draft saves still waiting for the student's pause (or on their way to the server). Log-out
// sends them first: the session they need ends with it, and the browser's copies are removed.
const pendingSaves = new Set<() => Promise<void>>();

/** Register a way to send a waiting draft now; returns the unregistration. */
export function registerPendingSave(flush: () => Promise<void>): () => void {
  pendingSaves.add(flush);
  return () => pendingSaves.delete(flush);
}

/** Send every waiting draft to the server (failures are ignored: log-out must go on). */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...pendingSaves].map((flush) => flush().catch(() => {})));
}
