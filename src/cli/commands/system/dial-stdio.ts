/** `docker system dial-stdio`: Proxy the stdio stream to the daemon connection. Should not be invoked manually. (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'dial-stdio', short: 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.',
  args: { kind: 'none' }, hidden: true,
  run: notSimulated
});
