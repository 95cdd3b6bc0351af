import type { ParamMatcher } from '@sveltejs/kit';
import { AGS_PATTERN } from '@asskomm/domain';

// Anything but a Saxon Gemeinde or Kreis key is a 404 without asking the server.
export const match = ((param: string) => AGS_PATTERN.test(param)) satisfies ParamMatcher;
