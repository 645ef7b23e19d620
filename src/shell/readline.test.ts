import { describe, expect, it } from 'vitest';
import { LineEditor } from './readline';
import { Pipe, PushbackReader } from '../engine/process/pipe';
import { readAllText } from '../lib/read-stream';
import { makeSystem, runProgram } from '../testing/shell/fake-system';
import { shPrograms } from './programs';

function editor(history: string[] = [], completer?: ConstructorParameters<typeof LineEditor>[0]['completer']) {
  const input = new Pipe({ isTTY: true });
  const output = new Pipe();
  let shown = '';
  const drain = (async () => {
    for (;;) {
      const c = await output.reader.read();
      if (c === null) break;
      shown += new TextDecoder().decode(c);
    }
  })();
  const ed = new LineEditor({ input: new PushbackReader(input.reader), output: output.writer, history, completer });
  const type = (s: string) => input.writer.write(s);
  return {
    ed,
    type,
    /** Read one line at `prompt` while `keys` are typed; what readLine returned. */
    line: async (keys: string, prompt = '') => {
      const p = ed.readLine(prompt);
      await type(keys);
      return p;
    },
    shown: async () => {
      await new Promise((r) => setTimeout(r, 5));
      return shown;
    },
    close: () => {
      output.writer.close();
      return drain;
    },
  };
}

describe('readline', () => {
  it('a whole line in one chunk echoes exactly, with no redraw', async () => {
    const t = editor();
    expect(await t.line('docker ps\r', '$ ')).toEqual({ kind: 'line', line: 'docker ps' });
    expect(await t.shown()).toBe('$ docker ps\r\n');
  });

  it('typed-ahead text after Enter is kept for the next read', async () => {
    const t = editor();
    expect(await t.line('one\rtwo\r', '$ ')).toEqual({ kind: 'line', line: 'one' });
    expect(await t.ed.readLine('$ ')).toEqual({ kind: 'line', line: 'two' });
  });

  it('edits: backspace, arrows, home/end, delete, ctrl-u/k/w', async () => {
    const t = editor();
    expect(await t.line('abd\x7fc\x1b[D\x1b[DX\x1b[F!\r')).toEqual({ kind: 'line', line: 'aXbc!' });
    expect(await t.line('hello world\x17there\x01\x1b[3~H\r')).toEqual({ kind: 'line', line: 'Hello there' });
    expect(await t.line('abc\x1b[D\x0b\x15z\r')).toEqual({ kind: 'line', line: 'z' });
  });

  it('history with up and down', async () => {
    const t = editor(['first', 'second']);
    expect(await t.line('dra\x1b[A\x1b[A\x1b[B\r')).toEqual({ kind: 'line', line: 'second' });
  });

  it('ctrl-c and ctrl-d', async () => {
    const t = editor();
    expect(await t.line('abc\x03', '$ ')).toEqual({ kind: 'interrupt' });
    expect(await t.shown()).toBe('$ abc^C\r\n');
    expect(await t.line('\x04', '$ ')).toEqual({ kind: 'eof' });
  });

  it('tab completes a unique candidate and lists on double tab', async () => {
    const t = editor([], async (line, cur) => {
      const w = /\S*$/.exec(line.slice(0, cur))![0];
      return { start: cur - w.length, candidates: ['docker', 'dockerd', 'echo'].filter((c) => c.startsWith(w)) };
    });
    expect(await t.line('ec\t\r')).toEqual({ kind: 'line', line: 'echo ' });
    expect(await t.line('do\t\t\r')).toEqual({ kind: 'line', line: 'docker' });
    expect(await t.shown()).toContain('docker  dockerd');
  });
});

/**
 * Runs a shell program interactively on a terminal (a TTY pipe), types `keys` one write at a time
 * and returns its exit status and everything it printed. `prepare` sets up the filesystem first.
 */
async function typeInto(shell: 'bash' | 'ash', cwd: string, env: Record<string, string>, keys: string[], prepare?: (sys: ReturnType<typeof makeSystem>) => void) {
  const sys = makeSystem();
  prepare?.(sys);
  const inP = new Pipe({ isTTY: true });
  const out = new Pipe();
  const argv = [shell === 'bash' ? 'bash' : 'sh'];
  const proc = sys.newProc(argv, 1);
  const child = sys.run(proc, shPrograms[shell], { argv, env, fs: sys.fs.withCwd(cwd), stdin: inP.reader, stdout: out.writer, stderr: out.writer });
  const text = readAllText(out.reader);
  for (const k of keys) await inP.writer.write(k);
  const status = await child.wait();
  out.writer.close();
  return { status, text: await text };
}

describe('interactive shell on a TTY', () => {
  it('shows prompts, echoes lines, runs them, exits on exit', async () => {
    // The prompt comes from Debian's /etc/bash.bashrc, read before the first prompt.
    const r = await typeInto('bash', '/root', { PATH: '/bin', HOME: '/root', USER: 'root' }, ['echo hi\r', 'for i in 1 2\r', 'do echo $i; done\r', 'exit 4\r'], (sys) => {
      sys.fs.mkdir('/etc', { recursive: true });
      sys.fs.writeFile('/etc/bash.bashrc', "[ -z \"$PS1\" ] && return\nPS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n");
    });
    expect(r).toEqual({ status: 4, text: 'root@testhost:~# echo hi\r\nhi\nroot@testhost:~# for i in 1 2\r\n> do echo $i; done\r\n1\n2\nroot@testhost:~# exit 4\r\nexit\n' });
  });
  it('without startup files bash shows its built-in prompt, as in an image that has none', async () => {
    const r = await typeInto('bash', '/', { PATH: '/bin', HOME: '/nohome', USER: 'root' }, ['exit\r']);
    expect(r).toEqual({ status: 0, text: 'bash-5.2# exit\r\nexit\n' });
  });

  it('ash prompt, Ctrl-C at the prompt, Ctrl-D exits', async () => {
    const r = await typeInto('ash', '/', { PATH: '/bin' }, ['ech\x03', 'nosuch\r', '\x04']);
    expect(r).toEqual({ status: 127, text: '/ # ech^C\r\n/ # nosuch\r\nsh: nosuch: not found\n/ # ' });
  });

  it('bracketed paste: a pasted Tab is text, not completion; on a terminal the mode is switched on and off', async () => {
    let completions = 0;
    const t = editor([], async () => {
      completions++;
      return { start: 0, candidates: ['x1', 'x2'] };
    });
    expect(await t.line('\x1b[200~\tindented\x1b[201~\r', '> ')).toEqual({ kind: 'line', line: '\tindented' });
    expect(completions).toBe(0);
    // Outside a paste, Tab completes as before.
    await t.line('x\t\r', '> ');
    expect(completions).toBe(1);

    const { Pty } = await import('../engine/process/pty');
    const pty = new Pty();
    pty.mode = { canonical: false, echo: false, isig: false }; // as the shell sets it at its prompt
    let shown = '';
    pty.onOutput((s) => (shown += s));
    const lines: string[] = [];
    pty.lineListeners.add((l) => lines.push(l));
    pty.recall = ['docker ps'];
    const history: string[] = [];
    const ed = new LineEditor({ input: new PushbackReader(pty.reader), output: pty.writer, history });
    expect(history).toEqual(['docker ps']);
    const r = ed.readLine('$ ');
    pty.input('ls\r');
    expect(await r).toEqual({ kind: 'line', line: 'ls' });
    expect(shown).toBe('\x1b[?2004h$ ls\x1b[?2004l\r\n');
    expect(lines).toEqual(['ls']);
  });

  it('Ctrl-R searches the history backwards; Ctrl-R again goes further; Enter runs the match; Ctrl-G gives the line back', async () => {
    const t = editor(['docker ps', 'echo hi', 'docker images']);
    const p = t.ed.readLine('$ ');
    await t.type('\x12dock');
    expect(await t.shown()).toMatch(/\(reverse-i-search\)`dock': docker images(\x1b\[K)?(\x1b\[\d+D)?$/);
    await t.type('\x12');
    expect(await t.shown()).toMatch(/`dock': docker ps(\x1b\[K)?(\x1b\[\d+D)?$/);
    await t.type('\x12');
    expect(await t.shown()).toMatch(/\(failed reverse-i-search\)`dock': docker ps/);
    await t.type('\r');
    expect(await p).toEqual({ kind: 'line', line: 'docker ps' });

    expect(await t.line('ls\x12zzz\x07\r', '$ ')).toEqual({ kind: 'line', line: 'ls' });
    expect(await t.line('\x12echo\x1b[C\r', '$ ')).toEqual({ kind: 'line', line: 'echo hi' });
  });
});
