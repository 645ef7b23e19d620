/** `docker container port`: List port mappings or a specific mapping for the container (flags and help as Docker 28.5 prints them). */
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { api } from '../network/common';
import { call } from '../shared/common';

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`. */
export const portRun: Handler = async (ctx, args) => {
  const pub = await call(() => api(ctx).containerPort(args[0]));
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
};

export const spec = verb({
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]', short: 'List port mappings or a specific mapping for the container',
  args: { kind: 'range', n: 1, m: 2 },
  run: portRun
});
