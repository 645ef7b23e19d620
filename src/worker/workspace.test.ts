import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace';
import { KeyLog } from './keylog';
import { machineDigest } from '../engine/digest';
import { runScript } from '../tools/headless';
import { bootMachine } from '../testing/boot';

/** Type into the workspace's machine as the worker does for a page's terminal. */
async function session(ws: Workspace) {
  let term = ws.machine.openTerminal({ history: ws.history });
  let shown = '';
  const attach = () => {
    term.onOutput((s) => (shown += s));
    term.onLine((l) => ws.lineRead(l));
  };
  attach();
  ws.onReplace((m) => {
    term.close();
    term = m.openTerminal({ history: ws.history });
    attach();
  });
  const prompt = async () => {
    for (let i = 0; i < 2000 && !term.atHostPrompt(); i++) await new Promise((r) => setTimeout(r, 2));
    expect(term.atHostPrompt()).toBe(true);
  };
  await prompt();
  return {
    async type(line: string) {
      ws.beforeInput(line + '\r', term.atHostPrompt());
      term.input(line + '\r');
      await new Promise((r) => setTimeout(r, 5));
      await prompt();
    },
    prompt,
    shown: () => shown,
    term: () => term,
  };
}

async function names(ws: Workspace): Promise<string> {
  return (await ws.machine.run(['docker', 'ps', '-a', '--format', '{{.Names}}'])).stdout;
}

describe('key log', () => {
  it('keeps plain lines plain (typos fixed with Backspace) and other keys as @keys', () => {
    const log = new KeyLog();
    for (const k of 'docker pz\x7fs\r') log.feed(k);
    log.feed('docker rm -f w\t\r');
    log.feed('sleep 100\r');
    log.feed('\x03');
    log.feed('\x1b[A\r');
    log.feed('@home\r');
    log.feed('\x1b[200~cat <<EOF\r\tindented\rEOF\x1b[201~\r');
    expect(log.lines).toEqual([
      'docker ps',
      '@keys docker rm -f w<Tab><Enter>',
      'sleep 100',
      '@keys <C-c>',
      '@keys <Up><Enter>',
      '@keys @home<Enter>',
      '@keys <Esc>[200~cat <<EOF<Enter>',
      '@keys <Tab>indented<Enter>',
      '@keys EOF<Esc>[201~<Enter>',
    ]);
  });

  it('an escape sequence split across two chunks is one key', () => {
    const log = new KeyLog();
    log.feed('ls\x1b[');
    log.feed('D\r');
    expect(log.lines).toEqual(['@keys ls<Left><Enter>']);
  });
});

describe('workspace', () => {
  it('undo after docker rm brings the container back; redo removes it again; history stays', async () => {
    const ws = await Workspace.boot(1);
    const t = await session(ws);
    await t.type('docker create --name keepme busybox');
    await t.type('docker rm keepme');
    expect(await names(ws)).toBe('');
    expect(ws.stats().undo).toBe(2);
    expect(await ws.undo()).toBe('docker rm keepme');
    await t.prompt();
    expect(await names(ws)).toBe('keepme\n');
    expect(ws.log.lines).toEqual(['docker create --name keepme busybox']);
    // The shell on the restored machine recalls the commands typed before.
    t.term().input('\x1b[A');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.shown()).toMatch(/docker rm keepme(\x1b\[K)?$/);
    t.term().input('\x15');
    expect(await ws.redo()).toBe('docker rm keepme');
    await t.prompt();
    expect(await names(ws)).toBe('');
    expect(ws.log.lines).toEqual(['docker create --name keepme busybox', 'docker rm keepme']);
    ws.machine.shutdown();
  });

  it('save and restore keep the machine, the log and the history; a broken save changes nothing', async () => {
    const ws = await Workspace.boot(1);
    const t = await session(ws);
    await t.type('docker create --name kept busybox');
    const saved = JSON.parse(JSON.stringify(ws.save()));
    const other = await Workspace.boot(1);
    await session(other);
    await other.restore(saved, 'restored');
    expect(await names(other)).toBe('kept\n');
    expect(other.history).toEqual(['docker create --name kept busybox']);
    await expect(other.restore({ ...saved, snapshot: { format: 'x' } }, 'x')).rejects.toThrow();
    expect(await names(other)).toBe('kept\n');
    ws.machine.shutdown();
    other.machine.shutdown();
  });

  it('a replayed log rebuilds the machine the headless runner makes, and says when it differs', async () => {
    const script = ['docker run --name hello hello-world', 'docker volume create data', 'echo hi > notes.txt', 'docker tag hello-world mine:1'];
    const { machine } = await runScript(script.join('\n') + '\n', 4);
    const digest = machineDigest(machine);
    const ws = await Workspace.boot(1);
    await session(ws);
    const same = await ws.open({ seed: 4, base: { kind: 'seed' }, log: script, digest }, 'link');
    expect(same).toMatchObject({ same: true, differs: [] });
    expect(await ws.digest()).toBe(digest);
    expect(await names(ws)).toBe('hello\n');
    const other = await ws.open({ seed: 4, base: { kind: 'seed' }, log: script.slice(0, 2), digest }, 'link');
    expect(other.same).toBe(false);
    expect(other.differs).toEqual(['images', 'files']);
    // Opening a link can be undone like a command.
    await ws.undo();
    expect(await ws.digest()).toBe(digest);
    ws.machine.shutdown();
  });

  it('undo brings back running containers running, as they were, with their files', async () => {
    const ws = await Workspace.boot(1);
    const t = await session(ws);
    await t.type('docker run -d --name web nginx');
    await t.type('docker exec web sh -c "echo kept > /usr/share/nginx/html/note.txt"');
    await t.type('docker rm -f web');
    expect(await names(ws)).toBe('');
    await ws.undo();
    await t.prompt();
    const ps = await ws.machine.run(['docker', 'ps', '--format', '{{.Names}} {{.Status}}']);
    expect(ps.stdout).toMatch(/^web Up /);
    expect((await ws.machine.run(['docker', 'exec', 'web', 'cat', '/usr/share/nginx/html/note.txt'])).stdout).toBe('kept\n');
    ws.machine.shutdown();
  });

  it('a share link holds the log when a replay makes this machine, and a snapshot when it cannot', async () => {
    const ws = await Workspace.boot(3);
    const t = await session(ws);
    await t.type('docker run --name hi hello-world');
    await t.type('echo note > a.txt');
    const plain = await ws.shared();
    expect(plain.snapshot).toBeUndefined();
    expect(plain.log).toEqual(['docker run --name hi hello-world', 'echo note > a.txt']);
    expect(plain.base).toEqual({ kind: 'seed' });
    // A key the line format cannot hold: the link carries the machine itself.
    ws.beforeInput('echo \x18\r', t.term().atHostPrompt());
    t.term().input('echo x\r');
    await t.prompt();
    const snap = await ws.shared();
    expect(snap.why).toBe('keys');
    expect(snap.snapshot?.format).toBe('docker-lab-machine');
    expect(snap.log).toEqual([]);
    // Opened elsewhere, the snapshot makes the same machine, and the digest says so.
    const other = await Workspace.boot(9);
    await session(other);
    const report = await other.open(JSON.parse(JSON.stringify(snap)), 'link');
    expect(report).toMatchObject({ same: true, fromSnapshot: true });
    expect(await names(other)).toBe('hi\n');
    // A hostile snapshot is refused whole, and the machine in use stays.
    await expect(other.open({ ...snap, snapshot: { ...snap.snapshot!, rng: [0, 0, 0, 0] } }, 'link')).rejects.toThrow(/damaged/);
    expect(await names(other)).toBe('hi\n');
    // A session restored from storage has no base to replay from: a snapshot again.
    await other.restore(JSON.parse(JSON.stringify(ws.save())), 'restored');
    expect((await other.shared()).why).toBe('keys');
    ws.machine.shutdown();
    other.machine.shutdown();
  });

  it('a lesson opened at a step is the base of the log a link replays', async () => {
    const ws = await Workspace.boot(1);
    const t = await session(ws);
    const calls: string[] = [];
    ws.lessonReplayer = async (id, step) => {
      calls.push(`${id}@${step}`);
      const { Headless } = await import('../tools/headless');
      const h = await Headless.start(1);
      await h.type('docker volume create from-lesson');
      h.take();
      return { machine: h.machine, h };
    };
    // As LessonHost.prepare makes it: replayed on a ReplayClock that then turns real.
    const { Machine } = await import('../engine/machine');
    const { Headless } = await import('../tools/headless');
    const machine = await bootMachine({ seed: 1, clock: 'replay' });
    const h = await Headless.over(machine);
    await h.type('docker volume create from-lesson');
    h.close();
    (machine.clock as import('../engine/clock').ReplayClock).goReal();
    await ws.adopt(machine, 'lesson x/y', { kind: 'lesson', id: 'x/y', step: 2 });
    await t.prompt();
    await t.type('docker volume create mine');
    const link = await ws.shared();
    expect(link.snapshot).toBeUndefined();
    expect(link.base).toEqual({ kind: 'lesson', id: 'x/y', step: 2 });
    expect(link.log).toEqual(['docker volume create mine']);
    const other = await Workspace.boot(1);
    await session(other);
    other.lessonReplayer = ws.lessonReplayer;
    expect(await other.open(link, 'link')).toMatchObject({ same: true, fromSnapshot: false });
    expect((await other.machine.run(['docker', 'volume', 'ls', '-q'])).stdout).toBe('from-lesson\nmine\n');
    ws.machine.shutdown();
    other.machine.shutdown();
  });
});
