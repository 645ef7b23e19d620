/**
 * The network programs: curl, wget, ping, ip, ifconfig, nslookup. The servers (nginx, redis and
 * the registry) load on first use: see ../lazy.ts.
 */
import { registerProgram } from '../registry';
import { curl, wget } from './web';
import { ifconfig, ip, ping } from './iptools';
import { nslookup } from './dns';

export function registerNetPrograms(): void {
  registerProgram('curl', curl);
  registerProgram('wget', (ctx) => wget(ctx));
  registerProgram('ping', (ctx) => ping(ctx));
  registerProgram('ip', ip);
  registerProgram('ifconfig', ifconfig);
  registerProgram('nslookup', (ctx) => nslookup(ctx));
}
