/** `docker system dial-stdio`: Proxy the stdio stream to the daemon connection. Should not be invoked manually. (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'dial-stdio', short: 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.',
  args: { kind: 'none' }, hidden: true
});
