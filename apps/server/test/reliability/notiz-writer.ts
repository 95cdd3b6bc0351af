import type { KommuneDetail } from '@asskomm/domain';
import type { TestClient } from '../test-client.ts';

interface Target {
  ags: string;
  meilensteinId: number;
  /** The Kommune's version as this writer last saw it. */
  version: number;
  /** The last write got no answer (its node died): it may or may not have committed. */
  unanswered?: boolean;
}

export interface Write {
  ags: string;
  notiz: string;
  status: number;
}

/**
 * Makes changes the way an editor does, one command at a time: a new note on a milestone
 * (`PATCH /api/meilensteine/:id` with the version seen), taking the Kommunen in turn.
 */
export class NotizWriter {
  #turn = 0;
  #count = 0;

  private constructor(
    /** Whose session writes, and through which node; may be swapped for another node's client. */
    public client: TestClient,
    readonly targets: Target[],
  ) {}

  /** A writer over `count` current Gemeinden of the demo data that have an active milestone. */
  static async over(client: TestClient, count: number): Promise<NotizWriter> {
    const list = await client.json<{ ags: string; status: string }[]>('GET', '/api/kommunen');
    const targets: Target[] = [];
    for (const { ags } of list.body.filter((k) => k.ags.length === 8 && k.status !== 'kein_kontakt')) {
      const detail = (await client.json<KommuneDetail>('GET', `/api/kommunen/${ags}`)).body;
      const meilenstein = detail.meilensteine.find((m) => !m.zurueckgezogen);
      if (meilenstein) targets.push({ ags, meilensteinId: meilenstein.id, version: detail.version });
      if (targets.length === count) return new NotizWriter(client, targets);
    }
    throw new Error(`keine ${count} Gemeinden mit Meilenstein in den Demodaten`);
  }

  get kommunen(): string[] {
    return this.targets.map((t) => t.ags);
  }

  /** One change on the next Kommune; status 0 when no answer came (the node is gone). */
  async write(): Promise<Write> {
    const target = this.targets[this.#turn++ % this.targets.length]!;
    // As an editor's page reloads after a lost answer: read where the Kommune stands now.
    if (target.unanswered) {
      const now = await this.client
        .json<KommuneDetail>('GET', `/api/kommunen/${target.ags}`)
        .catch(() => ({ status: 0, body: undefined }));
      if (now.status === 200) [target.version, target.unanswered] = [now.body!.version, false];
    }
    const notiz = `Zuverlässigkeitstest, Änderung ${++this.#count}`;
    const answer = await this.client
      .json<{ version: number; aktuell: KommuneDetail }>('PATCH', `/api/meilensteine/${target.meilensteinId}`, {
        notiz,
        version: target.version,
      })
      .catch(() => ({ status: 0, body: undefined }));
    if (answer.status === 0) target.unanswered = true;
    if (answer.status === 200) target.version = answer.body!.version;
    // Someone else's change, or one of ours whose answer was lost with its node: go on from the current version.
    if (answer.status === 409) target.version = answer.body!.aktuell.version;
    return { ags: target.ags, notiz, status: answer.status };
  }

  /** `count` changes, one every `everyMs`; resolves with all of them. */
  async writeMany(count: number, everyMs = 0): Promise<Write[]> {
    const writes: Write[] = [];
    for (let i = 0; i < count; i++) {
      const started = Date.now();
      writes.push(await this.write());
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
    }
    return writes;
  }
}
