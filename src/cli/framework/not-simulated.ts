import type { Handler } from './types';

/** Handler for verbs whose daemon side does not exist yet: say so plainly, exit 1. */
export const notSimulated: Handler = async (ctx) => {
  await ctx.io.stderr.write(`${ctx.commandPath}: not simulated yet\n`);
  return 1;
};
