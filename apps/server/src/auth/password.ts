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
  const actual = await timed(() =>
    scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A real hash to check unknown accounts against, so their answer takes as long as a wrong password.
/** How long the last verifications took, waiting in line included; an answer without an account takes as long. */
const recent: number[] = [];
const RECENT = 20;

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  recent.push(performance.now() - started);
  if (recent.length > RECENT) recent.shift();
  return result;
}

/** The median of the recent verifications; before the first, one hash measured now. */
async function typicalVerificationMs(): Promise<number> {
  if (recent.length === 0) await timed(() => hashPassword('kein-konto-vorhanden'));
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Answers as late as a verification would, without an account, against timing probes for e-mail
 * addresses — but without hashing: an invented address costs no core and no place in the hashing
 * line, so a flood of them cannot starve the sign-ins of real accounts (whose wrong passwords stop at
 * the throttle of 5 per account, routes/auth.ts). The median follows the real verifications' wait in
 * line, so under their load this waits about as long too.
 */
export async function verifyAgainstNothing(): Promise<false> {
  const ms = await typicalVerificationMs();
  await new Promise((resolve) => setTimeout(resolve, ms * (0.9 + Math.random() * 0.2)));
  return false;
}
