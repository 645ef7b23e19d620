/** `docker volume create`: Create a volume (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { daemonMessage, list, str } from '../shared/common';
import { api } from './common';

const kv = (items: string[]) => Object.fromEntries(items.map((l) => {
  const i = l.indexOf('=');
  return i < 0 ? [l, ''] : [l.slice(0, i), l.slice(i + 1)];
}));

export const volumeCreateRun: Handler = async (ctx, args, flags) => {
  const nameFlag = str(flags, 'name');
  if (args[0] && nameFlag && args[0] !== nameFlag) {
    throw new CliError(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
  }
  try {
    const v = await api(ctx).volumeCreate({ name: args[0] || nameFlag || undefined, driver: str(flags, 'driver') || 'local', labels: kv(list(flags, 'label')), options: kv(list(flags, 'opt')) });
    await ctx.io.stdout.write(`${v.Name}\n`);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  return 0;
};

export const spec: CommandSpec = {
  name: 'create',
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: { kind: 'max', n: 1 },
  flags: [
    { long: 'availability', type: 'string', usage: 'Cluster Volume availability ("active", "pause", "drain")', default: 'active' },
    { long: 'driver', short: 'd', type: 'string', usage: 'Specify volume driver name', default: 'local' },
    { long: 'group', type: 'string', usage: 'Cluster Volume group (cluster volumes)' },
    { long: 'label', type: 'list', usage: 'Set metadata for a volume' },
    { long: 'limit-bytes', type: 'bytes', usage: 'Minimum size of the Cluster Volume in bytes', default: '0' },
    { long: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', default: 'map[]' },
    { long: 'required-bytes', type: 'bytes', usage: 'Maximum size of the Cluster Volume in bytes', default: '0' },
    { long: 'scope', type: 'string', usage: 'Cluster Volume access scope ("single", "multi")', default: 'single' },
    { long: 'secret', type: 'map', usage: 'Cluster Volume secrets', default: 'map[]' },
    { long: 'sharing', type: 'string', usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")', default: 'none' },
    { long: 'topology-preferred', type: 'list', usage: 'A topology that the Cluster Volume would be preferred in' },
    { long: 'topology-required', type: 'list', usage: 'A topology that the Cluster Volume must be accessible from' },
    { long: 'type', type: 'string', usage: 'Cluster Volume access type ("mount", "block")', default: 'block' }
  ],
  run: volumeCreateRun
};
