/**
 * Clickable addresses in the terminal: a published port as the PORTS column of `docker ps` writes
 * it (`0.0.0.0:8080->80/tcp`, `[::]:8080->80/tcp`) and a plain `http://localhost:PORT/…` address
 * open the page's browser pane. Pure, so it is unit-tested; TerminalView feeds it buffer lines.
 */
export interface TextLink {
  /** 0-based start column and end column (exclusive) in the line's text. */
  start: number;
  end: number;
  url: string;
}

const PORT = /(\d{1,3}(?:\.\d{1,3}){3}|\[::\]|::):(\d{1,5})->\d{1,5}\/tcp/g;
const URL_RE = /https?:\/\/(?:localhost|127\.0\.0\.1|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:\/[^\s"'<>]*)?/g;

export function findLinks(line: string): TextLink[] {
  const out: TextLink[] = [];
  for (const m of line.matchAll(PORT)) {
    const ip = m[1];
    const host = ip === '0.0.0.0' || ip === '[::]' || ip === '::' || ip === '127.0.0.1' ? 'localhost' : ip;
    out.push({ start: m.index, end: m.index + m[0].length, url: `http://${host}:${m[2]}/` });
  }
  for (const m of line.matchAll(URL_RE)) {
    if (out.some((l) => m.index < l.end && m.index + m[0].length > l.start)) continue;
    const text = m[0].replace(/[.,;:)]+$/, '');
    out.push({ start: m.index, end: m.index + text.length, url: text });
  }
  return out.sort((a, b) => a.start - b.start);
}
