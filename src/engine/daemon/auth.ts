/**
 * POST /auth (`docker login`): the daemon asks the registry whether the credentials are good.
 * The simulated Hub accepts any password for a well-formed Docker ID (4–30 lowercase letters and
 * digits, Hub's rule for usernames) and refuses others as the Hub does; a private registry without
 * authentication (the `registry` image's default) accepts anything once it answers.
 */
import type { Registry } from '../registry/registry';
import { DaemonError } from '../../api/daemon';

export const HUB_SERVER = 'https://index.docker.io/v1/';

export interface AuthRequest {
  username: string;
  password: string;
  /** `https://index.docker.io/v1/` for the Hub, else host[:port]. */
  serveraddress: string;
}

export function authenticate(req: AuthRequest, registryFor: (host: string) => Registry | undefined): { Status: string } {
  const hub = req.serveraddress === HUB_SERVER;
  const host = hub ? 'docker.io' : req.serveraddress.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!req.username || !req.password) throw new DaemonError('Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password', 401);
  if (hub) {
    if (!/^[a-z0-9]{4,30}$/.test(req.username)) {
      throw new DaemonError('Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password', 401);
    }
    return { Status: 'Login Succeeded' };
  }
  if (!registryFor(host)) {
    const local = /^(localhost|127\.0\.0\.1)(?::(\d+))?$/.exec(host);
    if (local) throw new DaemonError(`Get "http://${host}/v2/": dial tcp 127.0.0.1:${local[2] ?? '80'}: connect: connection refused`, 500);
    throw new DaemonError(`Get "https://${host}/v2/": dial tcp: lookup ${host.split(':')[0]}: no such host`, 500);
  }
  return { Status: 'Login Succeeded' };
}
