/**
 * What the page needs to know about share links before it has read one: their prefix, the size
 * limit, and whether an address holds one. The decoding and encoding (link.ts, with fflate) load
 * only when a link is opened or made, so they are not in the JavaScript before the prompt.
 */
export const LINK_PREFIX = '#/share/';
/** The longest fragment accepted (characters): a bigger link is refused before any work. */
export const MAX_LINK_CHARS = 64_000;

export function fragmentOf(s: string): string {
  const i = s.indexOf('#');
  return i < 0 ? '' : s.slice(i);
}

/** Is this fragment (or whole URL) meant to be a share link? Then decodeLink says whether it is one. */
export function isShareFragment(hashOrUrl: string): boolean {
  return fragmentOf(hashOrUrl).startsWith(LINK_PREFIX);
}
