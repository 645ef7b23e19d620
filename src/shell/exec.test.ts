import { describe, expect, it } from 'vitest';
import { run } from '../testing/shell/run';
import { makeSystem, runProgram } from '../testing/shell/fake-system';
import { shPrograms } from './programs';

/** Runs `src` in a shell and, once it has started, sends the shell `signal`; returns how it ended. */
async function runThenSignal(src: string, signal: number) {
  const sys = makeSystem();
  const p = run(src, { sys });
  await new Promise((r) => setTimeout(r, 30));
  const shell = [...sys.procs.values()].find((x) => x.info.argv[0] === 'bash')!;
  sys.kill(shell.info.pid, signal);
  return p;
}

describe('interpreter', () => {
  it('pipelines connect stages and spawn processes', async () => {
    const sys = makeSystem();
    const r = await run('echo hello world | tr lo 01 | cat', { sys });
    expect(r.stdout).toBe('he001 w1r0d\n');
    expect(sys.started.map((a) => a[0])).toContain('tr');
  });

  it('a builtin loop feeding a pipe, and yes | head closes early', async () => {
    const r = await run('for i in 1 2 3; do echo $i; done | wc; yes | head1; echo ${PIPESTATUS:-done}');
    expect(r.stdout).toBe('3\ny\ndone\n');
  });

  it('! and pipefail', async () => {
    expect((await run('! false')).status).toBe(0);
    expect((await run('fail 3 | cat')).status).toBe(0);
    expect((await run('set -o pipefail; fail 3 | cat')).status).toBe(3);
  });

  it('&& || ; and exit statuses', async () => {
    const r = await run('true && echo a || echo b; false && echo c || echo d; fail 7; echo $?');
    expect(r.stdout).toBe('a\nd\n7\n');
  });

  it('redirections: > >> < 2>&1 >&2 &> 2>/dev/null', async () => {
    const sys = makeSystem();
    const r = await run('cd /tmp; echo one > f; echo two >> f; cat < f; cat nope 2>&1; cat nope 2>/dev/null; echo err >&2; cat nope &> g; cat g', { sys });
    expect(r.stdout).toBe('one\ntwo\ncat: nope: No such file or directory\ncat: g: No such file or directory\n'.replace('cat: g: No such file or directory\n', 'cat: nope: No such file or directory\n'));
    expect(r.stderr).toBe('err\n');
    expect(sys.fs.readText('/tmp/f')).toBe('one\ntwo\n');
  });

  it('redirection errors', async () => {
    const r = await run('echo x > /nodir/f; echo $?; cat < /nope');
    expect(r.stderr).toBe('bash: line 1: /nodir/f: No such file or directory\nbash: line 1: /nope: No such file or directory\n');
    expect(r.stdout).toBe('1\n');
  });

  it('here-documents and here-strings', async () => {
    const src = "x=world\ncat <<EOF\nhello $x\n  $(echo sub)\nEOF\ncat <<'EOF'\nraw $x\nEOF\ncat <<-EOF\n\t\ttabs gone\n\tEOF\ncat <<< \"here $x\"";
    expect((await run(src)).stdout).toBe('hello world\n  sub\nraw $x\ntabs gone\nhere world\n');
  });

  it('if/while/until/for/case', async () => {
    const src = `
i=0
while [ $i -lt 3 ]; do i=$((i+1)); done
until [ $i -eq 0 ]; do i=$((i-1)); done
for f in a b; do
  case $f in
    a) echo is-a ;;
    *) echo other-$f ;;
  esac
done
if [ -d /tmp ]; then echo dir; elif true; then echo no; else echo no; fi
echo $i`;
    expect((await run(src)).stdout).toBe('is-a\nother-b\ndir\n0\n');
  });

  it('break and continue with levels', async () => {
    const r = await run('for i in 1 2 3; do for j in a b; do [ $j = b ] && continue 2; [ $i = 3 ] && break 2; echo $i$j; done; done');
    expect(r.stdout).toBe('1a\n2a\n');
  });

  it('functions, local, return, positional params', async () => {
    const src = 'x=global; f() { local x=inner; echo "$1 $# $x"; return 4; }; f a b; echo $? $x';
    expect((await run(src)).stdout).toBe('a 2 inner\n4 global\n');
  });

  it('subshells and groups', async () => {
    const r = await run('x=1; (x=2; cd /tmp; echo $x $PWD); echo $x $PWD; { echo a; echo b; } | wc');
    expect(r.stdout).toBe('2 /tmp\n1 /\n2\n');
  });

  it('command not found and not executable, per flavour', async () => {
    const sys = makeSystem();
    sys.fs.writeFile('/tmp/noexec', 'echo hi', { mode: 0o644 });
    let r = await run('nosuch; echo $?; /tmp/noexec; echo $?', { sys });
    expect(r.stderr).toBe('bash: line 1: nosuch: command not found\nbash: line 1: /tmp/noexec: Permission denied\n');
    expect(r.stdout).toBe('127\n126\n');
    r = await run('nosuch', { flavour: 'dash' });
    expect(r.stderr).toBe('sh: 1: nosuch: not found\n');
    r = await run('nosuch', { flavour: 'ash' });
    expect(r.stderr).toBe('sh: nosuch: not found\n');
  });

  it('a text file without #! runs as a script', async () => {
    const sys = makeSystem();
    sys.fs.writeFile('/tmp/s', 'echo script $1', { mode: 0o755 });
    expect((await run('/tmp/s arg', { sys })).stdout).toBe('script arg\n');
  });

  it('set -e stops at a failing command but not in conditions', async () => {
    const r = await run('set -e; if false; then :; fi; false || true; ! true; echo alive; false; echo dead');
    expect(r.stdout).toBe('alive\n');
    expect(r.status).toBe(1);
  });

  it('set -x traces', async () => {
    const r = await run('set -x; echo "a b"; v=1');
    expect(r.stderr).toBe("+ echo 'a b'\n+ v=1\n");
  });

  it('exit and the EXIT trap', async () => {
    const r = await run('trap "echo bye" EXIT; echo hi; exit 3; echo no');
    expect(r.stdout).toBe('hi\nbye\n');
    expect(r.status).toBe(3);
  });

  it('traps run on signals; wait is interrupted', async () => {
    const r = await runThenSignal('trap "echo got TERM; exit 5" TERM; sleep 100 & wait', 15);
    expect(r.stdout).toBe('got TERM\n');
    expect(r.status).toBe(5);
  });

  it('a busy loop is interrupted by killing the shell', async () => {
    expect((await runThenSignal('while true; do :; done', 2)).status).toBe(130);
  });

  it('background jobs, $!, wait, jobs', async () => {
    const r = await run('sleep 0.01 & p=$!; wait $p; echo st=$?; (exit 3) & wait $!; echo $?');
    expect(r.stdout).toBe('st=0\n3\n');
  });

  it('background jobs without fork run in-process', async () => {
    const r = await run('echo bg & wait; echo done', { fork: false });
    expect(r.stdout).toBe('bg\ndone\n');
  });

  it('exec replaces the shell', async () => {
    const r = await run('exec args 1 2; echo never');
    expect(r.stdout).toBe('<1><2>\n');
  });

  it('exec with only redirections redirects the shell', async () => {
    const sys = makeSystem();
    await run('exec >/tmp/out; echo captured', { sys });
    expect(sys.fs.readText('/tmp/out')).toBe('captured\n');
  });

  it('syntax errors per flavour', async () => {
    expect((await run('echo )')).stderr).toBe("bash: -c: line 1: syntax error near unexpected token `)'\n");
    expect((await run('echo )', { flavour: 'dash' })).stderr).toBe('sh: 1: Syntax error: ")" unexpected\n');
  });

  it('environment: exported vars and prefix assignments reach programs', async () => {
    const r = await run('A=1; export B=2; C=3 env | grep_ 2>/dev/null; C=3 env');
    expect(r.stdout).toContain('B=2\n');
    expect(r.stdout).toContain('C=3\n');
    expect(r.stdout).not.toContain('A=1\n');
  });

  it('[[ ]] and (( ))', async () => {
    const r = await run('x=hello; [[ $x == h* ]] && echo glob; [[ $x =~ ^h(el)+ ]] && echo re; [[ -z "" && ! -n "" ]] && echo logic; (( 3 > 2 )) && echo arith; [[ a < b ]] && echo lt');
    expect(r.stdout).toBe('glob\nre\nlogic\narith\nlt\n');
  });

  it('a script on standard input runs line by line, leaving the rest of the input to its commands', async () => {
    const r = await runProgram(makeSystem(), shPrograms.bash, ['bash'], { stdin: 'read x\nhello there\necho "got $x"\nfor i in 1 2; do\n  echo $i\ndone\nnosuch\nexit 3\necho never\n' });
    expect(r.stdout).toBe('got hello there\n1\n2\n');
    expect(r.stderr).toBe('bash: line 6: nosuch: command not found\n');
    expect(r.status).toBe(3);
  });
});
