import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createLine } from '../line.ts';

/** scrypt parameters from the OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1. */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
// scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is below that for N=2^17.
const MAX_MEMORY = 256 * 1024 * 1024;

/**
 * Hashes run at most two at a time (one per core), at most 64 wait: a flood of logins fills
 * neither libuv's thread pool (which file and DNS work share) nor an unbounded queue.
 */
const hashing = createLine(2, 64, 'Gerade melden sich sehr viele an. Bitte versuchen Sie es in einer Minute erneut.');

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return hashing.run(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url), so parameters can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A real hash to check unknown accounts against, so their answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification without an account, against timing probes for e-mail addresses. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password, await (dummyHash ??= hashPassword('kein-konto-vorhanden')));
  return false;
}
