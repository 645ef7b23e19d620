import { describe, expect, it } from 'vitest';
import { groupadd, groupdel, useradd, userdel, usermod } from './shadow';
import { makeWorld, run } from '../../testing/programs/ctx';

const ROOT = { uid: 0, gid: 0, groups: [0] };

function world() {
  const w = makeWorld();
  const fs = w.disk.view();
  fs.writeFile('/etc/shadow', 'root:*:19000:0:99999:7:::\n', { mode: 0o640 });
  // A Debian image's groups: no docker group holding 999 as on the host.
  fs.writeFile('/etc/group', 'root:x:0:\nsudo:x:27:user\nuser:x:1000:\n');
  fs.mkdir('/etc/skel');
  fs.writeFile('/etc/skel/.bashrc', '# bashrc\n');
  return w;
}
const read = (w: ReturnType<typeof world>, p: string) => w.disk.view().readText(p);

describe('groupadd and useradd', () => {
  it('the notes\' system user: groupadd -r then useradd -r -g takes the top system ids', async () => {
    const w = world();
    expect((await run(w, groupadd, ['groupadd', '-r', 'flask'], { cred: ROOT })).code).toBe(0);
    expect((await run(w, useradd, ['useradd', '-r', '-g', 'flask', 'flask'], { cred: ROOT })).code).toBe(0);
    expect(read(w, '/etc/group')).toContain('flask:x:999:\n');
    expect(read(w, '/etc/passwd')).toContain('flask:x:999:999::/home/flask:/bin/sh\n');
    expect(read(w, '/etc/shadow')).toMatch(/^flask:!:\d+:0:99999:7:::$/m);
    expect(w.disk.view().exists('/home/flask')).toBe(false);
  });
  it('the redis recipe: fixed ids', async () => {
    const w = world();
    await run(w, groupadd, ['groupadd', '-r', '-g', '999', 'redis'], { cred: ROOT });
    await run(w, useradd, ['useradd', '-r', '-g', 'redis', '-u', '999', 'redis'], { cred: ROOT });
    expect(read(w, '/etc/passwd')).toContain('redis:x:999:999::/home/redis:/bin/sh\n');
  });
  it('an ordinary user gets the next id, its own group and, with -m, a home from /etc/skel', async () => {
    const w = world();
    const r = await run(w, useradd, ['useradd', '-m', '-s', '/bin/bash', 'app'], { cred: ROOT });
    expect(r.code).toBe(0);
    expect(read(w, '/etc/passwd')).toContain('app:x:1001:1001::/home/app:/bin/bash\n');
    expect(read(w, '/etc/group')).toContain('app:x:1001:\n');
    const st = w.disk.view().stat('/home/app/.bashrc');
    expect([st.uid, st.gid]).toEqual([1001, 1001]);
  });
  it('errors and exit codes', async () => {
    const w = world();
    expect(await run(w, useradd, ['useradd', 'x'])).toMatchObject({ code: 1, err: 'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n' });
    expect(await run(w, groupadd, ['groupadd', 'x'])).toMatchObject({ code: 10 });
    expect(await run(w, useradd, ['useradd', 'root'], { cred: ROOT })).toMatchObject({ code: 9, err: "useradd: user 'root' already exists\n" });
    expect(await run(w, useradd, ['useradd', '-g', 'nope', 'a'], { cred: ROOT })).toMatchObject({ code: 6, err: "useradd: group 'nope' does not exist\n" });
    expect(await run(w, groupadd, ['groupadd', 'sudo'], { cred: ROOT })).toMatchObject({ code: 9, err: "groupadd: group 'sudo' already exists\n" });
    expect((await run(w, groupadd, ['groupadd', '-f', 'sudo'], { cred: ROOT })).code).toBe(0);
    expect(await run(w, useradd, ['useradd', 'user'], { cred: ROOT })).toMatchObject({ code: 9 });
    expect(await run(w, useradd, ['useradd', '-z', 'a'], { cred: ROOT })).toMatchObject({ code: 2 });
    expect((await run(w, useradd, ['useradd', '-z', 'a'], { cred: ROOT })).err).toMatch(/^useradd: invalid option -- 'z'\nUsage: useradd \[options\] LOGIN/);
  });
  it('usermod -aG, userdel and groupdel', async () => {
    const w = world();
    await run(w, useradd, ['useradd', 'bob'], { cred: ROOT });
    expect((await run(w, usermod, ['usermod', '-aG', 'sudo', 'bob'], { cred: ROOT })).code).toBe(0);
    expect(read(w, '/etc/group')).toContain('sudo:x:27:user,bob\n');
    expect(await run(w, groupdel, ['groupdel', 'bob'], { cred: ROOT })).toMatchObject({ code: 8, err: "groupdel: cannot remove the primary group of user 'bob'\n" });
    expect((await run(w, userdel, ['userdel', 'bob'], { cred: ROOT })).code).toBe(0);
    expect(read(w, '/etc/passwd')).not.toContain('bob');
    expect(read(w, '/etc/group')).not.toContain('bob');
    expect(await run(w, userdel, ['userdel', 'bob'], { cred: ROOT })).toMatchObject({ code: 6, err: "userdel: user 'bob' does not exist\n" });
    expect(await run(w, groupdel, ['groupdel', 'nope'], { cred: ROOT })).toMatchObject({ code: 6, err: "groupdel: group 'nope' does not exist\n" });
  });
  it('prints the usage on stdout for --help (exit 0) and on stderr without the one operand (exit 2)', async () => {
    const w = world();
    expect(await run(w, usermod, ['usermod', '--help'], { cred: ROOT })).toMatchObject({ code: 0, out: 'Usage: usermod [options] LOGIN\n', err: '' });
    expect(await run(w, userdel, ['userdel', 'a', 'b'], { cred: ROOT })).toMatchObject({ code: 2, out: '', err: 'Usage: userdel [options] LOGIN\n' });
  });
});
