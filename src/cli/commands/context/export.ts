/** `docker context export`: Export a context to a tar archive FILE or a tar stream on STDOUT. (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'export [OPTIONS] CONTEXT [FILE|-]', short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
  args: { kind: 'range', n: 1, m: 2 }
});
