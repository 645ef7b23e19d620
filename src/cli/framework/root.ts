/** The `docker` root command: its global options and the command tree built from the spec files. */
import type { CommandSpec, FlagSpec } from './types';
import type { Node } from './help';
import { SHORTCUTS } from '../commands/shortcuts';
import { spec as builder } from '../commands/top/builder';
import { spec as checkpoint } from '../commands/top/checkpoint';
import { spec as config } from '../commands/top/config';
import { spec as container } from '../commands/top/container';
import { spec as context } from '../commands/top/context';
import { spec as image } from '../commands/top/image';
import { spec as manifest } from '../commands/top/manifest';
import { spec as network } from '../commands/top/network';
import { spec as node } from '../commands/top/node';
import { spec as plugin } from '../commands/top/plugin';
import { spec as secret } from '../commands/top/secret';
import { spec as service } from '../commands/top/service';
import { spec as stack } from '../commands/top/stack';
import { spec as swarm } from '../commands/top/swarm';
import { spec as system } from '../commands/top/system';
import { spec as trust } from '../commands/top/trust';
import { spec as volume } from '../commands/top/volume';
import { spec as bake } from '../commands/top/bake';
import { spec as inspect } from '../commands/top/inspect';
import { spec as login } from '../commands/top/login';
import { spec as logout } from '../commands/top/logout';
import { spec as search } from '../commands/top/search';
import { spec as version } from '../commands/top/version';
import { notSimulated } from './not-simulated';
// Loaded with the rest of the CLI: a dynamic import() resolves outside the simulated clock, and
// the headless runner would type the next line into compose while it loads.
import { runCompose } from '../compose/lazy';

export const CLIENT_VERSION = '28.5.2';
export const CLIENT_GIT_COMMIT = 'ecc6942';

export function globalFlags(home: string): FlagSpec[] {
  return [
    { long: 'config', type: 'string', usage: 'Location of client config files', default: `${home}/.docker` },
    { long: 'context', short: 'c', type: 'string', usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' },
    { long: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
    { long: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
    { long: 'log-level', short: 'l', type: 'string', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', default: 'info' },
    { long: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    { long: 'tlscacert', type: 'string', usage: 'Trust certs signed only by this CA', default: `${home}/.docker/ca.pem` },
    { long: 'tlscert', type: 'string', usage: 'Path to TLS certificate file', default: `${home}/.docker/cert.pem` },
    { long: 'tlskey', type: 'string', usage: 'Path to TLS key file', default: `${home}/.docker/key.pem` },
    { long: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
    { long: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
  ];
}

const PLUGINS: CommandSpec[] = [
  { name: 'buildx', use: 'buildx', short: 'Docker Buildx', plugin: true, flags: [], args: { kind: 'any' }, run: notSimulated },
  { name: 'compose', use: 'compose', short: 'Docker Compose', plugin: true, flags: [], args: { kind: 'any' }, rawArgs: true, run: (ctx, args) => runCompose(args, ctx.io, ctx.daemon) },
];

const MANAGEMENT = [builder, checkpoint, config, container, context, image, manifest, network, node, plugin, secret, service, stack, swarm, system, trust, volume];
const STANDALONE = [bake, inspect, login, logout, search, version];

function build(spec: CommandSpec, parent?: Node): Node {
  const n: Node = { spec, parent, children: [] };
  n.children = (spec.subcommands ?? []).map((s) => build(s, n));
  return n;
}

/** Build the tree; shortcuts are copies of their management command under the top-level name. */
export function buildTree(home: string): Node {
  const rootSpec: CommandSpec = {
    name: 'docker', use: 'docker [OPTIONS] COMMAND [ARG...]', short: 'A self-sufficient runtime for containers',
    flags: globalFlags(home), args: { kind: 'any' },
  };
  const root: Node = { spec: rootSpec, children: [] };
  const mgmt = MANAGEMENT.map((s) => build(s, root));
  const standalone = [...STANDALONE, ...PLUGINS].map((s) => build(s, root));
  const shortcuts: Node[] = [];
  for (const [name, { path, use }] of Object.entries(SHORTCUTS)) {
    let target: Node | undefined = root;
    for (const p of path) target = [...mgmt].concat(target?.children ?? []).find((c) => c.spec.name === p && c.parent === target);
    if (!target) continue;
    const t = target.spec;
    const categoryTop = TOP[name];
    const spec: CommandSpec = { ...t, name, use, aliases: [], categoryTop };
    target.shortcuts = [...(target.shortcuts ?? []), name];
    shortcuts.push({ spec, parent: root, children: [], mainForm: target });
  }
  root.children = [...mgmt, ...standalone, ...shortcuts];
  return root;
}

const TOP: Record<string, number> = { run: 1, exec: 2, ps: 3, build: 4, pull: 5, push: 6, images: 7, info: 12 };

/** Find a child by name or alias. */
export function findChild(n: Node, name: string): Node | undefined {
  return n.children.find((c) => c.spec.name === name) ?? n.children.find((c) => c.spec.aliases?.includes(name));
}
