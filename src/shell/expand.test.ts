import { describe, expect, it } from 'vitest';
import { run } from '../testing/shell/run';

const out = async (src: string, args?: string[]) => (await run(src, { args })).stdout;

describe('word expansion', () => {
  it.each([
    ['v=hello; echo ${v} ${#v}', 'hello 5\n'],
    ['echo ${u:-def} ${u-d2} "${u:+set}"', 'def d2 \n'],
    ['e=; echo "[${e:-x}][${e-y}][${e:+z}][${e+w}]"', '[x][][][w]\n'],
    ['echo ${a:=assigned}; echo $a', 'assigned\nassigned\n'],
    ['p=/usr/local/bin/file.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}', 'usr/local/bin/file.tar.gz file.tar.gz /usr/local/bin/file.tar /usr/local/bin/file\n'],
    ['v=aXbXc; echo ${v/X/-} ${v//X/-} ${v/#a/A} ${v/%c/C}', 'a-bXc a-b-c AXbXc aXbXC\n'],
    ['v=abcdef; echo ${v:2} ${v:1:3} ${v: -2}', 'cdef bcd ef\n'],
    ['v=Hello; echo ${v^^} ${v,,}', 'HELLO hello\n'],
    ['echo $((1 + 2 * 3)) $((10 / 3)) $((2 ** 10)) $((7 % 3)) $((0x10)) $((1 < 2 ? 5 : 6))', '7 3 1024 1 16 5\n'],
    ['x=5; echo $((x += 2)) $x $((x++)) $x', '7 7 7 8\n'],
    ['echo $(echo a; echo b) `echo c`', 'a b c\n'],
    ['echo "$(printf "a\\n\\n\\n")"', 'a\n'],
    ["echo 'single $x' \"double $((1+1))\" \\$HOME", 'single $x double 2 $HOME\n'],
    ["echo $'a\\tb\\x41\\u00e9'", 'a\tbAé\n'],
    ['HOME=/root; echo ~ ~/x "~"', '/root /root/x ~\n'],
    ['v="a  b   c"; args $v; args "$v"', '<a><b><c>\n<a  b   c>\n'],
    ['IFS=:; v="a::b:"; args $v', '<a><><b>\n'],
    ['v="  lead trail  "; args $v', '<lead><trail>\n'],
    ['args "" $empty "$empty" x', '<><><x>\n'],
    ['v="*"; echo "$v"', '*\n'],
    ['v="a\\b"; echo $v', 'a\\b\n'],
    ['echo ${#}', '0\n'],
  ])('%s', async (src, expected) => {
    expect(await out(src)).toBe(expected);
  });

  it('positional parameters, "$@" and "$*"', async () => {
    expect(await out('args "$@"; args "$*"; args $@; echo $# $1 $2 $0', ['name', 'a b', 'c'])).toBe('<a b><c>\n<a b c>\n<a><b><c>\n2 a b c name\n');
    expect(await out('args "$@"', ['n'])).toBe('\n');
    expect(await out('set -- x y z; shift; echo $@ $#')).toBe('y z 2\n');
  });

  it('special parameters $? $$ $!', async () => {
    const r = await run('false; echo $?; echo $$ | tr 0123456789 dddddddddd; sleep 0 & echo ${!:+has}');
    expect(r.stdout).toBe('1\nddd\nhas\n');
  });

  it('globs sorted, dotfiles hidden, no match left literal', async () => {
    const r = await run('cd /tmp; echo x >b.txt; echo x >a.txt; echo x >.h.txt; echo x > c.log; echo *.txt; echo /tmp/*.log; echo *.none; echo "*.txt"; echo .*.txt');
    expect(r.stdout).toBe('a.txt b.txt\n/tmp/c.log\n*.none\n*.txt\n.h.txt\n');
  });

  it('unbound variables with set -u and ${v?msg}', async () => {
    let r = await run('set -u; echo $nope; echo after');
    expect(r.stderr).toBe('bash: line 1: nope: unbound variable\n');
    expect(r.status).toBe(1);
    r = await run('echo ${v?is required}');
    expect(r.stderr).toBe('bash: line 1: v: is required\n');
    r = await run('echo ${}');
    expect(r.stderr).toBe('bash: line 1: ${}: bad substitution\n');
  });

  it('arithmetic errors', async () => {
    const r = await run('echo $((1/0))');
    expect(r.stderr).toBe('bash: line 1: 1/0: division by 0 (error token is "0")\n');
  });
});
