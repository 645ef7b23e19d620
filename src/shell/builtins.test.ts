import { describe, expect, it } from 'vitest';
import { run } from '../testing/shell/run';

const out = async (src: string, stdin?: string) => (await run(src, { stdin })).stdout;

describe('builtins', () => {
  it('echo flavours', async () => {
    expect(await out('echo -n a; echo -e "b\\tc"; echo "d\\ne"')).toBe('ab\tc\nd\\ne\n');
    expect((await run('echo "d\\ne"', { flavour: 'dash' })).stdout).toBe('d\ne\n');
  });

  it('printf', async () => {
    expect(await out('printf "%s-%d|%5s|%-3s|%03d|%x|%.2f\\n" a 42 r l 7 255 3.14159')).toBe('a-42|    r|l  |007|ff|3.14\n');
    expect(await out('printf "%s\\n" x y z')).toBe('x\ny\nz\n');
    expect(await out('printf -v v "%s+%s" 1 2; echo $v')).toBe('1+2\n');
  });

  it("printf's octal escapes: three digits in the format, an optional leading 0 in %b (bash's tescape)", async () => {
    expect(await out("printf '\\101|\\0101|%b|%b' '\\101' '\\0101'")).toBe('A|\b1|A|A');
  });

  it('read splits on IFS and leaves the rest of the input', async () => {
    expect(await out('read a b; echo "[$a][$b]"; read c; echo "[$c]"', '  one two three\nnext\n')).toBe('[one][two three]\n[next]\n');
    expect(await out('while read -r line; do echo "<$line>"; done', 'x\\y\nlast')).toBe('<x\\y>\n');
    expect(await out('IFS=: read -r a b <<< "k:v"; echo $a $b')).toBe('k v\n');
  });

  it('cd, pwd, OLDPWD, errors', async () => {
    const r = await run('cd /tmp; pwd; cd -; cd /nope; cd /tmp/none');
    expect(r.stdout).toBe('/tmp\n/\n');
    expect(r.stderr).toBe('bash: line 1: cd: /nope: No such file or directory\nbash: line 1: cd: /tmp/none: No such file or directory\n');
    expect((await run('cd /nope', { flavour: 'dash' })).stderr).toBe("sh: 1: cd: can't cd to /nope\n");
  });

  it('test and [', async () => {
    expect(await out('[ 1 -lt 2 ] && echo a; test -f /bin/cat && echo b; [ "x" = "y" ] || echo c; [ ! -e /nope ] && echo d; [ a = a -a b != c ] && echo e')).toBe('a\nb\nc\nd\ne\n');
    expect((await run('[ 1 -lt 2')).stderr).toBe("bash: line 1: [: missing `]'\n");
    // bash's manual: -ot is also true "if file2 exists and file1 does not"; -nt the other way round.
    expect(await out('[ /nope -ot /bin/cat ] && echo ot; [ /bin/cat -nt /nope ] && echo nt; [ /nope -nt /bin/cat ] || echo no')).toBe('ot\nnt\nno\n');
    expect((await run('[ x -eq 1 ]')).stderr).toBe('bash: line 1: [: x: integer expression expected\n');
  });

  it('type, command -v, alias', async () => {
    const r = await run('type cd; type cat; type if; type nope; command -v cat; alias ll="ls -l"; alias ll; f() { :; }; type f');
    expect(r.stdout).toBe("cd is a shell builtin\ncat is /bin/cat\nif is a shell keyword\n/bin/cat\nalias ll='ls -l'\nf is a function\n");
    expect(r.stderr).toBe('bash: line 1: type: nope: not found\n');
  });

  it('export, unset, readonly, set -o', async () => {
    const r = await run('export A=1; unset A; echo ${A-gone}; readonly R=1; R=2; echo $R');
    expect(r.stdout).toBe('gone\n1\n');
    expect(r.stderr).toBe('bash: line 1: R: readonly variable\n');
  });

  it('getopts', async () => {
    const src = 'while getopts "ab:" o; do echo "$o ${OPTARG-}"; done; shift $((OPTIND-1)); echo "rest $@"';
    expect((await run(src, { args: ['n', '-a', '-b', 'val', 'file'] })).stdout).toBe('a \nb val\nrest file\n');
  });

  it('eval, source, umask, history-free', async () => {
    const r = await run('eval "x=1; echo \\$x"; echo "echo sourced \\$1" > /tmp/s; . /tmp/s arg; umask; umask 077; umask');
    expect(r.stdout).toBe('1\nsourced arg\n0022\n0077\n');
  });

  it('kill and jobs', async () => {
    const r = await run('sleep 100 & kill %1; wait %1; echo $?');
    expect(r.stdout).toBe('143\n');
  });
});
