import { events, type DbHandle } from '@asskomm/db';

/**
 * Remembers answers until the next committed event. After a change every open screen reloads at
 * once; with this, the first request computes an expensive answer and the others share it. Keyed
 * by the newest committed seq (read before computing, so an answer is never older than its key),
 * which holds on every node without any invalidation message.
 */
export function perCommitCache<T>(handle: DbHandle, maxEntries = 100) {
  const entries = new Map<string, Promise<T>>();
  return async (key: unknown[], compute: () => Promise<T>): Promise<T> => {
    const fullKey = JSON.stringify([await events.lastSeq(handle.db), ...key]);
    let answer = entries.get(fullKey);
    if (!answer) {
      answer = compute();
      entries.set(fullKey, answer);
      answer.catch(() => entries.delete(fullKey));
      // Oldest first: those of an earlier seq are never asked for again.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    return answer;
  };
}
