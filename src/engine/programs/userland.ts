/**
 * The machine's userland besides the shells and docker: coreutils, busybox, the shadow tools, the
 * network tools, the dev tools, systemctl, hello-world's `/hello` and `edit`. One chunk of its own
 * in the worker build, loaded by the first of these programs to run or by the prefetch after the
 * prompt (issue 16: the first prompt needs only the shell). `USERLAND_NAMES` (userland-names.ts)
 * is the list of names it registers, checked against it by userland.test.ts.
 */
import { registerCoreutils } from './coreutils';
import { registerBusybox } from './busybox/busybox';
import { registerShadowUtils } from './shadow';
import { registerNetPrograms } from './net';
import { registerDevTools } from './devtools';
import { systemctl, service } from './systemctl';
import { hello } from './hello';
import { edit } from '../host/edit';
import { registerProgram } from './registry';

/** Register the real programs (over the lazy entries that stood for them). */
export function registerUserland(): void {
  registerCoreutils();
  registerProgram('hello', hello);
  registerProgram('edit', edit);
  registerBusybox();
  registerShadowUtils();
  registerNetPrograms();
  registerDevTools();
  registerProgram('systemctl', systemctl);
  registerProgram('service', service);
}
