// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Me } from '@asskomm/domain';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface PageData {
      /** Who is signed in (from the root layout); `null` for visitors. */
      me: Me | null;
    }
  }
}

export {};
