/** `docker bake`: Build from a file (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'bake [OPTIONS] [TARGET...]', short: 'Build from a file',
  aliasesLine: 'docker buildx bake',
  args: { kind: 'any' }, categoryTop: 5
});
