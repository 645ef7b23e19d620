import { beforeAll, describe, expect, it } from 'vitest';
import { markerProgram } from '../programs/registry';
import { ImageStore } from '../image/store';
import { loadHubData, Registry, type Resolved } from './registry';

const hub = new Registry();
// The Hub's recipes are a chunk of their own, loaded before the first read (a pull awaits it).
beforeAll(() => loadHubData());
const get = (ref: string): Resolved => {
  const r = hub.resolve(ref);
  if ('error' in r) throw new Error(r.error);
  return r;
};
const size = (r: Resolved) => r.layers.reduce((n, l) => n + l.size, 0);
const file = (r: Resolved, path: string) => {
  for (let i = r.layers.length - 1; i >= 0; i--) {
    const e = r.layers[i].entries().find((x) => x.path === path);
    if (e) return e;
  }
  return undefined;
};
const program = (r: Resolved, path: string) => {
  const e = file(r, path);
  return e && e.kind === 'file' && typeof e.data !== 'string' ? markerProgram(e.data) : e?.kind === 'symlink' ? '-> ' + e.target : undefined;
};

const TARGETS: [string, number, number?][] = [
  ['hello-world', 13_300, 1], ['busybox', 4_300_000, 1], ['alpine', 7_800_000, 1], ['alpine:3.17', 7_060_000],
  ['ubuntu', 78_000_000, 1], ['ubuntu:15.10', 137_000_000, 4], ['ubuntu:16.04', 135_000_000], ['ubuntu:18.04', 63_100_000],
  ['ubuntu:20.04', 72_800_000], ['ubuntu:21.04', 80_000_000], ['debian', 117_000_000, 1], ['debian:buster-slim', 69_200_000],
  ['debian:bullseye', 124_000_000], ['debian:wheezy', 88_300_000], ['debian:stretch', 101_000_000],
  ['centos', 231_000_000, 1], ['centos:7', 204_000_000], ['nginx', 188_000_000, 7], ['nginx:alpine', 48_000_000],
  ['redis', 117_000_000, 6], ['redis:alpine', 41_000_000], ['python:3.9.5-slim', 115_000_000, 5],
  ['python:3.9.5-alpine3.13', 45_000_000], ['python:2.7-slim', 148_000_000], ['python', 1_020_000_000],
  ['golang:alpine3.17', 250_000_000], ['node', 1_000_000_000], ['mysql', 600_000_000], ['mongo', 700_000_000],
  ['mongo:4.4.20-rc0', 432_000_000], ['mongo:3.2', 300_000_000], ['httpd', 148_000_000], ['tomcat', 450_000_000],
  ['registry', 25_000_000],
];

describe('simulated Docker Hub', () => {
  it.each(TARGETS)('%s resolves with a realistic size and layer count', (ref, target, layers) => {
    const r = get(ref);
    expect(Math.abs(size(r) - target) / target).toBeLessThan(0.1);
    if (layers !== undefined) expect(r.layers).toHaveLength(layers);
    expect(r.config.rootfs.diff_ids).toEqual(r.layers.map((l) => l.diffId));
    expect(r.config.history.filter((h) => !h.empty_layer)).toHaveLength(r.layers.length);
    expect(r.manifestDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.shortLayerDigests.every((d) => /^[0-9a-f]{12}$/.test(d))).toBe(true);
  });

  it('ships the right programs and files', () => {
    const u = get('ubuntu:18.04');
    expect(program(u, '/bin/ls')).toBe('ls');
    expect(program(u, '/bin/bash')).toBe('bash');
    expect(program(u, '/bin/sh')).toBe('-> dash');
    expect(file(u, '/bin/ps')).toBeUndefined();
    expect(file(u, '/usr/bin/curl')).toBeUndefined();
    expect(file(get('ubuntu'), '/bin')).toMatchObject({ kind: 'symlink', target: 'usr/bin' });
    expect(program(get('ubuntu'), '/usr/bin/ls')).toBe('ls');
    expect(program(get('alpine'), '/bin/ls')).toBe('-> /bin/busybox');
    expect(program(get('busybox'), '/bin/busybox')).toBe('busybox');
    expect(program(get('hello-world'), '/hello')).toBe('hello');
    const n = get('nginx');
    expect(program(n, '/usr/sbin/nginx')).toBe('nginx');
    const idx = file(n, '/usr/share/nginx/html/index.html');
    expect(idx && idx.kind === 'file' && (typeof idx.data === 'string' ? idx.data : new TextDecoder().decode(idx.data))).toContain('Welcome to nginx!');
    expect(file(get('debian'), '/etc/debian_version')).toBeDefined();
    expect(file(get('alpine'), '/etc/alpine-release')).toBeDefined();
    expect(file(get('centos'), '/etc/redhat-release')).toBeDefined();
    expect(file(u, '/tmp')).toMatchObject({ mode: 0o1777 });
    expect(program(get('redis'), '/usr/local/bin/redis-server')).toBe('redis-server');
    expect(program(get('python:3.9.5-slim'), '/usr/local/bin/python3.9')).toBe('python3');
  });

  it('carries the real configs', () => {
    const n = get('nginx').config.config;
    expect(n.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(n.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(n.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(n.StopSignal).toBe('SIGQUIT');
    const r = get('redis').config.config;
    expect(r.Volumes).toEqual({ '/data': {} });
    expect(r.WorkingDir).toBe('/data');
    expect(get('ubuntu:18.04').config.config.Cmd).toEqual(['bash']);
    expect(get('ubuntu:15.10').config.history[0].created_by).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
    expect(get('hello-world').config.config.Cmd).toEqual(['/hello']);
  });

  it('shares base layers between images and keeps digests stable', () => {
    const a = get('nginx');
    const b = get('debian:bookworm-slim');
    expect(a.layers[0].diffId).toBe(b.layers[0].diffId);
    const other = new Registry();
    const again = other.resolve('nginx') as Resolved;
    expect(again.manifestDigest).toBe(a.manifestDigest);
    expect(get('nginx@' + a.manifestDigest).manifestDigest).toBe(a.manifestDigest);
    const store = new ImageStore();
    store.add(a.config, a.layers);
    store.add(b.config, b.layers);
    expect(store.layerRefs(a.layers[0].diffId)).toBe(2);
  });

  it('reports pull errors as Docker does, and says when the simulated Hub lacks an official image or tag', () => {
    const denied = "pull access denied for nosuchthing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    const missing = hub.resolve('nosuchthing') as { error: string };
    expect(missing.error.split('\n')[0]).toBe(denied);
    expect(missing.error.split('\n')[1]).toMatch(/^\(simulator\) This Docker Hub is simulated and has only these official images: hello-world, busybox, .*\. If nosuchthing exists on the real Docker Hub, it is not simulated here\.$/);
    expect(hub.resolve('someone/nosuchthing')).toEqual({ error: denied.replace('nosuchthing', 'someone/nosuchthing') });
    const tag = hub.resolve('ubuntu:99.99') as { error: string };
    expect(tag.error.split('\n')[0]).toBe('manifest for ubuntu:99.99 not found: manifest unknown: manifest unknown');
    expect(tag.error.split('\n')[1]).toMatch(/^\(simulator\) This Docker Hub is simulated; it has ubuntu with the tags .*16\.04.*\. Other tags may exist on the real Docker Hub\.$/);
  });

  it('stores pushed images and restores them from a snapshot', () => {
    const reg = new Registry();
    const base = get('alpine');
    const p = reg.push('iceymoss/hello', '1.0', base);
    const r = reg.resolve('iceymoss/hello:1.0') as Resolved;
    expect(r.manifestDigest).toBe(p.manifestDigest);
    expect(reg.search('iceymoss')[0]).toMatchObject({ name: 'iceymoss/hello', is_official: false });
    const local = new Registry('localhost:5000');
    expect('error' in local.resolve('localhost:5000/ubuntu')).toBe(true);
    const snap = JSON.parse(JSON.stringify(reg.snapshot()));
    const back = Registry.restore(snap, () => undefined);
    expect((back.resolve('iceymoss/hello:1.0') as Resolved).manifestDigest).toBe(p.manifestDigest);
  });

  it('searches with filters', () => {
    const all = hub.search('tomcat');
    expect(all[0]).toMatchObject({ name: 'tomcat', is_official: true });
    expect(all.length).toBeGreaterThan(1);
    expect(hub.search('tomcat', { stars: 100 }).every((r) => r.star_count >= 100)).toBe(true);
    expect(hub.search('mysql', { isOfficial: true }).map((r) => r.name)).toEqual(['mysql', 'mariadb']);
    expect(hub.search('mysql', { limit: 2 })).toHaveLength(2);
  });
});
