/** `docker context import`: Import a context from a tar or zip file (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'import CONTEXT FILE|-', short: 'Import a context from a tar or zip file',
  args: { kind: 'exact', n: 2 }
});
