/**
 * The heavy programs, registered by name but loaded on first use (each module is a chunk of its
 * own in the worker build, issue 16): the interpreters (python, go), the servers (nginx, redis,
 * the registry) and the package managers with their catalogues. What loads before the prompt is
 * the shell, the core utilities and the daemon. `registry.ts` explains the loading and why the
 * headless runner waits for it.
 */
import { registerLazyProgram } from './registry';

export function registerLazyPrograms(): void {
  const python = () => import('./python');
  for (const name of ['python3', 'python2', 'python']) registerLazyProgram(name, () => python().then((m) => m.python));
  registerLazyProgram('pip', () => python().then((m) => m.pip));
  registerLazyProgram('flask', () => python().then((m) => m.flask));

  const go = () => import('./go/go');
  registerLazyProgram('go', () => go().then((m) => m.go));
  registerLazyProgram('goprog', () => go().then((m) => m.goprog));

  registerLazyProgram('nginx', () => import('./net/nginx').then((m) => m.nginx));
  registerLazyProgram('registry', () => import('./net/registry').then((m) => m.registry));
  const redis = () => import('./net/redis');
  registerLazyProgram('redis-server', () => redis().then((m) => m.redisServer));
  registerLazyProgram('redis-cli', () => redis().then((m) => m.redisCli));

  const pkg = () => import('./pkg/managers');
  for (const name of ['apt-get', 'apt', 'apt-mark', 'dpkg', 'dpkg-query', 'apk', 'yum', 'dnf', 'rpm', 'cowsay', 'fortune']) {
    registerLazyProgram(name, () => pkg().then((m) => m.PACKAGE_PROGRAMS[name]!));
  }

  // The kernel tools of note 003's namespace chapter, and systemd's journal.
  registerLazyProgram('lsns', () => import('./lsns').then((m) => m.lsns));
  registerLazyProgram('nsenter', () => import('./nsenter').then((m) => m.nsenter));
  registerLazyProgram('unshare', () => import('./unshare').then((m) => m.unshare));
  registerLazyProgram('mount', () => import('./mount').then((m) => m.mount));
  registerLazyProgram('umount', () => import('./mount').then((m) => m.umount));
  registerLazyProgram('top', () => import('./top').then((m) => m.top));
  const xz = () => import('./xz');
  registerLazyProgram('xz', () => xz().then((m) => m.xz));
  registerLazyProgram('unxz', () => xz().then((m) => m.unxz));
  registerLazyProgram('xzcat', () => xz().then((m) => m.xzcat));
  registerLazyProgram('journalctl', () => import('./journalctl').then((m) => m.journalctl));
}
