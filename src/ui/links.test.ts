import { describe, expect, it } from 'vitest';
import { findLinks } from './links';

describe('terminal links', () => {
  it('finds the published ports of a PORTS column and opens them on localhost', () => {
    const line = 'a1b2c3d4e5f6   nginx   "/docker-entrypoint.…"   Up 2 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web';
    const links = findLinks(line);
    expect(links.map((l) => [line.slice(l.start, l.end), l.url])).toEqual([
      ['0.0.0.0:8080->80/tcp', 'http://localhost:8080/'],
      ['[::]:8080->80/tcp', 'http://localhost:8080/'],
    ]);
  });

  it('leaves UDP ports and unpublished ports alone, and keeps a URL without its trailing dot', () => {
    expect(findLinks('0.0.0.0:53->53/udp   80/tcp')).toEqual([]);
    const line = 'Open http://localhost:5000/hello. Then stop it.';
    expect(findLinks(line).map((l) => line.slice(l.start, l.end))).toEqual(['http://localhost:5000/hello']);
    expect(findLinks('binds to 127.0.0.1:5000->5000/tcp')[0].url).toBe('http://localhost:5000/');
  });
});
