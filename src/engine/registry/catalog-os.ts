/**
 * Recipes of the base images: hello-world, busybox, alpine, ubuntu, debian, centos, with their
 * real tags, release dates, configs and reported sizes. The base steps are exported so the
 * application images (nginx, redis …) reuse the very same layer, as on Docker Hub.
 */
import { alpineBase, busyboxRoot, centosBase, debianBase } from './distros';
import { addRoot, cmd, copy, DEFAULT_PATH, nop, type ImageSpec, type Step } from './recipe';
import { at, Tree } from './tree';

export function helloWorld(): ImageSpec {
  const created = '2023-05-02T16:49:27.18646205Z';
  return {
    created,
    config: { Env: [DEFAULT_PATH], Cmd: ['/hello'] },
    steps: [
      copy('hello-world', '/', () => new Tree(at(created)).exe('/hello', 'hello', 13_256), 13_256, '2023-05-02T16:49:27.01Z'),
      cmd(['/hello']),
    ],
  };
}

export function busybox(): ImageSpec {
  const created = '2024-09-26T21:31:42Z';
  return {
    created,
    config: { Env: [DEFAULT_PATH], Cmd: ['sh'] },
    steps: [addRoot('busybox-1.37.0', () => busyboxRoot(at(created)), 4_261_550, created), cmd(['sh'], created)],
  };
}

/** Alpine minor → [full version, reported bytes, build date]. */
export const ALPINE: Record<string, [string, number, string]> = {
  '3.13': ['3.13.12', 5_610_000, '2022-08-09T17:19:53Z'],
  '3.14': ['3.14.10', 5_600_000, '2023-03-29T18:19:24Z'],
  '3.15': ['3.15.11', 5_590_000, '2024-01-27T00:30:56Z'],
  '3.16': ['3.16.9', 5_540_000, '2024-01-27T00:31:14Z'],
  '3.17': ['3.17.10', 7_060_000, '2024-09-06T12:05:36Z'],
  '3.18': ['3.18.9', 7_220_000, '2024-09-06T12:05:52Z'],
  '3.19': ['3.19.4', 7_380_000, '2024-09-06T12:05:48Z'],
  '3.20': ['3.20.3', 7_800_000, '2024-09-06T22:20:07Z'],
  '3.21': ['3.21.3', 7_830_000, '2025-02-14T03:28:36Z'],
};
export const ALPINE_LATEST = '3.21';

export function alpineSteps(minor: string): Step[] {
  const [ver, size, created] = ALPINE[minor];
  return [addRoot('alpine-' + ver, () => alpineBase(ver, at(created)), size, created), cmd(['/bin/sh'], created)];
}

export function alpine(minor: string): ImageSpec {
  return { created: ALPINE[minor][2], config: { Env: [DEFAULT_PATH], Cmd: ['/bin/sh'] }, steps: alpineSteps(minor) };
}

interface DebianRelease {
  id: 'debian' | 'ubuntu';
  version: string;
  codename: string;
  pretty: string;
  debianVersion: string;
  usrmerge: boolean;
  size: number;
  created: string;
  cmd: string[];
  /** Ubuntu ≤16.04 images added a few small tweak layers on top of the root filesystem. */
  legacyTweaks?: boolean;
  labels?: Record<string, string>;
}

export const DEBIAN: Record<string, DebianRelease> = {
  bookworm: { id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)', debianVersion: '12.10', usrmerge: true, size: 117_000_000, created: '2025-03-17T00:00:00Z', cmd: ['bash'] },
  'bookworm-slim': { id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)', debianVersion: '12.10', usrmerge: true, size: 74_800_000, created: '2025-03-17T00:00:00Z', cmd: ['bash'] },
  bullseye: { id: 'debian', version: '11', codename: 'bullseye', pretty: 'Debian GNU/Linux 11 (bullseye)', debianVersion: '11.11', usrmerge: false, size: 124_000_000, created: '2025-03-17T00:00:00Z', cmd: ['bash'] },
  'bullseye-slim': { id: 'debian', version: '11', codename: 'bullseye', pretty: 'Debian GNU/Linux 11 (bullseye)', debianVersion: '11.11', usrmerge: false, size: 80_600_000, created: '2025-03-17T00:00:00Z', cmd: ['bash'] },
  buster: { id: 'debian', version: '10', codename: 'buster', pretty: 'Debian GNU/Linux 10 (buster)', debianVersion: '10.13', usrmerge: false, size: 114_000_000, created: '2024-06-13T00:00:00Z', cmd: ['bash'] },
  'buster-slim': { id: 'debian', version: '10', codename: 'buster', pretty: 'Debian GNU/Linux 10 (buster)', debianVersion: '10.13', usrmerge: false, size: 69_200_000, created: '2024-06-13T00:00:00Z', cmd: ['bash'] },
  'buster-slim-2021': { id: 'debian', version: '10', codename: 'buster', pretty: 'Debian GNU/Linux 10 (buster)', debianVersion: '10.9', usrmerge: false, size: 69_300_000, created: '2021-05-12T01:21:22Z', cmd: ['bash'] },
  stretch: { id: 'debian', version: '9', codename: 'stretch', pretty: 'Debian GNU/Linux 9 (stretch)', debianVersion: '9.13', usrmerge: false, size: 101_000_000, created: '2022-03-29T00:00:00Z', cmd: ['bash'] },
  'stretch-slim': { id: 'debian', version: '9', codename: 'stretch', pretty: 'Debian GNU/Linux 9 (stretch)', debianVersion: '9.13', usrmerge: false, size: 55_300_000, created: '2022-03-29T00:00:00Z', cmd: ['bash'] },
  wheezy: { id: 'debian', version: '7', codename: 'wheezy', pretty: 'Debian GNU/Linux 7 (wheezy)', debianVersion: '7.11', usrmerge: false, size: 88_300_000, created: '2018-05-08T00:00:00Z', cmd: ['bash'] },
  '15.10': { id: 'ubuntu', version: '15.10', codename: 'wily', pretty: 'Ubuntu 15.10', debianVersion: 'stretch/sid', usrmerge: false, size: 137_000_000, created: '2016-07-22T15:14:53Z', cmd: ['/bin/bash'], legacyTweaks: true },
  '16.04': { id: 'ubuntu', version: '16.04', codename: 'xenial', pretty: 'Ubuntu 16.04.7 LTS', debianVersion: 'stretch/sid', usrmerge: false, size: 135_000_000, created: '2021-08-31T01:21:30Z', cmd: ['/bin/bash'], legacyTweaks: true },
  '18.04': { id: 'ubuntu', version: '18.04', codename: 'bionic', pretty: 'Ubuntu 18.04.6 LTS', debianVersion: 'buster/sid', usrmerge: false, size: 63_100_000, created: '2023-05-30T09:32:09Z', cmd: ['bash'] },
  '20.04': { id: 'ubuntu', version: '20.04', codename: 'focal', pretty: 'Ubuntu 20.04.6 LTS', debianVersion: 'bullseye/sid', usrmerge: true, size: 72_800_000, created: '2024-10-11T03:39:41Z', cmd: ['/bin/bash'] },
  '21.04': { id: 'ubuntu', version: '21.04', codename: 'hirsute', pretty: 'Ubuntu 21.04', debianVersion: 'bullseye/sid', usrmerge: true, size: 80_000_000, created: '2022-01-20T21:34:56Z', cmd: ['bash'] },
  '22.04': { id: 'ubuntu', version: '22.04', codename: 'jammy', pretty: 'Ubuntu 22.04.5 LTS', debianVersion: 'bookworm/sid', usrmerge: true, size: 77_900_000, created: '2025-01-26T05:31:33Z', cmd: ['/bin/bash'], labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' } },
  '24.04': { id: 'ubuntu', version: '24.04', codename: 'noble', pretty: 'Ubuntu 24.04.2 LTS', debianVersion: 'trixie/sid', usrmerge: true, size: 78_100_000, created: '2025-02-10T16:11:26Z', cmd: ['/bin/bash'], labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } },
};

/** The base steps of a Debian or Ubuntu release (shared by every image built FROM it). */
export function debianSteps(name: string): Step[] {
  const r = DEBIAN[name];
  const c = r.created;
  const root = () => debianBase({
    id: r.id, version: r.version, codename: r.codename, prettyName: r.pretty, usrmerge: r.usrmerge,
    mtime: at(c), debianVersion: r.debianVersion,
  });
  const steps: Step[] = [];
  if (r.labels) {
    steps.push(nop('ARG RELEASE', c), nop('ARG LAUNCHPAD_BUILD_ARCH', c));
    for (const [k, v] of Object.entries(r.labels)) steps.push(nop(`LABEL ${k}=${v}`, c));
  }
  if (!r.legacyTweaks) {
    steps.push(addRoot(`${r.id}-${name}`, root, r.size, c));
  } else {
    // Old Ubuntu images: the rootfs plus the docker-specific tweaks of the build script.
    const tweak = (key: string, f: (t: Tree) => void) => () => { const t = new Tree(at(c)); f(t); return t; };
    steps.push(
      addRoot(`${r.id}-${name}`, root, r.size - 1_700, c),
      { createdBy: "/bin/sh -c set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t&& dpkg-divert --local --rename --add /sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl \t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl \t\t&& echo 'force-unsafe-io' > /etc/dpkg/dpkg.cfg.d/docker-apt-speedup", key: `${name}-tweak1`, size: 745, created: c,
        tree: tweak(`${name}-1`, (t) => t.script('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n').script('/sbin/initctl', '#!/bin/sh\nexit 0\n').file('/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', 'force-unsafe-io\n')) },
      { createdBy: '/bin/sh -c rm -rf /var/lib/apt/lists/*', key: `${name}-tweak2`, size: 0, created: c, tree: tweak(`${name}-2`, (t) => t.dir('/var/lib/apt/lists')) },
      { createdBy: "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container", key: `${name}-tweak3`, size: 7, created: c, tree: tweak(`${name}-3`, (t) => t.file('/run/systemd/container', 'docker\n')) },
    );
  }
  steps.push(cmd(r.cmd, c));
  return steps;
}

export function debianImage(name: string): ImageSpec {
  const r = DEBIAN[name];
  return {
    created: r.created,
    config: { Env: [DEFAULT_PATH], Cmd: r.cmd, ...(r.labels ? { Labels: r.labels } : {}) },
    steps: debianSteps(name),
  };
}

const CENTOS_LABELS = {
  'org.label-schema.build-date': '20210915', 'org.label-schema.license': 'GPLv2',
  'org.label-schema.name': 'CentOS Base Image', 'org.label-schema.schema-version': '1.0',
  'org.label-schema.vendor': 'CentOS',
};

export function centos(major: '7' | '8'): ImageSpec {
  const [ver, pretty, size, created, labels] = major === '7'
    ? ['7.9.2009', 'CentOS Linux release 7.9.2009 (Core)', 204_000_000, '2021-11-15T18:28:39Z', { ...CENTOS_LABELS, 'org.label-schema.build-date': '20201113', 'org.opencontainers.image.created': '2020-11-13 00:00:00+00:00', 'org.opencontainers.image.licenses': 'GPL-2.0-only', 'org.opencontainers.image.title': 'CentOS Base Image', 'org.opencontainers.image.vendor': 'CentOS' }] as const
    : ['8.4.2105', 'CentOS Linux release 8.4.2105', 231_000_000, '2021-09-15T18:20:05Z', CENTOS_LABELS] as const;
  const label = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(' ');
  return {
    created,
    config: { Env: [DEFAULT_PATH], Cmd: ['/bin/bash'], Labels: { ...labels } },
    steps: [
      addRoot('centos-' + ver, () => centosBase(ver, pretty, at(created)), size, created),
      nop(`LABEL ${label}`, created),
      cmd(['/bin/bash'], created),
    ],
  };
}
