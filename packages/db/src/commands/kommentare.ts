import {
  canKommentieren,
  HttpError,
  mentionedHandles,
  type Actor,
  type Erwaehnbar,
  type Kommentar,
} from '@asskomm/domain';
import { runCommand, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as kommentare from '../kommentare.ts';

/**
 * A comment on a Kommune of the caller's scope; everyone it @mentions who can see that Kommune
 * gets a notification (naming oneself notifies no one). A comment changes no data: the Kommune's
 * version stays.
 */
export function createKommentar(
  handle: DbHandle,
  actor: Actor,
  { ags, text }: { ags: string; text: string },
  { idempotencyKey }: { idempotencyKey?: string | undefined } = {},
): Promise<Outcome<Kommentar>> {
  return runCommand(handle, {
    actor,
    kommunen: [{ ags }],
    may: { allowed: canKommentieren, message: 'In dieser Ansicht kann nicht kommentiert werden.' },
    dissolvedAllowed: true,
    idempotency: idempotencyKey ? { key: idempotencyKey, name: 'kommentar:create', input: { ags, text } } : undefined,
    work: async ({ trx, kommunen: [kommune] }) => {
      const autorId = actor.principal.benutzerId!;
      const erwaehnt = resolveMentions(text, await kommentare.mentionable(trx, kommune!.polizeidirektion)).filter(
        (user) => user.id !== autorId,
      );
      const { kommentar, benachrichtigungen } = await kommentare.create(trx, { ags, autorId, text, erwaehnt });
      const after = {
        ...kommentar,
        erwaehnt: erwaehnt.map((user) => ({ ...user, benachrichtigung: benachrichtigungen.get(user.id)! })),
      };
      return {
        events: [{ type: 'kommentar:created', ags, before: null, after }],
        answer: () => ({ ...kommentar, autor: { id: autorId, name: actor.name ?? '' } }),
      };
    },
  });
}

/** The users a text @mentions; 422 naming the first handle nobody who can see the Kommune has. */
function resolveMentions(text: string, mentionable: Erwaehnbar[]): { id: number; name: string }[] {
  return mentionedHandles(text).map((handle) => {
    const users = mentionable.filter((user) => user.handle === handle);
    if (users.length !== 1) {
      throw new HttpError(
        422,
        users.length
          ? `@${handle} ist nicht eindeutig; bitte die Person anders ansprechen.`
          : `@${handle} kennen wir nicht, oder diese Person kann diese Kommune nicht sehen.`,
        'text',
      );
    }
    return { id: users[0]!.id, name: users[0]!.name };
  });
}
