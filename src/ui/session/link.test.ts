import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeLink, encodeLink, fromBase64Url, LINK_PREFIX, MAX_LINK_CHARS, toBase64Url, type SharePayload } from './link';

const sample: SharePayload = {
  v: 1,
  lesson: { id: 'containers/run-and-remove', hash: 'abc123', step: 2 },
  lang: 'en',
  seed: 1,
  log: ['docker run --name web -d nginx', 'docker ps -a', '@keys docker rm -f w<Tab><Enter>'],
  digest: '01234567.89abcdef.00000000.11111111.22222222',
};

/** A deterministic random source, so a failing case can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function linkOf(json: string): string {
  return LINK_PREFIX + 'v1.' + toBase64Url(deflateSync(strToU8(json)));
}

describe('share links', () => {
  it('round-trips a payload and stays short for a typical lesson session', () => {
    const link = encodeLink(sample);
    expect(link.startsWith('#/share/v1.')).toBe(true);
    expect(decodeLink('https://example.org/lab/' + link)).toEqual({ ok: true, payload: sample });
    expect(link.length).toBeLessThan(300);
  });

  it('base64url round-trips every length and refuses foreign characters', () => {
    const r = rng(1);
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(fromBase64Url('ab+c')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });

  it('refuses other versions, oversized links, bad JSON and bad fields with a reason', () => {
    const body = encodeLink(sample).slice(LINK_PREFIX.length + 3);
    expect(decodeLink(LINK_PREFIX + 'v2.' + body)).toMatchObject({ ok: false, code: 'version' });
    expect(decodeLink(LINK_PREFIX + body)).toMatchObject({ ok: false, code: 'version' });
    expect(decodeLink(LINK_PREFIX + 'v1.' + 'A'.repeat(1_000_000))).toMatchObject({ ok: false, code: 'too-large' });
    expect(decodeLink(linkOf('{"v":1'))).toMatchObject({ ok: false, code: 'json' });
    expect(decodeLink(linkOf(JSON.stringify({ ...sample, seed: -1 })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf(JSON.stringify({ ...sample, log: ['a\nb'] })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf(JSON.stringify({ ...sample, extra: 1 })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf(JSON.stringify({ ...sample, lesson: { id: '../../x', hash: '', step: 0 } })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf('null'))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink('#/lesson/basics/hello')).toMatchObject({ ok: false, code: 'encoding' });
  });

  it('carries a lesson base or a snapshot, never both a snapshot and a log', () => {
    const from = { ...sample, from: { lesson: 'images/image-commands', step: 3 } };
    expect(decodeLink(encodeLink(from))).toEqual({ ok: true, payload: from });
    const snap = { ...sample, log: [], snap: { format: 'docker-lab-machine', version: 1 } };
    expect(decodeLink(encodeLink(snap))).toEqual({ ok: true, payload: snap });
    expect(decodeLink(linkOf(JSON.stringify({ ...snap, log: ['ls'] })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf(JSON.stringify({ ...snap, snap: [1] })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf(JSON.stringify({ ...from, from: { lesson: '../x', step: 1 } })))).toMatchObject({ ok: false, code: 'schema' });
    expect(decodeLink(linkOf(JSON.stringify({ ...from, from: { lesson: 'a/b', step: 1, run: 'x' } })))).toMatchObject({ ok: false, code: 'schema' });
  });

  it('stops a deflate bomb at the payload limit', () => {
    const bomb = deflateSync(new Uint8Array(20_000_000).fill(32), { level: 9 });
    const link = LINK_PREFIX + 'v1.' + toBase64Url(bomb);
    expect(link.length).toBeLessThan(MAX_LINK_CHARS);
    const t0 = performance.now();
    expect(decodeLink(link)).toMatchObject({ ok: false, code: 'too-large' });
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('fuzz: random bytes, truncations, flipped characters and wrong versions never throw', () => {
    const r = rng(42);
    const good = encodeLink(sample);
    const cases: string[] = [];
    for (let i = 0; i < 300; i++) cases.push(good.slice(0, Math.floor(r() * good.length)));
    for (let i = 0; i < 300; i++) {
      const chars = [...good];
      const at = LINK_PREFIX.length + Math.floor(r() * (chars.length - LINK_PREFIX.length));
      chars[at] = String.fromCharCode(Math.floor(r() * 0x3000));
      cases.push(chars.join(''));
    }
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(r() * 400) }, () => Math.floor(r() * 256));
      cases.push(LINK_PREFIX + 'v1.' + toBase64Url(bytes));
      cases.push(LINK_PREFIX + 'v1.' + toBase64Url(deflateSync(bytes)));
      cases.push(LINK_PREFIX + `v${Math.floor(r() * 1e6)}.` + toBase64Url(bytes));
    }
    for (const json of ['[]', '"x"', '1e999', '{"v":1,"lang":"en","seed":1,"log":{},"digest":""}', '{"__proto__":{"v":1}}']) cases.push(linkOf(json));
    cases.push('', '#', LINK_PREFIX, LINK_PREFIX + 'v1.', '#/share/v1.====', '#/share/v1.' + '\u{1F600}'.repeat(100));
    for (const c of cases) {
      const res = decodeLink(c);
      expect(typeof res.ok).toBe('boolean');
      if (!res.ok) expect(res.message.length).toBeGreaterThan(0);
    }
  });
});
