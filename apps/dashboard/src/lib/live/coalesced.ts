/**
 * Runs `refresh` soon after a burst of calls, once for the whole burst: the first call waits
 * `waitMs` for the rest of its burst, and calls while a refresh runs lead to one more afterwards.
 * For views that reload what they show on live events (`live.subscribe(refreshSoon)`).
 */
export function coalesced(refresh: () => Promise<unknown>, waitMs = 25): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    timer = undefined;
    running = true;
    try {
      do {
        again = false;
        await refresh();
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else timer ??= setTimeout(() => void run(), waitMs);
  };
}
