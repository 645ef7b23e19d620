import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace';
import { KeyLog } from './keylog';
import { machineDigest } from '../engine/digest';
import { runScript } from '../tools/headless';

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
    const same = await ws.replay(4, script, digest, 'link');
    expect(same).toMatchObject({ same: true, differs: [] });
    expect(ws.digest()).toBe(digest);
    expect(await names(ws)).toBe('hello\n');
    const other = await ws.replay(4, script.slice(0, 2), digest, 'link');
    expect(other.same).toBe(false);
    expect(other.differs).toEqual(['images', 'files']);
    // Opening a link can be undone like a command.
    await ws.undo();
    expect(ws.digest()).toBe(digest);
    ws.machine.shutdown();
  });
});
