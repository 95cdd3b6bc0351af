// Rendered in the browser only: the page's HTML is then the same shell for everyone, which the
// service worker may keep for a reload offline (a server-rendered page would carry the user's data).
export const ssr = false;
