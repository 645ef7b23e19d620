import type { Handler } from './types';
import { verb, type VerbDef } from './verb';

/** Handler for verbs whose daemon side does not exist yet: say so plainly, exit 1. */
export const notSimulated: Handler = async (ctx) => {
  await ctx.io.stderr.write(`${ctx.commandPath}: not simulated yet\n`);
  return 1;
};

/**
 * A verb the simulator knows only by its help (swarm, plugins, contexts …): full help, flags and
 * argument checks as Docker 28.5 has them, then `not simulated yet`.
 */
export function notSimulatedVerb(def: Omit<VerbDef, 'run'>): ReturnType<typeof verb> {
  return verb({ ...def, run: notSimulated });
}
