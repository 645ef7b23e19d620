/**
 * `docker network create|ls|inspect|rm|connect|disconnect|prune` and `docker port`: the CLI side
 * of the daemon's networks (../../engine/network).
 */
import type { Handler } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import { chooseFormat, writeFormat } from '../format/table';
import { bool, daemonMessage, daemonOf, list, parseFilters, printFormat, str } from './common';
import { printInspect } from './image';

function api(ctx: Parameters<Handler>[0]) {
  return daemonOf(ctx);
}

async function daemonCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
}

export const networkCreateRun: Handler = async (ctx, args, flags) => {
  const labels = Object.fromEntries(list(flags, 'label').map((l) => [l.split('=')[0], l.split('=').slice(1).join('=')]));
  const r = await daemonCall(() => api(ctx).networkCreate(args[0], { driver: str(flags, 'driver') || 'bridge', subnet: list(flags, 'subnet')[0], gateway: list(flags, 'gateway')[0], labels }));
  await ctx.io.stdout.write(r.Id + '\n');
  return 0;
};

export const networkLsRun: Handler = async (ctx, _args, flags) => {
  const nets = await daemonCall(() => api(ctx).networkList(parseFilters(list(flags, 'filter'))));
  const noTrunc = bool(flags, 'no-trunc');
  const format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', warn: () => {} });
  const rows = nets
    .sort((a, b) => (String(a.Name) < String(b.Name) ? -1 : 1))
    .map((n) => ({ ID: noTrunc ? n.Id : String(n.Id).slice(0, 12), Name: n.Name, Driver: n.Driver, Scope: n.Scope, IPv6: 'false', Internal: 'false', CreatedAt: n.Created, Labels: '' }));
  return printFormat(ctx, writeFormat(bool(flags, 'quiet') ? '{{.ID}}' : format, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', CreatedAt: 'CREATED AT', Labels: 'LABELS' }, rows));
};

export const networkInspectRun: Handler = async (ctx, args, flags) => {
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    try {
      found.push(await api(ctx).networkInspect(ref));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const networkRmRun: Handler = async (ctx, args) => {
  const errors: string[] = [];
  for (const ref of args) {
    try {
      await api(ctx).networkRemove(ref);
      await ctx.io.stdout.write(ref + '\n');
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
};

export const networkConnectRun: Handler = async (ctx, args, flags) => {
  await daemonCall(() => api(ctx).networkConnect(args[0], args[1], list(flags, 'alias')));
  return 0;
};

export const networkDisconnectRun: Handler = async (ctx, args) => {
  await daemonCall(() => api(ctx).networkDisconnect(args[0], args[1]));
  return 0;
};

export const networkPruneRun: Handler = async (ctx, _args, flags) => {
  if (!bool(flags, 'force')) {
    await ctx.io.stdout.write('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const gone = await daemonCall(() => api(ctx).networkPrune());
  // The CLI builds "Deleted Networks:\nA\n" and prints it with Fprintln: a blank line ends it.
  if (gone.length) await ctx.io.stdout.write('Deleted Networks:\n' + gone.map((n) => n + '\n').join('') + '\n');
  return 0;
};

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`. */
export const portRun: Handler = async (ctx, args) => {
  const pub = await daemonCall(() => api(ctx).containerPort(args[0]));
  const lines: string[] = [];
  const fmt = (ip: string, port: number) => `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
  const want = args[1] ? (args[1].includes('/') ? args[1] : `${args[1]}/tcp`) : undefined;
  for (const p of [...pub].sort((a, b) => (a.containerPort < b.containerPort ? -1 : 1))) {
    if (want && p.containerPort !== want) continue;
    const ips = p.hostIp === '0.0.0.0' ? ['0.0.0.0', '::'] : [p.hostIp];
    for (const ip of ips) lines.push(want ? fmt(ip, p.hostPort) : `${p.containerPort} -> ${fmt(ip, p.hostPort)}`);
  }
  if (want && !lines.length) throw new CliError(`Error: No public port '${want}' published for ${args[0]}`, 1);
  await ctx.io.stdout.write(lines.map((l) => l + '\n').join(''));
  return 0;
};
