import { describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import type { MachineEvent } from '../events';
import { bootMachine } from '../../testing/boot';

async function boot(): Promise<{ m: Machine; opened: string[] }> {
  const m = await bootMachine({ clock: 'virtual' });
  const opened: string[] = [];
  m.events.on((e: MachineEvent) => {
    if (e.type === 'editor.open') opened.push(e.path);
  });
  return { m, opened };
}

describe('edit FILE at the host prompt', () => {
  it('opens the file in the page, resolved from the working folder, even before it exists', async () => {
    const { m, opened } = await boot();
    const r = await m.run(['edit', 'Dockerfile'], { cwd: '/home/learner' });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(opened).toEqual(['/home/learner/Dockerfile']);
  });

  it('needs a file, and refuses folders and files the learner cannot read', async () => {
    const { m, opened } = await boot();
    expect(await m.run(['edit'])).toMatchObject({ status: 2, stderr: 'usage: edit FILE\n' });
    expect(await m.run(['edit', '/etc'])).toMatchObject({ status: 1, stderr: 'edit: /etc: Is a directory\n' });
    expect(await m.run(['nano', '/etc/shadow'])).toMatchObject({ status: 1, stderr: 'nano: /etc/shadow: Permission denied\n' });
    expect(opened).toEqual([]);
  });
});

describe('the page editor and file list act as the learner', () => {
  it('saves and reads back a file in the home folder; a missing file reads as new', async () => {
    const { m } = await boot();
    expect(m.readFile('/home/learner/app/Dockerfile')).toEqual({ missing: true, text: '' });
    expect(m.writeFile('/home/learner/Dockerfile', 'FROM busybox\n')).toEqual({});
    expect(m.readFile('/home/learner/Dockerfile')).toEqual({ text: 'FROM busybox\n' });
    const r = await m.run(['cat', 'Dockerfile'], { cwd: '/home/learner' });
    expect(r.stdout).toBe('FROM busybox\n');
  });

  it('cannot write where the learner may not', async () => {
    const { m } = await boot();
    expect(m.writeFile('/etc/motd', 'hi').error).toMatch(/^\/etc\/motd: .*Permission denied/);
    expect(m.readFile('/etc/shadow').error).toMatch(/Permission denied/);
  });

  it('lists the home folder without hidden files, .dockerignore excepted', async () => {
    const { m } = await boot();
    m.writeFile('/home/learner/.dockerignore', '*.log\n');
    m.writeFile('/home/learner/app.py', 'print(1)\n');
    const names = m.listFiles().map((n) => n.name);
    expect(names).toContain('.dockerignore');
    expect(names).toContain('app.py');
    expect(names.filter((n) => n.startsWith('.') && n !== '.dockerignore')).toEqual([]);
  });
});
