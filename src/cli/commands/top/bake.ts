/** `docker bake`: Build from a file (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'bake', use: 'bake [OPTIONS] [TARGET...]', short: 'Build from a file',
  aliasesLine: 'docker buildx bake',
  args: { kind: 'any' }, categoryTop: 5,
  flags: [],
  run: notSimulated
};
