/** `docker logout [SERVER]`: drop the server's entry from ~/.docker/config.json (client only). */
import type { Handler } from '../framework/types';
import { readConfig, serverKey, writeConfig } from './credentials';

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
  return 0;
};
