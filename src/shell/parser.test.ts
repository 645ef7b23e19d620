import { describe, expect, it } from 'vitest';
import { parse, ParseError } from './parser';

describe('parser', () => {
  it('parses lists, pipelines and and-or', () => {
    const l = parse('a | b && c || d; e &');
    expect(l.items).toHaveLength(2);
    expect(l.items[0].cmd.first.cmds).toHaveLength(2);
    expect(l.items[0].cmd.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(l.items[1].background).toBe(true);
    expect(l.items[1].text).toBe('e');
  });

  it('keeps nasty quoting structure', () => {
    const l = parse(`echo "a'b" 'c"d' $'e\\tf' a\\ b "x$(echo ")")y"`);
    const c = l.items[0].cmd.first.cmds[0];
    expect(c.type).toBe('simple');
    if (c.type === 'simple') expect(c.words).toHaveLength(6);
  });

  it('parses compound commands', () => {
    const src = `if a; then b; elif c; then d; else e; fi
while x; do y; done
for i in 1 2; do echo $i; done
case $x in a|b) echo ab;; *) echo other;; esac
f() { echo f; }
function g { echo g; }
(( x > 1 )) && [[ $a == b* && -n $c ]]
( cd /; ls )`;
    const types = parse(src).items.map((i) => i.cmd.first.cmds[0].type);
    expect(types).toEqual(['if', 'while', 'for', 'case', 'func', 'func', 'arithcmd', 'subshell']);
  });

  it('reads here-documents after the line', () => {
    const l = parse('cat <<EOF; echo after\nhello $x\nEOF\necho next');
    const c = l.items[0].cmd.first.cmds[0];
    expect(c.type === 'simple' && c.redirs[0].heredoc).toBeTruthy();
    expect(l.items).toHaveLength(3);
  });

  it('case inside $( ) is parsed by a nested parser', () => {
    expect(() => parse('x=$(case a in a) echo y;; esac)')).not.toThrow();
  });

  it('reports syntax errors with the token, and incomplete input', () => {
    try {
      parse('echo )');
      expect.unreachable();
    } catch (e) {
      expect((e as ParseError).message).toBe("syntax error near unexpected token `)'");
    }
    try {
      parse('if true; then');
      expect.unreachable();
    } catch (e) {
      expect((e as ParseError).incomplete).toBe(true);
    }
    expect(() => parse('echo "abc')).toThrow(ParseError);
  });

  it('an interactive here-document is incomplete until its delimiter line; a script only warns', () => {
    expect(() => parse('cat <<EOF\nhello\n')).not.toThrow();
    let err: unknown;
    try {
      parse('cat <<EOF\nhello\n', 1, { heredocNeedsEnd: true });
    } catch (e) {
      err = e;
    }
    expect((err as ParseError).incomplete).toBe(true);
    expect(() => parse('cat <<EOF\nhello\nEOF\n', 1, { heredocNeedsEnd: true })).not.toThrow();
  });

  it('a last line ending in an unquoted backslash is incomplete when reading lines', () => {
    const incomplete = (src: string) => {
      try {
        parse(src, 1, { heredocNeedsEnd: true });
        return false;
      } catch (e) {
        return (e as ParseError).incomplete;
      }
    };
    expect(incomplete('docker run -it --rm \\\n')).toBe(true);
    expect(incomplete('echo a\\\n')).toBe(true);
    expect(incomplete('echo a \\\n  b\n')).toBe(false);
    expect(incomplete('echo a\\\\\n')).toBe(false); // an escaped backslash
    expect(incomplete('echo a # c \\\n')).toBe(false); // inside a comment
    expect(incomplete("echo 'a \\'\n")).toBe(false);
    expect(() => parse('echo a \\\n')).not.toThrow(); // a script's end of file ends it
  });
});
