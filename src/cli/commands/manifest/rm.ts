/** `docker manifest rm`: Delete one or more manifest lists from local storage (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm MANIFEST_LIST [MANIFEST_LIST...]', short: 'Delete one or more manifest lists from local storage',
  args: { kind: 'min', n: 1 }
});
