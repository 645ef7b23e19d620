/** `docker bake`: Build from a file (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'bake [OPTIONS] [TARGET...]', short: 'Build from a file',
  aliasesLine: 'docker buildx bake',
  args: { kind: 'any' }, categoryTop: 5,
  run: notSimulated
});
