import { describe, expect, it } from 'vitest';
import { cat, less } from './cat';
import { head, tail } from './headtail';
import { wc } from './wc';
import { sort, uniq } from './sortuniq';
import { cut, tr } from './cuttr';
import { grep } from './grep';
import { sed } from './sed';
import { awk } from './awk';
import { echo, printf } from './echo';
import { seq, tee, yes } from './simple';
import { Collect, makeWorld, run } from '../../testing/programs/ctx';
import type { Program } from '../process/types';

function world() {
  const w = makeWorld();
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.writeFile('nums', '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
  fs.writeFile('a.txt', 'hello world\nfoo bar baz\n');
  fs.writeFile('b.txt', 'Hello\nhello\nHELLO\n');
  fs.mkdir('d');
  return w;
}

type Row = [Program, string[], string, string?, string?, number?];
const rows: Row[] = [
  [cat, ['cat', 'a.txt'], 'hello world\nfoo bar baz\n'],
  [cat, ['cat', '-n', 'a.txt'], '     1\thello world\n     2\tfoo bar baz\n'],
  [cat, ['cat', '-'], 'piped', 'piped'],
  [cat, ['cat', 'nope'], '', '', 'cat: nope: No such file or directory\n', 1],
  [cat, ['cat', 'd'], '', '', 'cat: d: Is a directory\n', 1],
  [less, ['less', '-R', 'a.txt'], 'hello world\nfoo bar baz\n'],
  [head, ['head', '-n', '2', 'nums'], '1\n2\n'],
  [head, ['head', '-3', 'nums'], '1\n2\n3\n'],
  [head, ['head', '-n', '-10', 'nums'], '1\n2\n'],
  [head, ['head', '-c', '3', 'a.txt'], 'hel'],
  [head, ['head', '-n1', 'a.txt', 'b.txt'], '==> a.txt <==\nhello world\n\n==> b.txt <==\nHello\n'],
  [head, ['head', 'nope'], '', '', "head: cannot open 'nope' for reading: No such file or directory\n", 1],
  [head, ['head', '-n', 'x', 'nums'], '', '', "head: invalid number of lines: 'x'\n", 1],
  [tail, ['tail', '-n', '2', 'nums'], '11\n12\n'],
  [tail, ['tail', '-n', '+11', 'nums'], '11\n12\n'],
  [tail, ['tail', 'nums'], '3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n'],
  [tail, ['tail', '-c', '4', 'a.txt'], 'baz\n'],
  [wc, ['wc', 'a.txt'], ' 2  5 24 a.txt\n'],
  [wc, ['wc', '-l', 'a.txt'], '2 a.txt\n'],
  [wc, ['wc', '-l'], '3\n', 'a\nb\nc\n'],
  [wc, ['wc'], '      1       2      12\n', 'hello world\n'],
  [wc, ['wc', '-l', 'a.txt', 'b.txt'], ' 2 a.txt\n 3 b.txt\n 5 total\n'],
  [wc, ['wc', '-m'], '3\n', 'é\u00e9\n'],
  [wc, ['wc', 'nope'], '', '', 'wc: nope: No such file or directory\n', 1],
  [sort, ['sort'], 'a\nb\nc\n', 'c\na\nb\n'],
  [sort, ['sort', '-n'], '2\n10\n100\n', '10\n2\n100\n'],
  [sort, ['sort', '-rn'], '100\n10\n2\n', '10\n2\n100\n'],
  [sort, ['sort', '-u'], 'a\nb\n', 'b\na\nb\na\n'],
  [sort, ['sort', '-k', '2', '-t', ','], 'x,1\ny,2\n', 'y,2\nx,1\n'],
  [sort, ['sort', '-k2n'], 'b 2\na 10\n', 'a 10\nb 2\n'],
  [sort, ['sort', 'nope'], '', '', 'sort: cannot read: nope: No such file or directory\n', 2],
  [uniq, ['uniq'], 'a\nb\na\n', 'a\na\nb\na\n'],
  [uniq, ['uniq', '-c'], '      2 a\n      1 b\n', 'a\na\nb\n'],
  [uniq, ['uniq', '-d'], 'a\n', 'a\na\nb\n'],
  [uniq, ['uniq', '-u'], 'b\n', 'a\na\nb\n'],
  [cut, ['cut', '-d', ':', '-f', '1,3'], 'root:0\n', 'root:x:0:0\n'],
  [cut, ['cut', '-c', '1-3'], 'hel\n', 'hello\n'],
  [cut, ['cut', '-f', '2'], 'b\nnotab\n', 'a\tb\tc\nnotab\n'],
  [cut, ['cut', 'x'], '', '', "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1],
  [tr, ['tr', 'a-z', 'A-Z'], 'HELLO\n', 'hello\n'],
  [tr, ['tr', '-d', '0-9'], 'abc\n', 'a1b2c3\n'],
  [tr, ['tr', '-s', ' '], 'a b c\n', 'a   b  c\n'],
  [tr, ['tr', '[:lower:]', '[:upper:]'], 'ABC\n', 'abc\n'],
  [tr, ['tr', 'a'], '', '', "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1],
  [grep, ['grep', 'hello', 'a.txt'], 'hello world\n'],
  [grep, ['grep', '-i', 'hello', 'b.txt'], 'Hello\nhello\nHELLO\n'],
  [grep, ['grep', '-c', 'hello', 'b.txt'], '1\n'],
  [grep, ['grep', '-n', 'foo', 'a.txt'], '2:foo bar baz\n'],
  // GNU context: '-' marks context lines, '--' separates groups, -m keeps the trailing context.
  [grep, ['grep', '-A1', 'a'], 'a\nb\n--\na\ne\n--\na\n', 'a\nb\nc\nd\na\ne\nf\ng\nh\na\n'],
  [grep, ['grep', '-n', '-C1', 'e'], '5-a\n6:e\n7-f\n', 'a\nb\nc\nd\na\ne\nf\n'],
  [grep, ['grep', '-B2', '-m1', 'c'], 'a\nb\nc\n', 'a\nb\nc\nd\nc\n'],
  [grep, ['grep', '-A', 'x', 'a'], '', 'a\n', 'grep: x: invalid context length argument\n', 2],
  [sed, ['sed', 's/o/0/'], 'hell0 world\nf0o\n', 'hello world\nfoo\n'],
  [sed, ['sed', 's/o/0/2g'], 'hello w0rld\nfo0\n', 'hello world\nfoo\n'],
  [sed, ['sed', '-n', '/b/,$p'], 'b\nc\n', 'a\nb\nc\n'],
  [sed, ['sed', 's/\\(a\\)\\(b\\)/\\2\\1&/'], 'baab\n', 'ab\n'],
  [sed, ['sed', '-E', 's/(x+)/[\\1]/g'], '[xx]y[x]\n', 'xxyx\n'],
  [sed, ['sed', '2i\\\ninserted', '-'], 'a\ninserted\nb\n', 'a\nb\n'],
  [sed, ['sed', '$a end'], 'a\nend\n', 'a\n'],
  [sed, ['sed', 'N;s/\\n/,/'], 'a,b\n', 'a\nb\n'],
  [sed, ['sed', '/b/!d'], 'b\n', 'a\nb\nc\n'],
  [sed, ['sed', '2q'], 'a\nb\n', 'a\nb\nc\n'],
  [sed, ['sed', 's/a/b/'], 'b', 'a'],
  [sed, ['sed', 's/x'], '', '', "sed: -e expression #1, char 3: unterminated `s' command\n", 1],
  [sed, ['sed', 'k'], '', '', "sed: -e expression #1, char 1: unknown command: `k'\n", 1],
  [sed, ['sed', 'p', 'nope'], '', '', "sed: can't read nope: No such file or directory\n", 2],
  [awk, ['awk', '{print $1}'], 'a\nb\n', 'a 1\nb 2\n'],
  [awk, ['awk', '{s += $2} END {print "sum", s}'], 'sum 3\n', 'a 1\nb 2\n'],
  [awk, ['awk', '-F:', '$2 >= 10 {print $1}'], 'y\n', 'x:9\ny:10\n'],
  [awk, ['awk', 'NR>1 {print NR": "$NF}'], '2: 2\n', 'a 1\nb 2\n'],
  [awk, ['awk', '/b/,/c/'], 'b\nc\n', 'a\nb\nc\nd\n'],
  [awk, ['awk', 'BEGIN {printf "%-5s|%5.2f|%03d\\n", "ab", 3.14159, 7}'], 'ab   | 3.14|007\n'],
  [awk, ['awk', '-F,', '{$2="X"; print; print NF}'], 'a X  c\n4\n', 'a,b,,c\n'],
  [awk, ['awk', '{n = split($0, p, ";"); gsub(/o/, "[&]", p[2]); print n, p[2], toupper(substr($0, 1, 3))}'], '2 f[o][o] X=1\n', 'x=1;foo\n'],
  [awk, ['awk', '{print $1/$2, 10/3, $1 < $2, "10" < "9"}'], '0.75 3.33333 1 1\n', '3 4\n'],
  [awk, ['awk', '{print $1'], '', '', 'awk: line 1: syntax error at or near end of file\n', 2],
  [grep, ['grep', '-v', 'hello', 'b.txt'], 'Hello\nHELLO\n'],
  [grep, ['grep', '-o', 'ba.', 'a.txt'], 'bar\nbaz\n'],
  [grep, ['grep', '-w', 'ba', 'a.txt'], '', '', '', 1],
  [grep, ['grep', '-E', 'fo+|wor', 'a.txt'], 'hello world\nfoo bar baz\n'],
  [grep, ['grep', 'fo\\+', 'a.txt'], 'foo bar baz\n'],
  [grep, ['grep', 'a+', 'a.txt'], '', '', '', 1],
  [grep, ['grep', '-F', 'a.', 'a.txt'], '', '', '', 1],
  [grep, ['grep', '^[[:upper:]]', 'b.txt'], 'Hello\nHELLO\n'],
  [grep, ['grep', 'hello', 'a.txt', 'b.txt'], 'a.txt:hello world\nb.txt:hello\n'],
  [grep, ['grep', '-l', 'hello', 'a.txt', 'b.txt'], 'a.txt\nb.txt\n'],
  [grep, ['grep', '-q', 'hello', 'a.txt'], ''],
  [grep, ['grep', 'x', 'nope'], '', '', 'grep: nope: No such file or directory\n', 2],
  [grep, ['grep', 'x', 'd'], '', '', 'grep: d: Is a directory\n', 1],
  [grep, ['grep', 'llo'], '(standard input):hello\n'.slice(17), 'hello\nbye\n'],
  [grep, ['grep'], '', '', "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
  [echo, ['echo', 'a', 'b'], 'a b\n'],
  [echo, ['echo', '-n', 'a'], 'a'],
  [echo, ['echo', '-e', 'a\\tb\\n'], 'a\tb\n\n'],
  [echo, ['echo', '-x'], '-x\n'],
  [echo, ['echo', 'a\\nb'], 'a\\nb\n'],
  [printf, ['printf', '%s-%d\\n', 'a', '1', 'b', '2'], 'a-1\nb-2\n'],
  [printf, ['printf', '%5s|%-5s|%05d\\n', 'x', 'y', '42'], '    x|y    |00042\n'],
  [printf, ['printf', '%x %o %X %c\\n', '255', '8', '255', 'hi'], 'ff 10 FF h\n'],
  [printf, ['printf', '%.2f\\n', '3.14159'], '3.14\n'],
  [printf, ['printf', '%b', 'a\\nb\\n'], 'a\nb\n'],
  [printf, ['printf', '%q\\n', 'a b'], "'a b'\n"],
  [printf, ['printf', '%d\\n', 'abc'], '0\n', '', "printf: 'abc': expected a numeric value\n", 1],
  [printf, ['printf'], '', '', "printf: missing operand\nTry 'printf --help' for more information.\n", 1],
  [seq, ['seq', '3'], '1\n2\n3\n'],
  [seq, ['seq', '2', '2', '6'], '2\n4\n6\n'],
  [seq, ['seq', '-w', '8', '10'], '08\n09\n10\n'],
  [seq, ['seq', '-s', ',', '3'], '1,2,3\n'],
  [seq, ['seq', '3', '-1', '1'], '3\n2\n1\n'],
  [seq, ['seq', 'x'], '', '', "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n", 1],
  // The counting-up path (GNU's seq_fast): carries, separators, empty ranges; outputs of GNU seq 9.4.
  [seq, ['seq', '99', '101'], '99\n100\n101\n'],
  [seq, ['seq', '-s', 'ab', '998', '1001'], '998ab999ab1000ab1001\n'],
  [seq, ['seq', '-s', '', '9', '12'], '9101112\n'],
  [seq, ['seq', '0', '0'], '0\n'],
  [seq, ['seq', '2', '1'], ''],
  [seq, ['seq', '-2', '1'], '-2\n-1\n0\n1\n'],
  [wc, ['wc', '-lc'], '      3       9\n', 'a b\nc d\n\n'],
];

describe('text programs', () => {
  it.each(rows)('%#: %j', async (prog, argv, out, stdin = '', err = '', code = 0) => {
    const r = await run(world(), prog, argv, { stdin });
    expect(r.out).toBe(out);
    expect(r.err).toBe(err);
    expect(r.code).toBe(code);
  });

  it('tee writes files and stdout', async () => {
    const w = world();
    const r = await run(w, tee, ['tee', 'out', 'out2'], { stdin: 'x\n' });
    expect(r.out).toBe('x\n');
    expect(w.disk.view().readText('/home/user/out2')).toBe('x\n');
    await run(w, tee, ['tee', '-a', 'out'], { stdin: 'y\n' });
    expect(w.disk.view().readText('/home/user/out')).toBe('x\ny\n');
  });

  it('grep -r lists matches with names', async () => {
    const w = world();
    const r = await run(w, grep, ['grep', '-r', 'hello', '.']);
    expect(r.out).toBe('./a.txt:hello world\n./b.txt:hello\n');
  });

  it('yes stops when the process is signalled', async () => {
    const ac = new AbortController();
    const w = world();
    const p = run(w, yes, ['yes'], { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await expect(p).rejects.toBeTruthy();
  });

  it('tail -f prints what is appended, until signalled', async () => {
    const ac = new AbortController();
    const w = world();
    const fs = w.disk.view();
    fs.writeFile('/home/user/log', 'one\n');
    const pr = run(w, tail, ['tail', '-f', 'log'], { signal: ac.signal });
    const outP = pr.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 5));
    fs.writeFile('/home/user/log', 'two\n', { append: true });
    await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await outP;
    expect(w.clock.now()).toBeGreaterThan(Date.UTC(2025, 9, 1, 9, 0, 0));
  });
});

describe('grep -r names', () => {
  it('omits ./ when no directory is given', async () => {
    const w = world();
    expect((await run(w, grep, ['grep', '-r', '-e', 'foo'])).out).toBe('a.txt:foo bar baz\n');
    expect((await run(w, grep, ['grep', '-rl', 'foo', '.'])).out).toBe('./a.txt\n');
  });
});

describe('head on an endless pipe', () => {
  it('stops reading once it has its lines', async () => {
    const w = world();
    let closed = false;
    const stdin = { isTTY: false, read: async () => new TextEncoder().encode('y\n'), close: () => { closed = true; } };
    const out = new Collect();
    const r = await head({ ...(await ctxFor(w)), argv: ['head', '-n', '3'], stdin, stdout: out });
    expect(r).toBe(0);
    expect(out.text()).toBe('y\ny\ny\n');
    expect(closed).toBe(true);
  });
});

async function ctxFor(w: ReturnType<typeof world>) {
  // Borrow a full context from a run of `true`, then override its streams.
  let captured: Parameters<Program>[0] | undefined;
  await run(w, async (ctx) => ((captured = ctx), 0), ['true']);
  return captured!;
}
