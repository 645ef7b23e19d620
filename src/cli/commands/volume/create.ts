/** `docker volume create`: Create a volume (flags and help as Docker 28.5 prints them). */
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, keyValueMap, list, str } from '../shared/common';
import { api } from './common';
import FLAGS from './flags.json';

export const volumeCreateRun: Handler = async (ctx, args, flags) => {
  const nameFlag = str(flags, 'name');
  if (args[0] && nameFlag && args[0] !== nameFlag) {
    throw new CliError(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
  }
  const v = await call(() => api(ctx).volumeCreate({ name: args[0] || nameFlag || undefined, driver: str(flags, 'driver') || 'local', labels: keyValueMap(list(flags, 'label')), options: keyValueMap(list(flags, 'opt')) }));
  await ctx.io.stdout.write(`${v.Name}\n`);
};

export const spec = verb({
  use: 'create [OPTIONS] [VOLUME]', short: 'Create a volume',
  args: { kind: 'max', n: 1 },
  flags: [...FLAGS.create],
  run: volumeCreateRun
});
