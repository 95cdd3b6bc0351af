// Rendered in the browser only, like the presentation: the page is one shell for everyone, which the
// service worker keeps for a reload at the venue without network.
export const ssr = false;
