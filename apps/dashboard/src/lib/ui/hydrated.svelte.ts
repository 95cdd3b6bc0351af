import { onMount } from 'svelte';

/**
 * False until the component runs in the browser. The forms of this app are sent by JavaScript;
 * their submit buttons stay disabled until then, so a click before hydration cannot submit the
 * form natively (which would put its fields, passwords included, into a URL or a dead POST).
 * Call during component initialisation.
 */
export function hydrated(): { readonly current: boolean } {
  let ready = $state(false);
  onMount(() => {
    ready = true;
  });
  return {
    get current() {
      return ready;
    },
  };
}
