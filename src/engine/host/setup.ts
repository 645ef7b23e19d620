/**
 * The learner's own machine: an Ubuntu host with a non-root user in the `docker` group, the tools
 * the notes use, and the docker client. Built fresh at boot from this recipe (cheap: a few hundred
 * small files), then kept in snapshots like any other state.
 */
import type { FsBackend, FileMeta } from '../../api/fs';
import { programMarker } from '../programs/registry';

export const HOST_USER = 'learner';
export const HOST_UID = 1000;
export const HOST_GID = 1000;
export const DOCKER_GID = 999;
export const HOST_NAME = 'docker-lab';
export const HOST_HOME = `/home/${HOST_USER}`;

/** Programs the host ships in /usr/bin (GNU coreutils and friends, as on Ubuntu). */
export const HOST_PROGRAMS = [
  'bash', 'dash', 'docker', 'docker-compose', 'ls', 'cat', 'echo', 'printf', 'mkdir', 'rmdir', 'pwd', 'cp', 'mv', 'rm', 'touch',
  'wc', 'grep', 'head', 'tail', 'xargs', 'tar', 'sudo', 'true', 'false', 'sleep', 'env', 'printenv', 'date',
  'id', 'groups', 'whoami', 'hostname', 'uname', 'clear', 'which', 'basename', 'dirname', 'seq', 'sort', 'uniq', 'cut',
  'tr', 'tee', 'stat', 'du', 'df', 'dd', 'chmod', 'chown', 'chgrp', 'ln', 'find', 'test', '[', 'kill', 'ps',
  'realpath', 'readlink', 'mktemp', 'yes', 'nproc', 'free', 'uptime', 'more', 'less', 'file', 'md5sum',
  'sha256sum', 'gzip', 'gunzip', 'zcat', 'curl', 'wget', 'nano', 'vi', 'edit', 'su', 'top', 'systemctl', 'journalctl', 'sed', 'awk',
  'lsns', 'nsenter', 'mount', 'umount', 'unshare', 'ip', 'xz', 'unxz', 'xzcat', 'vim',
];

const enc = new TextEncoder();

export function populateHost(fs: FsBackend, now: number): void {
  const dir = (path: string, meta: FileMeta = {}) => fs.mkdir(path, { mode: 0o755, uid: 0, gid: 0, mtime: now, ...meta });
  const file = (path: string, text: string, meta: FileMeta = {}) =>
    fs.writeFile(path, enc.encode(text), { mode: 0o644, uid: 0, gid: 0, mtime: now, ...meta });

  for (const d of ['/etc', '/home', '/root', '/tmp', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local',
    '/usr/local/bin', '/usr/share', '/var', '/var/lib', '/var/log', '/opt', '/srv', '/mnt', '/dev',
    '/proc', '/sys', '/run', '/boot', '/media', '/etc/docker']) {
    dir(d);
  }
  fs.setattr('/tmp', { mode: 0o1777 });
  fs.setattr('/root', { mode: 0o700 });
  dir('/var/lib/docker', { mode: 0o710 });
  for (const [link, target] of [['/bin', 'usr/bin'], ['/sbin', 'usr/sbin'], ['/lib', 'usr/lib'], ['/var/run', '/run']]) {
    fs.symlink(target, link, { uid: 0, gid: 0, mtime: now });
  }

  file('/etc/hostname', `${HOST_NAME}\n`);
  file('/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${HOST_NAME}\n\n::1\tip6-localhost ip6-loopback\n`);
  file(
    '/etc/os-release',
    'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.3 LTS (Noble Numbat)"\n' +
      'VERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\n' +
      'SUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
      'UBUNTU_CODENAME=noble\n',
  );
  file(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/bash\n' +
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n' +
      'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' +
      `${HOST_USER}:x:${HOST_UID}:${HOST_GID}:Docker Learner:${HOST_HOME}:/bin/bash\n`,
  );
  file(
    '/etc/group',
    'root:x:0:\ndaemon:x:1:\nsudo:x:27:' + HOST_USER + '\nusers:x:100:\nnogroup:x:65534:\n' +
      `${HOST_USER}:x:${HOST_GID}:\ndocker:x:${DOCKER_GID}:${HOST_USER}\n`,
  );
  file('/etc/shadow', `root:*:20000:0:99999:7:::\n${HOST_USER}:!:20000:0:99999:7:::\n`, { mode: 0o640, gid: 42 });
  file('/etc/sudoers', `root ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) NOPASSWD: ALL\n`, { mode: 0o440 });
  file('/etc/docker/daemon.json', '{}\n');
  file('/root/.bashrc', '# ~/.bashrc for root\n', { mode: 0o644 });
  // What an interactive non-login bash reads first (a new `bash` typed at the prompt).
  file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n[ -z "$PS1" ] && return\nPS1=\'${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ \'\n');

  dir(HOST_HOME, { mode: 0o750, uid: HOST_UID, gid: HOST_GID });
  const own = { uid: HOST_UID, gid: HOST_GID };
  file(`${HOST_HOME}/.bashrc`, '# ~/.bashrc: executed by bash for interactive shells.\nalias ll=\'ls -alF\'\n', own);
  file(`${HOST_HOME}/.profile`, '# ~/.profile\n', own);

  for (const name of HOST_PROGRAMS) {
    // Ubuntu server ships vim (vi and vim) and nano: here they all open the page's editor.
    const impl = name === 'edit' || name === 'nano' || name === 'vi' || name === 'vim' ? 'edit' : name;
    fs.writeFile(`/usr/bin/${name}`, programMarker(impl), { mode: 0o755, uid: 0, gid: 0, mtime: now });
  }
  fs.symlink('dash', '/usr/bin/sh', { uid: 0, gid: 0, mtime: now });
  fs.setattr('/usr/bin/sudo', { mode: 0o4755 });
  fs.writeFile('/usr/bin/dockerd', programMarker('dockerd'), { mode: 0o755, uid: 0, gid: 0, mtime: now });
  fs.writeFile('/usr/bin/containerd', programMarker('containerd'), { mode: 0o755, uid: 0, gid: 0, mtime: now });
  // Ubuntu's golang-go, so note 002's `go build main.go` on the host (for a FROM scratch image) works.
  dir('/usr/lib/go');
  file('/usr/lib/go/VERSION', 'go1.22.2\n');
  fs.writeFile('/usr/bin/go', programMarker('go'), { mode: 0o755, uid: 0, gid: 0, mtime: now });
  fs.writeFile('/usr/sbin/service', programMarker('service'), { mode: 0o755, uid: 0, gid: 0, mtime: now });
}

/** The environment of the learner's login shell. */
export function hostEnv(uid = HOST_UID): Record<string, string> {
  const user = uid === 0 ? 'root' : HOST_USER;
  const home = uid === 0 ? '/root' : HOST_HOME;
  return {
    HOME: home,
    USER: user,
    LOGNAME: user,
    SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    HOSTNAME: HOST_NAME,
    PWD: home,
  };
}
