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
