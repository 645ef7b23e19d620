/**
 * The `registry` image's server (Distribution v2), enough for a private registry lesson: it
 * listens on :5000 and answers `/v2/`, `/v2/_catalog` and `/v2/NAME/tags/list` from its storage
 * under /var/lib/registry (the daemon writes a repository's tag links there when it pushes), with
 * the registry's own log lines. Blob and manifest transfer happens inside the daemon.
 */
import type { Listener, ProgramContext } from '../../process/types';
import { readRequest } from './http';

const enc = new TextEncoder();
const ROOT = '/var/lib/registry/docker/registry/v2/repositories';

function repositories(ctx: ProgramContext, dir = ROOT, prefix = ''): string[] {
  let names: string[] = [];
  try {
    names = ctx.fs.readdir(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    if (n === '_manifests' || n === '_layers' || n === '_uploads') continue;
    const path = `${dir}/${n}`;
    if (ctx.fs.exists(`${path}/_manifests`)) out.push(prefix + n);
    out.push(...repositories(ctx, path, `${prefix}${n}/`));
  }
  return out;
}

export async function registry(ctx: ProgramContext): Promise<number> {
  const t = () => new Date(ctx.sys.clock.now()).toISOString().replace('Z', '000000Z').replace(/\.(\d{3})000000Z/, '.$1000000Z');
  const log = (level: string, msg: string) => ctx.stderr.write(`time="${t()}" level=${level} msg="${msg}" go.version=go1.20.8 instance.id=4f2a7c1e-8b0d-4d6e-9a3f-1c5b2e7d9f10 service=registry version=2.8.3\n`);
  await log('warning', 'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.');
  await log('info', 'redis not configured');
  await log('info', 'Starting upload purge in 20m0s');
  await log('info', 'using inmemory blob descriptor cache');
  let l: Listener;
  try {
    l = ctx.sys.net!.listen(5000);
  } catch {
    await ctx.stderr.write('listen tcp :5000: bind: address already in use\n');
    return 1;
  }
  await log('info', 'listening on [::]:5000');
  for (;;) {
    const sock = await l.accept(ctx.signal);
    void (async () => {
      try {
        const req = await readRequest(sock, ctx.signal);
        if (!req) return;
        const path = req.path.split('?')[0];
        let status = 200;
        let body: unknown = {};
        const tags = /^\/v2\/(.+)\/tags\/list$/.exec(path);
        if (path === '/v2/' || path === '/v2') body = {};
        else if (path === '/v2/_catalog') body = { repositories: repositories(ctx) };
        else if (tags) {
          let list: string[] = [];
          try {
            list = ctx.fs.readdir(`${ROOT}/${tags[1]}/_manifests/tags`).sort();
          } catch {
            status = 404;
          }
          body = status === 404 ? { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry', detail: { name: tags[1] } }] } : { name: tags[1], tags: list };
        } else {
          status = 404;
          body = '404 page not found\n';
        }
        const text = typeof body === 'string' ? body : JSON.stringify(body) + '\n';
        const bytes = enc.encode(text);
        const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
        await sock.output.write(enc.encode(`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Not Found'}\r\nContent-Type: ${type}\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: ${new Date(ctx.sys.clock.now()).toUTCString()}\r\nContent-Length: ${bytes.length}\r\n\r\n`));
        await sock.output.write(bytes);
        const ua = req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
        const d = new Date(ctx.sys.clock.now());
        const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${d.toUTCString().slice(8, 11)}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
        await ctx.stdout.write(`${sock.remoteAddress} - - [${stamp}] "${req.method} ${req.path} ${req.version}" ${status} ${bytes.length} "" "${ua}"\n`);
      } finally {
        sock.close();
      }
    })().catch(() => {});
  }
}
