/**
 * Tab completion for docker, through the same entry the terminal uses: keys typed into a machine's
 * terminal (the login shell's line editor), answers read off the screen.
 */
import { describe, expect, it } from 'vitest';
import { Headless } from '../../tools/headless';

/** Type `line`, press Tab once: what the editor inserted ('' and a bell when nothing fits). */
async function tab(h: Headless, line: string): Promise<string> {
  h.take();
  h.press(line);
  await h.settle();
  h.take();
  h.press('\t');
  await h.settle();
  const shown = h.take(true);
  h.press('\x15'); // Ctrl-U: leave an empty line for the next test
  await h.settle();
  h.take();
  return shown.replace(/\x07/g, '');
}

/** Type `line`, press Tab twice: the candidates bash lists (empty when there are none). */
async function list(h: Headless, line: string): Promise<string[]> {
  h.take();
  h.press(line + '\t');
  await h.settle();
  h.take();
  h.press('\t');
  await h.settle();
  const shown = h.take();
  h.press('\x15');
  await h.settle();
  h.take();
  const rows = shown.split(/\r?\n/);
  return rows.length > 1 ? rows[1].split(/\s+/).filter(Boolean) : [];
}

async function machineWith(lines: string[], seed = 1): Promise<Headless> {
  const h = await Headless.start(seed);
  for (const l of lines) await h.type(l);
  h.take();
  return h;
}

describe('docker Tab completion', () => {
  it('completes a running container name after docker stop, and the line then runs', async () => {
    const h = await machineWith(['docker run -d --name web nginx']);
    expect(await tab(h, 'docker stop we')).toBe('b ');
    h.press('docker stop we\t\r');
    await h.settle();
    expect(h.take()).toContain('docker stop web \nweb\n');
  }, 30_000);

  it('offers containers by state as Docker\'s bash completion does', async () => {
    const h = await machineWith([
      'docker run -d --name web nginx',
      'docker run -d --name cache redis',
      'docker create --name fresh alpine',
      'docker run --name done alpine true',
      'docker pause cache',
    ]);
    expect(await list(h, 'docker stop ')).toEqual(['cache', 'web']); // running or paused
    expect(await list(h, 'docker container stop ')).toEqual(['cache', 'web']);
    expect(await tab(h, 'docker exec ')).toBe('web '); // running only
    expect(await tab(h, 'docker exec -it ')).toBe('web ');
    expect(await list(h, 'docker start ')).toEqual([]); // `done` is the only exited one: inserted at once
    expect(await tab(h, 'docker start ')).toBe('done ');
    expect(await tab(h, 'docker unpause ')).toBe('cache ');
    expect(await list(h, 'docker rm ')).toEqual(['done', 'fresh']); // created or exited
    expect(await list(h, 'docker rm -f ')).toEqual(['cache', 'done', 'fresh', 'web']);
    expect(await list(h, 'docker logs ')).toEqual(['cache', 'done', 'fresh', 'web']);
    // `exec web` is followed by the command to run: no container names there.
    expect(await list(h, 'docker exec web ')).not.toContain('cache');
    // IDs only when asked for, as DOCKER_COMPLETION_SHOW_CONTAINER_IDS=yes does.
    await h.type('export DOCKER_COMPLETION_SHOW_CONTAINER_IDS=yes');
    const withIds = await list(h, 'docker exec ');
    expect(withIds).toContain('web');
    expect(withIds.some((w) => /^[0-9a-f]{12}$/.test(w))).toBe(true);
  }, 60_000);

  it('completes images, networks and volumes where Docker does', async () => {
    const h = await machineWith(['docker pull busybox', 'docker tag busybox mybox:v1', 'docker network create appnet', 'docker volume create data', 'docker run -d --name web nginx']);
    expect(await list(h, 'docker rmi ')).toEqual(['busybox:latest', 'mybox:v1', 'nginx:latest']);
    expect(await list(h, 'docker run ')).toEqual(['busybox', 'busybox:latest', 'mybox', 'mybox:v1', 'nginx', 'nginx:latest']);
    expect(await tab(h, 'docker run -d --name x mybox:')).toBe('v1 ');
    expect(await tab(h, 'docker image inspect my')).toBe('box:v1 ');
    expect(await list(h, 'docker network inspect ')).toEqual(['appnet', 'bridge', 'host', 'none']);
    expect(await tab(h, 'docker network rm ')).toBe('appnet '); // only user-defined networks
    expect(await tab(h, 'docker network connect a')).toBe('ppnet ');
    expect(await tab(h, 'docker network connect appnet w')).toBe('eb ');
    await h.type('docker network connect appnet web');
    expect(await tab(h, 'docker network disconnect appnet w')).toBe('eb ');
    expect(await tab(h, 'docker network disconnect bridge w')).toBe('eb ');
    expect(await list(h, 'docker inspect ')).toEqual(['appnet', 'bridge', 'busybox:latest', 'data', 'host', 'mybox:v1', 'nginx:latest', 'none', 'web']);
    expect(await tab(h, 'docker inspect --type volume ')).toBe('data ');
    expect(await tab(h, 'docker volume rm ')).toBe('data ');
    expect(await tab(h, 'docker run --network app')).toBe('net ');
    expect(await tab(h, 'docker run --net=appnet --network cont')).toBe('ainer:');
    expect(await tab(h, 'docker run --volumes-from w')).toBe('eb ');
    expect(await tab(h, 'docker run -v da')).toBe('ta:');
    expect(await tab(h, 'docker run --link w')).toBe('eb:');
    expect(await tab(h, 'docker kill -s KI')).toBe('LL ');
    expect(await tab(h, 'docker run --network=app')).toBe('net ');
    expect(await tab(h, 'sudo docker volume inspect d')).toBe('ata ');
    expect(await tab(h, 'DOCKER_HOST= docker volume inspect d')).toBe('ata ');
  }, 60_000);

  it('completes CONTAINER: and paths inside it for docker cp', async () => {
    const h = await machineWith(['docker run -d --name web nginx']);
    expect(await tab(h, 'docker cp w')).toBe('eb:');
    expect(await tab(h, 'docker cp web:/etc/ngi')).toBe('nx/');
    expect(await tab(h, 'docker cp web:et')).toBe('c/');
    expect(await list(h, 'docker cp web:')).toContain('etc/'); // listed by their last part, as bash lists files
    expect(await tab(h, 'docker cp web:/etc/nginx/nginx.conf ')).toBe('');
  }, 30_000);

  it('completes compose sub-commands and the services of the compose file here', async () => {
    const h = await machineWith([
      'mkdir app && cd app',
      "printf 'services:\\n  web:\\n    image: nginx\\n  db:\\n    image: redis\\n' > compose.yaml",
    ]);
    expect(await tab(h, 'docker compose do')).toBe('wn ');
    expect(await list(h, 'docker compose u')).toEqual(['unpause', 'up']);
    expect(await list(h, 'docker compose up -d ')).toEqual(['db', 'web']);
    expect(await tab(h, 'docker compose logs w')).toBe('eb ');
    expect(await tab(h, 'docker-compose exec d')).toBe('b ');
  }, 30_000);

  it('belongs to its machine: two machines side by side complete their own names', async () => {
    const a = await machineWith(['docker run -d --name alpha nginx'], 1);
    const b = await machineWith(['docker run -d --name beta nginx'], 2);
    expect(await tab(a, 'docker stop ')).toBe('alpha ');
    expect(await tab(b, 'docker stop ')).toBe('beta ');
    a.close();
    b.close();
  }, 60_000);

  it('gives no names to a user outside the docker group (the socket refuses them)', async () => {
    const h = await machineWith(['docker run -d --name web nginx']);
    const table = h.machine.hostCtx.host!.completions!;
    const ask = (cred: { uid: number; gid: number; groups: number[] }) =>
      table.get('docker')!({ words: ['docker', 'stop'], current: '', fs: h.machine.hostFs.view(cred, '/'), env: {} });
    expect(await ask({ uid: 1000, gid: 1000, groups: [1000, 27, 999] })).toEqual(['web']);
    expect(await ask({ uid: 1001, gid: 1001, groups: [1001] })).toEqual([]);
    expect(await ask({ uid: 0, gid: 0, groups: [0] })).toEqual(['web']);
  }, 30_000);
});
