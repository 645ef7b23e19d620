import { describe, expect, it } from 'vitest';
import { mountinfoText, mountsText, relativeCgroup, type MountEntry } from './procfs';
import { MemoryCgroup } from './cgroup';

const root: MountEntry = { source: 'overlay', target: '/', fstype: 'overlay', opts: 'rw,relatime', superOpts: 'rw,lowerdir=/l', dev: '0:90' };
const proc: MountEntry = { source: 'proc', target: '/proc', fstype: 'proc', opts: 'rw,nosuid', superOpts: 'rw', dev: '0:94' };
const sys: MountEntry = { source: 'sysfs', target: '/sys', fstype: 'sysfs', opts: 'ro,nosuid', superOpts: 'ro', dev: '0:97' };
const cg: MountEntry = { source: 'cgroup', target: '/sys/fs/cgroup', fstype: 'cgroup2', opts: 'ro,nosuid', superOpts: 'rw,nsdelegate', dev: '0:27' };

describe('mount tables', () => {
  it('/proc/mounts joins per-mount and filesystem options without repeating rw/ro', () => {
    expect(mountsText([root, cg])).toBe('overlay / overlay rw,relatime,lowerdir=/l 0 0\ncgroup /sys/fs/cgroup cgroup2 ro,nosuid,nsdelegate 0 0\n');
  });
  it('mountinfo gives each mount the nearest enclosing mount as parent', () => {
    const lines = mountinfoText([root, proc, sys, cg], 100).split('\n');
    expect(lines[1]).toBe('101 100 0:94 / /proc rw,nosuid - proc proc rw');
    expect(lines[3]).toBe('103 102 0:27 / /sys/fs/cgroup ro,nosuid - cgroup2 cgroup rw,nsdelegate');
  });
});

describe('cgroup paths', () => {
  it('are relative to the reader\'s cgroup namespace root', () => {
    expect(relativeCgroup('/system.slice/docker-x.scope', '/')).toBe('/system.slice/docker-x.scope');
    expect(relativeCgroup('/system.slice/docker-x.scope', '/system.slice/docker-x.scope')).toBe('/');
    expect(relativeCgroup('/user.slice/u.slice', '/system.slice/docker-x.scope')).toBe('/../../user.slice/u.slice');
  });
});

describe('CPU accounting', () => {
  it('reports the CPU time of the last second as a percentage of one CPU', () => {
    const g = new MemoryCgroup(0);
    for (let t = 0; t <= 3000; t += 10) g.chargeCpu(10, t);
    expect(g.cpuPercent(3000)).toBeGreaterThan(95);
    expect(g.cpuPercent(3000)).toBeLessThanOrEqual(101);
    expect(g.cpuPercent(5000)).toBe(0);
    const half = new MemoryCgroup(0);
    for (let t = 0; t <= 3000; t += 20) half.chargeCpu(10, t);
    expect(Math.round(half.cpuPercent(3000) / 10)).toBe(5);
  });
});
