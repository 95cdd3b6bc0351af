// One chunk for what only signed-in users need: who else is here, and their notifications.
export { benachrichtigungen } from './benachrichtigungen.svelte';
export { presence } from './presence.svelte';
