/**
 * `docker compose cp` (pkg/compose/cp.go): `SERVICE:PATH` names the service's container (the
 * first one, or `--index N`); the copy itself is `docker cp`'s.
 */
import type { RunContext } from '../framework/types';
import { cpRun } from '../commands/container/cp';
import { bool, num } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { projectContainers } from './labels';

export const cpVerb: VerbHandler = async (c, args, flags) => {
  if (args.length !== 2) throw new ComposeError(`accepts 2 arg(s), received ${args.length}`);
  const { name } = await c.projectName();
  const resolved: string[] = [];
  for (const a of args) {
    const m = /^([a-zA-Z0-9._-]+):(.*)$/.exec(a);
    if (!m) {
      resolved.push(a);
      continue;
    }
    const all = (await projectContainers(c.d, name, { all: true })).filter((x) => x.service === m[1]);
    const index = num(flags, 'index');
    const ctr = index ? all.find((x) => x.number === index) : all[0];
    if (!ctr) throw new ComposeError(index ? `service "${m[1]}" is not running container #${index}` : `no container found for service "${m[1]}"`);
    resolved.push(`${ctr.id}:${m[2]}`);
  }
  if (!resolved.some((r, i) => r !== args[i])) throw new ComposeError('one of the arguments must be a SERVICE:PATH');
  const ctx = { io: c.io, daemon: c.d, commandPath: 'docker compose cp', changed: new Set<string>(), globals: {}, spec: { name: 'cp', use: '', short: '', flags: [] } } as RunContext;
  return (await cpRun(ctx, resolved, { archive: bool(flags, 'archive'), 'follow-link': bool(flags, 'follow-link'), quiet: true })) ?? 0;
};
