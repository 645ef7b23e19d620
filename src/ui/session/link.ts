/**
 * Share links: a learner's session as a URL. The fragment (never sent to a server) is
 *
 *     #/share/v1.<base64url of deflate-raw of the JSON payload>
 *
 * The payload is small on purpose: the seed of a fresh machine (or `from`, a lesson opened at a
 * step) and the lines typed into it (the headless runner's line format, so `npm run sim` replays a
 * link's log too), the lesson and step, the language, and a digest of the machine it made, so
 * whoever opens the link learns whether the replay rebuilt the same machine. When the worker finds
 * that the log would not replay to this machine, `snap` carries the machine's snapshot instead
 * (bigger, but exact); the worker validates it whole before booting it.
 *
 * A link is untrusted input. `decodeLink` validates it whole (size first, then version, base64url,
 * inflate with a bounded output, JSON, then every field), never throws, and answers a typed payload
 * or one error with a code and words for the learner. Nothing in a link runs as code: the log is
 * typed into the simulated terminal, as the learner could have typed it.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fragmentOf, LINK_PREFIX, MAX_LINK_CHARS } from './link-fragment';

export { isShareFragment, LINK_PREFIX, MAX_LINK_CHARS } from './link-fragment';
export const LINK_VERSION = 'v1.';
/** The largest payload once inflated (bytes): a deflate bomb stops here. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_LOG_LINES = 4000;
export const MAX_LINE_CHARS = 8000;

export type LinkLang = 'zh-CN' | 'en';

export interface SharePayload {
  v: 1;
  lesson?: { id: string; hash: string; step: number };
  lang: LinkLang;
  seed: number;
  log: string[];
  /** The log starts from this lesson's start at this step (absent: a fresh machine with `seed`). */
  from?: { lesson: string; step: number };
  /** The machine's snapshot, when a replay of the log would not make it (then `log` is empty). */
  snap?: Record<string, unknown>;
  /** machineDigest() of the machine the log made (src/engine/digest.ts). */
  digest: string;
}

export type LinkErrorCode = 'too-large' | 'version' | 'encoding' | 'inflate' | 'json' | 'schema';
export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; code: LinkErrorCode; message: string };

export function encodeLink(p: SharePayload): string {
  const json = JSON.stringify(p);
  return LINK_PREFIX + LINK_VERSION + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

export function decodeLink(hashOrUrl: string): DecodeResult {
  try {
    return decode(hashOrUrl);
  } catch (e) {
    // Nothing above should throw; if a library does, the learner still gets a message.
    return bad('encoding', `the link could not be read (${e instanceof Error ? e.name : 'error'})`);
  }
}

function bad(code: LinkErrorCode, message: string): DecodeResult {
  return { ok: false, code, message };
}

function decode(hashOrUrl: string): DecodeResult {
  if (typeof hashOrUrl !== 'string') return bad('encoding', 'the link is not text');
  if (hashOrUrl.length > MAX_LINK_CHARS + 4096) return bad('too-large', `the link is too long (${hashOrUrl.length} characters, at most ${MAX_LINK_CHARS})`);
  const frag = fragmentOf(hashOrUrl);
  if (!frag.startsWith(LINK_PREFIX)) return bad('encoding', 'the address holds no share link');
  const body = frag.slice(LINK_PREFIX.length);
  if (body.length > MAX_LINK_CHARS) return bad('too-large', `the link is too long (${body.length} characters, at most ${MAX_LINK_CHARS})`);
  const m = /^v(\d{1,6})\./.exec(body);
  if (!m) return bad('version', 'the link has no version mark (it should start with v1.)');
  if (m[1] !== '1') return bad('version', `the link was made by a newer or unknown version of Docker Lab (v${m[1]})`);
  const bytes = fromBase64Url(body.slice(m[0].length));
  if (!bytes) return bad('encoding', 'the link is damaged (characters outside base64url, or cut short)');
  let raw: Uint8Array;
  try {
    // A fixed output buffer: fflate does not grow it, so a deflate bomb is cut at the limit.
    const out = new Uint8Array(MAX_PAYLOAD_BYTES + 1);
    raw = inflateSync(bytes, { out });
    if (raw.length > MAX_PAYLOAD_BYTES) return bad('too-large', `the link's content is too large (over ${MAX_PAYLOAD_BYTES} bytes)`);
  } catch {
    return bad('inflate', 'the link is damaged (its compressed data does not unpack)');
  }
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(raw));
  } catch {
    return bad('json', 'the link is damaged (its content is not a session)');
  }
  const problem = checkPayload(value);
  if (problem) return bad('schema', `the link does not hold a valid session: ${problem}`);
  return { ok: true, payload: value as SharePayload };
}

const KEYS = new Set(['v', 'lesson', 'lang', 'seed', 'log', 'digest', 'from', 'snap']);
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,60}\/[a-z0-9][a-z0-9-]{0,60}$/;

/** The first thing wrong with a decoded payload, or undefined when it is whole. */
export function checkPayload(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'not an object';
  const o = x as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.has(k)) return `unknown field "${k.slice(0, 20)}"`;
  if (o.v !== 1) return 'version is not 1';
  if (o.lang !== 'zh-CN' && o.lang !== 'en') return 'language is not zh-CN or en';
  if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) return 'seed is not a 32-bit number';
  if (typeof o.digest !== 'string' || !/^[0-9a-f]{8}(\.[0-9a-f]{8}){4}$/.test(o.digest)) return 'digest is malformed';
  if (!Array.isArray(o.log)) return 'log is not a list';
  if (o.log.length > MAX_LOG_LINES) return `log has more than ${MAX_LOG_LINES} lines`;
  for (const line of o.log) {
    if (typeof line !== 'string') return 'a log line is not text';
    if (line.length > MAX_LINE_CHARS) return 'a log line is too long';
    if (/[\r\n]/.test(line)) return 'a log line holds a line break';
  }
  if (o.lesson !== undefined) {
    const l = o.lesson as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || Array.isArray(l)) return 'lesson is not an object';
    for (const k of Object.keys(l)) if (k !== 'id' && k !== 'hash' && k !== 'step') return `unknown lesson field "${k.slice(0, 20)}"`;
    if (typeof l.id !== 'string' || !LESSON_ID.test(l.id)) return 'lesson id is malformed';
    if (typeof l.hash !== 'string' || !/^[0-9a-f]{0,64}$/.test(l.hash)) return 'lesson hash is malformed';
    if (typeof l.step !== 'number' || !Number.isInteger(l.step) || l.step < 0 || l.step > 999) return 'lesson step is malformed';
  }
  if (o.from !== undefined) {
    const f = o.from as Record<string, unknown>;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return 'from is not an object';
    for (const k of Object.keys(f)) if (k !== 'lesson' && k !== 'step') return `unknown from field "${k.slice(0, 20)}"`;
    if (typeof f.lesson !== 'string' || !LESSON_ID.test(f.lesson)) return 'from lesson id is malformed';
    if (typeof f.step !== 'number' || !Number.isInteger(f.step) || f.step < 0 || f.step > 999) return 'from step is malformed';
  }
  if (o.snap !== undefined) {
    // Its inside is checked whole by the worker (validateSnapshot) before anything boots from it.
    if (typeof o.snap !== 'object' || o.snap === null || Array.isArray(o.snap)) return 'snapshot is not an object';
    if (o.log.length) return 'a link holds either a snapshot or a log, not both';
  }
  return undefined;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) s += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return s;
}

/** Strict: undefined for any character outside the alphabet or an impossible length. */
export function fromBase64Url(s: string): Uint8Array | undefined {
  if (s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? INDEX[c] : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
