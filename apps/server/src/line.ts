/** A line is full: the request is refused at once rather than queued without bound. */
export class LineFull extends Error {}

export interface Line {
  /** Runs `work` when a place is free (first come, first served); rejects with LineFull when too many wait. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Expensive work (password hashes, replays) at most `atOnce` at a time, with at most `waiting`
 * requests in line behind it: a flood then neither takes every core and thread nor grows a queue
 * without bound, and a legitimate request waits behind a bounded line.
 */
export function createLine(atOnce: number, waiting: number, fullMessage: string): Line {
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    run: async (work) => {
      if (running >= atOnce) {
        if (queue.length >= waiting) throw new LineFull(fullMessage);
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running++;
      }
      try {
        return await work();
      } finally {
        // The place passes straight to the next in line, or is given back.
        const next = queue.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
