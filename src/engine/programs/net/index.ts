/** The network programs: curl, wget, ping, ip, ifconfig, nslookup; nginx, redis and the registry server. */
import { registerProgram } from '../registry';
import { curl, wget } from './web';
import { ifconfig, ip, ping } from './iptools';
import { nginx } from './nginx';
import { registry } from './registry';
import { redisCli, redisServer } from './redis';
import { nslookup } from './dns';

export function registerNetPrograms(): void {
  registerProgram('curl', curl);
  registerProgram('wget', (ctx) => wget(ctx));
  registerProgram('ping', (ctx) => ping(ctx));
  registerProgram('ip', ip);
  registerProgram('ifconfig', ifconfig);
  registerProgram('nslookup', (ctx) => nslookup(ctx));
  registerProgram('nginx', nginx);
  registerProgram('registry', registry);
  registerProgram('redis-server', redisServer);
  registerProgram('redis-cli', redisCli);
}
