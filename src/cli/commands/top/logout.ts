/** `docker logout`: Log out from a registry. (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { readConfig, serverKey, writeConfig } from '../shared/credentials';

export const logoutRun: Handler = async (ctx, args) => {
  const key = serverKey(args[0]);
  const cfg = readConfig(ctx);
  if (!cfg.auths?.[key]) {
    await ctx.io.stdout.write(`Not logged in to ${key}\n`);
    return 0;
  }
  await ctx.io.stdout.write(`Removing login credentials for ${key}\n`);
  delete cfg.auths[key];
  writeConfig(ctx, cfg);
};

export const spec = verb({
  use: 'logout [SERVER]', short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { kind: 'max', n: 1 }, categoryTop: 9,
  run: logoutRun
});
