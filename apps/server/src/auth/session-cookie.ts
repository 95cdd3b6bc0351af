import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';

export interface CookiePolicy {
  /** Production: `__Host-` prefix and `Secure`. Demo mode also runs on plain http://. */
  secure: boolean;
  maxAgeSeconds: number;
}

function cookieName(policy: CookiePolicy): string {
  return policy.secure ? '__Host-asskomm_sitzung' : 'asskomm_sitzung';
}

/** A new unguessable session token (256 bit) and the id under which its hash is stored. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** The stored id of a token: its SHA-256, so the session table does not hold usable tokens. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session token a request carries in its cookie header, if any. */
export function readSessionToken(req: IncomingMessage, policy: CookiePolicy): string | undefined {
  const name = cookieName(policy);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(res: Response, token: string, policy: CookiePolicy): void {
  res.cookie(cookieName(policy), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    maxAge: policy.maxAgeSeconds * 1000,
  });
}

export function clearSessionCookie(res: Response, policy: CookiePolicy): void {
  res.clearCookie(cookieName(policy), { httpOnly: true, sameSite: 'lax', secure: policy.secure, path: '/' });
}
