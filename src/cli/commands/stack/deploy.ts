/** `docker stack deploy`: Deploy a new stack or update an existing stack (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'deploy',
  use: 'deploy [OPTIONS] STACK',
  short: 'Deploy a new stack or update an existing stack',
  aliases: ['up'],
  aliasesLine: 'docker stack deploy, docker stack up',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'compose-file', short: 'c', type: 'stringSlice', usage: 'Path to a Compose file, or "-" to read from stdin' },
    { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the stack services to converge', default: 'true' },
    { long: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced' },
    quietFlag('Suppress progress output'),
    { long: 'resolve-image', type: 'string', usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")', default: 'always' },
    { long: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' }
  ],
  run: notSimulated
};
