import { describe, expect, it } from 'vitest';
import { Pipe, PIPE_BUF_HIGH, PushbackReader, readLineBytes } from './pipe';
import { readAllText, readLines } from '../../lib/read-stream';
import { EpipeError } from './types';

describe('Pipe', () => {
  it('carries strings as UTF-8 and ends at EOF', async () => {
    const p = new Pipe();
    await p.writer.write('héllo ');
    await p.writer.write(new TextEncoder().encode('world'));
    p.writer.close();
    expect(await readAllText(p.reader)).toBe('héllo world');
  });

  it('a read waits for a write', async () => {
    const p = new Pipe();
    const r = p.reader.read();
    await p.writer.write('x');
    expect(new TextDecoder().decode((await r)!)).toBe('x');
  });

  it('applies back-pressure above 64 KiB', async () => {
    const p = new Pipe();
    let done = false;
    const w = p.writer.write(new Uint8Array(PIPE_BUF_HIGH + 10)).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    await p.reader.read();
    await w;
    expect(done).toBe(true);
  });

  it('write after the reader closed throws EpipeError, pending writes too', async () => {
    const p = new Pipe();
    const w = p.writer.write(new Uint8Array(PIPE_BUF_HIGH * 2));
    p.reader.close();
    await expect(w).rejects.toBeInstanceOf(EpipeError);
    await expect(p.writer.write('x')).rejects.toBeInstanceOf(EpipeError);
  });

  it('reads are abortable with the signal reason', async () => {
    const p = new Pipe();
    const ac = new AbortController();
    const r = p.reader.read(ac.signal);
    ac.abort(new Error('killed'));
    await expect(r).rejects.toThrow('killed');
  });

  it('readLines splits lines and keeps a last partial line', async () => {
    const p = new Pipe();
    await p.writer.write('a\nb');
    await p.writer.write('c\nd');
    p.writer.close();
    const lines: string[] = [];
    for await (const l of readLines(p.reader)) lines.push(l);
    expect(lines).toEqual(['a', 'bc', 'd']);
  });

  it('PushbackReader gives back what follows a line', async () => {
    const p = new Pipe();
    await p.writer.write('one\ntwo\n');
    p.writer.close();
    const r = new PushbackReader(p.reader);
    const l = await readLineBytes(r);
    expect(new TextDecoder().decode(l!)).toBe('one\n');
    expect(await readAllText(r)).toBe('two\n');
  });
});
