import { afterAll, beforeAll } from 'vitest';
import type { DatabaseKind } from './create-db.ts';
import { createSeededTestDatabase, type TestDatabase } from './testing.ts';

/**
 * Something the tests of one `describe` block share (a database, a server): made before them, with
 * room for migrations and seeding on a loaded machine, and disposed of after them, also when a test
 * failed. Call it in the `describe` callback; the returned function gives the thing to the tests.
 */
export function forTheSuite<T>(make: () => Promise<T>, dispose: (thing: T) => Promise<void>): () => T {
  let thing: T | undefined;
  beforeAll(async () => {
    thing = await make();
  }, 180_000);
  afterAll(async () => {
    if (thing !== undefined) await dispose(thing);
  });
  return () => {
    if (thing === undefined) throw new Error('Die Testumgebung ist noch nicht bereit.');
    return thing;
  };
}

/** A seeded database for the tests of one `describe` block. */
export function useSeededTestDatabase(kind: DatabaseKind, options: { demo: boolean }): () => TestDatabase {
  return forTheSuite(
    () => createSeededTestDatabase(kind, options),
    (test) => test.drop(),
  );
}
