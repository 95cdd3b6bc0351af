import { ladeBericht } from '$lib/bericht/laden';
import type { PageLoad } from './$types';

export const load = ((event) => ladeBericht(event)) satisfies PageLoad;
