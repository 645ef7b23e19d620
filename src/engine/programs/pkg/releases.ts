/**
 * Each Debian and Ubuntu release has its own archive: the same package names at the versions that
 * release ships (focal's python3 is 3.8.10, jammy's 3.10.12, noble's 3.12.3, bookworm's 3.11.2),
 * a few packages only some releases have (focal's python3.9 and python3.9-dev from universe), and
 * its own apt. The Debian 12 catalogue (catalog.ts) is the template: a release renames the
 * python3.11 family to its own minor version and takes the versions listed here. A package not
 * listed keeps its upstream version with the Debian 12 revision suffix (`+deb12u2`, `+b1`)
 * dropped on Ubuntu, so no bookworm build shows up in an Ubuntu image; those versions are
 * approximations.
 */
import { BASE, DEB, type Pkg } from './catalog';

export interface Release {
  id: 'debian' | 'ubuntu';
  codename: string;
  /** apt's version (`apt 2.0.10 (amd64)`); apt before 1.1 prints the old unnumbered update lines. */
  apt: string;
  /** [python minor, python3.X package version, python3 package version]. */
  python: [string, string, string];
  /** Perl's minor version, part of the names perl-modules-5.36 and libperl5.36. */
  perl?: string;
  /** Real versions of the commonly installed packages in this release. */
  versions: Record<string, string>;
  /** Packages this release has beyond the template: [name, version, kB, download kB, deps, description, bins, files]. */
  extra?: [string, string, number, number, string, string, Record<string, string>, Record<string, string>][];
}

const FOCAL_PY39 = '3.9.5-3ubuntu0~20.04.1';

export const RELEASES: Record<string, Release> = {
  bookworm: { id: 'debian', codename: 'bookworm', apt: '2.6.1', python: ['3.11', '3.11.2-6+deb12u5', '3.11.2-1+b1'], versions: {} },
  bullseye: { perl: '5.32',
    id: 'debian', codename: 'bullseye', apt: '2.2.4', python: ['3.9', '3.9.2-1', '3.9.2-3'],
    versions: { curl: '7.74.0-1.3+deb11u14', libcurl4: '7.74.0-1.3+deb11u14', wget: '1.21-1+deb11u1', vim: '2:8.2.2434-3+deb11u1', 'vim-tiny': '2:8.2.2434-3+deb11u1', git: '1:2.30.2-1+deb11u4', perl: '5.32.1-4+deb11u4', procps: '2:3.3.17-5', nginx: '1.18.0-6.1+deb11u3', 'python3-pip': '20.3.4-4+deb11u1', cowsay: '3.03+dfsg2-8', 'iputils-ping': '3:20210202-1', nano: '5.4-2+deb11u3', 'net-tools': '1.60+git20181103.0eebece-1', apt: '2.2.4' },
  },
  buster: { perl: '5.28', id: 'debian', codename: 'buster', apt: '1.8.2.3', python: ['3.7', '3.7.3-2+deb10u7', '3.7.3-1'], versions: {} },
  stretch: { perl: '5.24', id: 'debian', codename: 'stretch', apt: '1.4.11', python: ['3.5', '3.5.3-1+deb9u5', '3.5.3-1'], versions: {} },
  wheezy: { perl: '5.14', id: 'debian', codename: 'wheezy', apt: '0.9.7.9+deb7u7', python: ['3.2', '3.2.3-7', '3.2.3-6'], versions: {} },
  wily: { perl: '5.20', id: 'ubuntu', codename: 'wily', apt: '1.0.10.2ubuntu3', python: ['3.4', '3.4.3-4ubuntu1', '3.4.3-4'], versions: {} },
  xenial: { perl: '5.22', id: 'ubuntu', codename: 'xenial', apt: '1.2.35', python: ['3.5', '3.5.2-2ubuntu0~16.04.13', '3.5.1-3'], versions: { curl: '7.47.0-1ubuntu2.19', wget: '1.17.1-1ubuntu1.5', git: '1:2.7.4-0ubuntu1.10', apt: '1.2.35' } },
  bionic: { perl: '5.26', id: 'ubuntu', codename: 'bionic', apt: '1.6.17', python: ['3.6', '3.6.9-1~18.04ubuntu1.12', '3.6.7-1~18.04'], versions: { curl: '7.58.0-2ubuntu3.24', wget: '1.19.4-1ubuntu2.2', git: '1:2.17.1-1ubuntu0.18', 'python3-pip': '9.0.1-2.3~ubuntu1.18.04.8', apt: '1.6.17' } },
  focal: { perl: '5.30',
    id: 'ubuntu', codename: 'focal', apt: '2.0.10', python: ['3.8', '3.8.10-0ubuntu1~20.04.18', '3.8.2-0ubuntu2'],
    versions: { curl: '7.68.0-1ubuntu2.25', libcurl4: '7.68.0-1ubuntu2.25', wget: '1.20.3-1ubuntu2.1', vim: '2:8.1.2269-1ubuntu5.31', 'vim-tiny': '2:8.1.2269-1ubuntu5.31', git: '1:2.25.1-1ubuntu3.14', perl: '5.30.0-9ubuntu0.5', procps: '2:3.3.16-1ubuntu2.4', 'iputils-ping': '3:20190709-3ubuntu1', 'net-tools': '1.60+git20180626.aebd88e-1ubuntu1', nginx: '1.18.0-0ubuntu1.7', 'python3-pip': '20.0.2-5ubuntu1.11', cowsay: '3.03+dfsg2-7', nano: '4.8-1ubuntu1', apt: '2.0.10' },
    extra: [
      ['python3.9', FOCAL_PY39, 433, 203, 'python3.9-minimal libpython3.9-stdlib', 'Interactive high-level object-oriented language (version 3.9)', {}, {}],
      ['python3.9-minimal', FOCAL_PY39, 5340, 1936, '', 'Minimal subset of the Python language (version 3.9)', { '/usr/bin/python3.9': 'python3' }, {}],
      ['libpython3.9-stdlib', FOCAL_PY39, 7874, 1715, '', 'Interactive high-level object-oriented language (standard library, version 3.9)', {}, {}],
      ['python3.9-dev', FOCAL_PY39, 513, 498, 'python3.9 libpython3.9-dev', 'Header files and a static library for Python (v3.9)', { '/usr/bin/python3.9-config': 'python3-config' }, {}],
      ['libpython3.9-dev', FOCAL_PY39, 18600, 4100, '', 'Header files and a static library for Python (v3.9)', {}, { '/usr/include/python3.9/Python.h': '#ifndef Py_PYTHON_H\n#define Py_PYTHON_H\n#endif /* !Py_PYTHON_H */\n' }],
      ['ssh', '1:8.2p1-4ubuntu0.13', 139, 5, 'openssh-client openssh-server', 'secure shell client and server (metapackage)', {}, {}],
      ['openssh-client', '1:8.2p1-4ubuntu0.13', 3926, 670, '', 'secure shell (SSH) client, for secure access to remote machines', { '/usr/bin/ssh': 'ssh', '/usr/bin/scp': 'scp', '/usr/bin/ssh-keygen': 'ssh-keygen' }, {}],
      ['openssh-server', '1:8.2p1-4ubuntu0.13', 1545, 377, 'openssh-client', 'secure shell (SSH) server, for secure access from remote machines', { '/usr/sbin/sshd': 'sshd' }, { '/etc/ssh/sshd_config': '# This is the sshd server system-wide configuration file.\nInclude /etc/ssh/sshd_config.d/*.conf\n' }],
    ],
  },
  hirsute: { perl: '5.32', id: 'ubuntu', codename: 'hirsute', apt: '2.2.4ubuntu0.1', python: ['3.9', '3.9.5-3ubuntu0~21.04.1', '3.9.4-1'], versions: {} },
  jammy: { perl: '5.34',
    id: 'ubuntu', codename: 'jammy', apt: '2.4.13', python: ['3.10', '3.10.12-1~22.04.9', '3.10.6-1~22.04.1'],
    versions: { curl: '7.81.0-1ubuntu1.20', libcurl4: '7.81.0-1ubuntu1.20', wget: '1.21.2-2ubuntu1.1', vim: '2:8.2.3995-1ubuntu2.24', 'vim-tiny': '2:8.2.3995-1ubuntu2.24', git: '1:2.34.1-1ubuntu1.12', perl: '5.34.0-3ubuntu1.4', procps: '2:3.3.17-6ubuntu2.1', 'iputils-ping': '3:20211215-1', 'net-tools': '1.60+git20181103.0eebece-1ubuntu5', nginx: '1.18.0-6ubuntu14.6', 'python3-pip': '22.0.2+dfsg-1ubuntu0.5', cowsay: '3.03+dfsg2-8', nano: '6.2-1ubuntu0.1', apt: '2.4.13' },
  },
  noble: { perl: '5.38',
    id: 'ubuntu', codename: 'noble', apt: '2.8.3', python: ['3.12', '3.12.3-1ubuntu0.5', '3.12.3-0ubuntu2'],
    versions: { curl: '8.5.0-2ubuntu10.6', libcurl4: '8.5.0-2ubuntu10.6', wget: '1.21.4-1ubuntu4.1', vim: '2:9.1.0016-1ubuntu7.8', 'vim-tiny': '2:9.1.0016-1ubuntu7.8', git: '1:2.43.0-1ubuntu7.2', perl: '5.38.2-3.2ubuntu0.1', procps: '2:4.0.4-4ubuntu3.2', 'iputils-ping': '3:20240117-1ubuntu0.1', 'net-tools': '2.10-0.1ubuntu4', nginx: '1.24.0-2ubuntu7.3', 'python3-pip': '24.0+dfsg-1ubuntu1.1', cowsay: '3.03+dfsg2-8', nano: '7.2-2ubuntu0.1', apt: '2.8.3' },
  },
};

/** The release a container's /etc/os-release names (bookworm when it names none we know). */
export function releaseOf(osRelease: string): Release {
  const code = /^VERSION_CODENAME=(\S+)/m.exec(osRelease)?.[1] ?? /^VERSION="[^"(]*\((\w+)/m.exec(osRelease)?.[1]?.toLowerCase() ?? '';
  const byCode = RELEASES[code] ?? Object.values(RELEASES).find((r) => code.startsWith(r.codename));
  return byCode ?? RELEASES.bookworm;
}

/** The upstream part of a Debian version: `3.8.10-0ubuntu1~20.04.18` → `3.8.10`. */
export function upstream(version: string): string {
  return version.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
}

/** A bookworm version as an Ubuntu release would not have it: the Debian 12 revision suffixes dropped. */
function ubuntuize(version: string): string {
  return version.replace(/[+~]deb\d+u\d+$/, '').replace(/\+b\d+$/, '');
}

const cache = new Map<string, Record<string, Pkg>>();

/** The package archive of a release: name → package. */
export function releaseCatalog(r: Release): Record<string, Pkg> {
  const hit = cache.get(r.codename);
  if (hit) return hit;
  const [minor, pyVer, py3Ver] = r.python;
  const perl = r.perl ?? '5.36';
  const rename = (s: string) => s.replace(/3\.11/g, minor).replace(/5\.36/g, perl);
  const out: Record<string, Pkg> = {};
  for (const p of Object.values(DEB)) {
    const name = rename(p.name);
    const isPerl = /perl/.test(p.name) && name !== p.name;
    const isPy = !isPerl && (name !== p.name || p.name === 'python3' || p.name === 'python3-minimal');
    let version = r.versions[p.name] ?? (isPerl && r.versions.perl ? r.versions.perl : isPy ? (p.name.startsWith('python3') && !p.name.includes('.') ? py3Ver : pyVer) : r.id === 'ubuntu' ? ubuntuize(p.version) : p.version);
    if (r.codename === 'bookworm') version = p.version;
    const bins = Object.fromEntries(Object.entries(p.bins).map(([path, prog]) => [rename(path), prog]));
    // The interpreter knows its own version, as the real binary does.
    const binData = p.name === 'python3' || name === `python${minor}-minimal` ? Object.fromEntries(Object.keys(bins).map((b) => [b, `version=${upstream(pyVer)}\n`])) : p.binData;
    out[name] = { ...p, name, version, deps: p.deps.map(rename), bins, ...(binData ? { binData } : {}) };
  }
  for (const [name, version, kb, dl, deps, desc, bins, files] of r.extra ?? []) {
    const binData = name.startsWith('python3.') ? Object.fromEntries(Object.entries(bins).filter(([, prog]) => prog === 'python3').map(([b]) => [b, `version=${upstream(version)}\n`])) : undefined;
    out[name] = { name, version, kb, dl, deps: deps.split(' ').filter(Boolean), desc, bins, files, section: name.startsWith('python') ? 'python' : 'net', ...(binData ? { binData } : {}) };
  }
  cache.set(r.codename, out);
  return out;
}

/** The release's base system as dpkg lists it before anything is installed. */
export function releaseBase(r: Release): [string, string, number, string][] {
  if (r.codename === 'bookworm') return BASE.deb;
  return BASE.deb.map(([n, v, kb, d]) => [n, n === 'apt' ? r.apt : n === 'perl-base' && r.versions.perl ? r.versions.perl : r.versions[n] ?? (r.id === 'ubuntu' ? ubuntuize(v) : v), kb, d]);
}
