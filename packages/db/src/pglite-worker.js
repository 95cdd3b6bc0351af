// @ts-check
/**
 * The embedded database on a thread of its own (started by `pglite-thread.ts`). PGlite executes
 * each statement synchronously in WebAssembly; on the server's thread a slow one froze pages, API,
 * sockets and health at once. Here it only occupies this thread. Plain JavaScript so that Node runs
 * it as it is, from the sources (tests) and from the server's build (copied beside the bundle).
 *
 * Messages in: { id, op: 'query', sql, parameters } | { id, op: 'ping' } | { id, op: 'listen', channel }
 * | { id, op: 'close' }. Out: { id, result } | { id, error } | { channel, payload } (a notification).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const DATE_OID = 1082;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
// Dates stay 'YYYY-MM-DD' strings, as on PostgreSQL (create-db.ts): no time zone can shift a day.
const pglite = new PGlite(/** @type {{ dataDir: string }} */ (workerData).dataDir, {
  parsers: { [DATE_OID]: (/** @type {string} */ value) => value },
});

/**
 * A database error as plain data, so that it crosses the thread with its SQLSTATE `code`, detail
 * and constraint (an Error's own fields are lost in structured cloning).
 * @param {unknown} error
 */
function plain(error) {
  const { message = String(error), ...fields } = /** @type {Record<string, unknown>} */ (
    error instanceof Error ? { ...error, message: error.message } : { message: String(error) }
  );
  return { message, ...fields };
}

/**
 * @param {{ id: number, op: string, sql?: string, parameters?: unknown[], channel?: string }} message
 */
async function answer(message) {
  switch (message.op) {
    case 'query': {
      const { rows, affectedRows } = await pglite.query(message.sql ?? '', message.parameters ?? [], {
        rowMode: 'object',
      });
      return { rows, affectedRows };
    }
    // Answered as soon as the statement running now ends: the ones queued behind it wait on the
    // server's thread (pglite-thread.ts), so a health check does not stand in their line.
    case 'ping':
      await pglite.waitReady;
      return !pglite.closed;
    case 'listen':
      await pglite.listen(message.channel ?? '', (payload) => port.postMessage({ channel: message.channel, payload }));
      return null;
    case 'close':
      await pglite.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

port.on('message', async (/** @type {{ id: number, op: string }} */ message) => {
  let reply;
  try {
    reply = { id: message.id, result: await answer(message) };
  } catch (error) {
    reply = { id: message.id, error: plain(error) };
  }
  // Every call gets an answer: one that cannot cross the thread would leave its caller waiting.
  try {
    port.postMessage(reply);
  } catch (error) {
    port.postMessage({ id: message.id, error: { message: `Antwort nicht übertragbar: ${plain(error).message}` } });
  }
});
