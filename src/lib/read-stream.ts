/** Reading a program's input to its end, or line by line. */
import type { ReadStream } from '../api/streams';
import { concatBytes } from './bytes';

/** Read a stream to its end and decode it as UTF-8. */
export async function readAllText(stream: ReadStream, signal?: AbortSignal): Promise<string> {
  return new TextDecoder().decode(await readAllBytes(stream, signal));
}

/** Read a stream to its end as bytes. */
export async function readAllBytes(stream: ReadStream, signal?: AbortSignal): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const c = await stream.read(signal);
    if (c === null) break;
    parts.push(c);
    n += c.length;
  }
  return concatBytes(parts, n);
}

/**
 * Lines of a stream without their '\n' (a last line without one is still yielded). Decoding is
 * streaming, so a multi-byte character split across chunks survives.
 */
export async function* readLines(stream: ReadStream, signal?: AbortSignal): AsyncGenerator<string> {
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const c = await stream.read(signal);
    if (c === null) break;
    buf += dec.decode(c, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      yield buf.slice(0, i);
      buf = buf.slice(i + 1);
    }
  }
  buf += dec.decode();
  if (buf) yield buf;
}
