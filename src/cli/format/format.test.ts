import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bytesSize, formatG, fromHumanSize, humanDuration, humanSize, humanSizeWithPrecision, ramInBytes } from '../../lib/units';
import { ellipsis, truncateID } from './truncate';
import { tabwrite } from './tabwriter';
import { marshal, marshalIndent, sortedMap } from './json';

const conf = (p: string) => readFileSync(resolve(process.cwd(), '../shared/conformance', p), 'utf8');
const units = JSON.parse(conf('cli-golden/units-and-truncation.json'));

describe('units (go-units goldens)', () => {
  it.each(units.HumanDuration as { seconds: number; expected: string }[])('HumanDuration($seconds s)', ({ seconds, expected }) => {
    expect(humanDuration(seconds)).toBe(expected);
  });
  it.each(units.HumanSize_precision4 as { bytes: number; expected: string }[])('HumanSize($bytes)', ({ bytes, expected }) => {
    expect(humanSize(bytes)).toBe(expected);
  });
  it.each(units.BytesSize_binary_precision4 as { bytes: number; expected: string }[])('BytesSize($bytes)', ({ bytes, expected }) => {
    expect(bytesSize(bytes)).toBe(expected);
  });
  it('HumanSizeWithPrecision 3', () => {
    expect(humanSizeWithPrecision(182964289, 3)).toBe('183MB');
    expect(humanSizeWithPrecision(999999, 3)).toBe('1e+03kB');
    expect(humanSizeWithPrecision(0, 3)).toBe('0B');
    expect(humanSizeWithPrecision(10700000, 3)).toBe('10.7MB');
    expect(humanSizeWithPrecision(7800000, 3)).toBe('7.8MB');
  });
  it('formatG', () => {
    expect(formatG(0.0001234, 3)).toBe('0.000123');
    expect(formatG(0.00001234, 3)).toBe('1.23e-05');
    expect(formatG(123456, 4)).toBe('1.235e+05');
  });
  it('parses sizes', () => {
    expect(ramInBytes('512m')).toBe(512 * 1024 * 1024);
    expect(ramInBytes('1g')).toBe(1024 ** 3);
    expect(ramInBytes('32')).toBe(32);
    expect(fromHumanSize('1kb')).toBe(1000);
    expect(() => ramInBytes('abc')).toThrow("invalid size: 'abc'");
  });
});

describe('truncation (cli goldens)', () => {
  it.each(units.TruncateID as { id: string; expected: string }[])('TruncateID($id)', ({ id, expected }) => {
    expect(truncateID(id)).toBe(expected);
  });
  it.each(units.Ellipsis as { source: string; width: number; expected: string }[])('Ellipsis($source, $width)', ({ source, width, expected }) => {
    expect(ellipsis(source, width)).toBe(expected);
  });
  it('command ellipsis at 20', () => {
    expect(ellipsis('docker-entrypoint.sh mysqld', 20)).toBe('docker-entrypoint.s…');
  });
});

describe('tabwriter', () => {
  it('pads to max(10, width+3) and leaves the last cell alone', () => {
    expect(tabwrite('IMAGE\tCONTAINER ID\tNAMES\nab\tc\td\n')).toBe('IMAGE     CONTAINER ID   NAMES\nab        c              d\n');
  });
  it('counts wide characters as 2', () => {
    expect(tabwrite('你好世界\tx\nab\ty\n')).toBe('你好世界   x\nab         y\n');
  });
  it('blocks are contiguous lines with the column', () => {
    expect(tabwrite('a\tb\nsingle\nlonger-cell-here\tc\n')).toBe('a         b\nsingle\nlonger-cell-here   c\n');
  });
  it('empty cells are padded', () => {
    expect(tabwrite('A\t\tC\n')).toBe('A                   C\n');
  });
});

describe('json', () => {
  it('escapes HTML like encoding/json', () => {
    expect(marshal({ a: '<b>&' })).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
    expect(marshal({ a: '<b>' }, false)).toBe('{"a":"<b>"}');
  });
  it('indents with 4 spaces and keeps empty collections compact', () => {
    expect(marshalIndent([{ Id: 'x', RepoTags: [], Config: {} }])).toBe('[\n    {\n        "Id": "x",\n        "RepoTags": [],\n        "Config": {}\n    }\n]');
  });
  it('sorts map keys', () => {
    expect(Object.keys(sortedMap({ b: 1, a: 2, B: 3 })!)).toEqual(['B', 'a', 'b']);
  });
});
