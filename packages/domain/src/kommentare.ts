import type { Principal } from './access.ts';

/** `@handle` in a comment: letters, digits, dot, dash and underscore, as in an e-mail's local part. */
const MENTION = /(?<![\w.@-])@([a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9])/gi;

/** The handle by which a user is @mentioned: the local part of their e-mail address. */
export function mentionHandleOf(email: string): string {
  return email.slice(0, email.indexOf('@')).toLowerCase();
}

/** The distinct handles @mentioned in a text, lower case, in order of first mention. */
export function mentionedHandles(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[1]!.toLowerCase()))];
}

/** Every signed-in role may discuss the Kommunen of its scope; a read-only view (admin's "view as") may not. */
export function canKommentieren(principal: Principal): boolean {
  return principal.benutzerId !== null && !principal.readOnly;
}

/** The start of a comment as a notification shows it. */
export function excerpt(text: string, length = 140): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
