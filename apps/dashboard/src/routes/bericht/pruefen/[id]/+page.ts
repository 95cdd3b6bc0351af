import type { BerichtPruefung } from '@asskomm/domain';
import { getJson } from '$lib/api';
import type { PageLoad } from './$types';

/** A Lagebericht's record and the corrections since, as the asker may see them. */
export const load = (async ({ fetch, params }) => ({
  pruefung: await getJson<BerichtPruefung>(fetch, `/api/berichte/${encodeURIComponent(params.id)}`),
})) satisfies PageLoad;
