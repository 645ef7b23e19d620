/**
 * Every program the machine can run, registered once: the shells, the userland (coreutils, busybox,
 * hello-world's `/hello` …, loaded on first use), and the host's `docker` client: the program runs the client this machine was given at
 * boot (src/api/client.ts), which talks to dockerd through the host services.
 */
import { getProgram, registerLazyProgram, registerPrefetch, registerProgram } from '../programs/registry';
import { shPrograms } from '../../shell';
import { ttyOf } from '../../shell/readline';
import type { ClientIo } from '../../api/client';
import type { Program } from '../process/types';
import { DOCKER_GID } from './setup';
import { registerLazyPrograms } from '../programs/lazy';
import { USERLAND_NAMES } from '../programs/userland-names';

let registered = false;

/** `docker`: the CLI, connected to the daemon only on the host and only for users allowed on its socket. */
const docker: Program = (ctx) => client(ctx, false);

async function client(ctx: Parameters<Program>[0], standalone: boolean): Promise<number> {
  const daemon = await ctx.sys.host?.dockerd();
  const client = ctx.sys.host?.client;
  const cred = ctx.proc.info.cred;
  if (!client || !daemon) {
    await ctx.stderr.write(`${ctx.argv[0]}: the docker client is not installed on this machine\n`);
    return 127;
  }
  const io: ClientIo = {
    stdout: { write: (s: string) => ctx.stdout.write(s) },
    stderr: { write: (s: string) => ctx.stderr.write(s) },
    stdin: ctx.stdin,
    stdinIsTTY: ctx.stdin.isTTY,
    stdoutIsTTY: ctx.stdout.isTTY,
    env: ctx.env,
    now: () => ctx.sys.clock.now(),
    signal: ctx.signal,
    /** The client's own filesystem (docker cp, docker build read local files). */
    fs: ctx.fs,
    stderrIsTTY: ctx.stderr.isTTY,
    /** The machine clock, for commands that refresh (docker stats). */
    sleep: (ms: number, signal?: AbortSignal) => ctx.sys.clock.sleep(ms, signal),
    disableEcho: () => {
      const tty = ttyOf(ctx.stdin);
      if (!tty) return () => {};
      const saved = { ...tty.mode };
      tty.mode = { ...tty.mode, echo: false };
      return () => {
        tty.mode = saved;
      };
    },
    onSignal: (sig: number, handler: ((s: number) => void) | undefined) => ctx.proc.setSignal(sig, handler ?? 'default'),
  };
  const needsDaemon = (argv: string[]) => argv.length > 0 && !argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-v') && argv[0] !== 'help';
  // compose's `version` and `config` only read files: they work with the daemon down
  const composeArgs = standalone ? ctx.argv.slice(1) : ctx.argv[1] === 'compose' ? ctx.argv.slice(2) : undefined;
  let verb: string | undefined;
  for (const a of composeArgs ?? []) if (await client.isComposeVerb(a)) { verb = a; break; }
  const offline = verb === 'version' || verb === 'config';
  if ((standalone || needsDaemon(ctx.argv.slice(1))) && !offline && (!standalone || composeArgs!.length > 0)) {
    if (daemon.engineFailed()) {
      await ctx.stderr.write('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
      return 1;
    }
    if (cred.uid !== 0 && !cred.groups.includes(DOCKER_GID) && cred.gid !== DOCKER_GID) {
      await ctx.stderr.write(
        'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: ' +
          'Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.51/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n',
      );
      return 1;
    }
  }
  const status = standalone ? await client.compose(ctx.argv.slice(1), io, daemon, true) : await client.docker(ctx.argv.slice(1), io, daemon);
  // `docker-compose up` is recorded as what it means, `docker compose up`.
  const argv = standalone ? ['docker', 'compose', ...ctx.argv.slice(1)] : [...ctx.argv];
  ctx.sys.host?.record?.({ kind: 'docker', argv, status });
  return status;
};

/**
 * The userland (coreutils, busybox, …: programs/userland.ts) is one chunk loaded on first use: each
 * of its names stands for it until then, and the load registers the real programs over them.
 */
let userland: Promise<void> | undefined;
function loadUserland(): Promise<void> {
  return (userland ??= import('../programs/userland').then(
    (m) => m.registerUserland(),
    (e: unknown) => {
      userland = undefined;
      throw e;
    },
  ));
}
function registerLazyUserland(): void {
  for (const name of USERLAND_NAMES) {
    registerLazyProgram(name, async () => {
      const stub = getProgram(name);
      await loadUserland();
      const real = getProgram(name);
      if (!real || real === stub) throw new Error(`${name} is not in the userland`);
      return real;
    });
  }
}

/** `docker-compose`: the Compose v2 binary run on its own (as `docker compose` with v2's wording). */
const dockerCompose: Program = (ctx) => client(ctx, true);

export function registerAllPrograms(): void {
  if (registered) return;
  registered = true;
  registerLazyUserland();
  registerProgram('bash', shPrograms.bash);
  registerProgram('dash', shPrograms.dash);
  registerProgram('ash', shPrograms.ash);
  registerProgram('sh', shPrograms.dash);
  registerProgram('docker', docker);
  registerProgram('docker-compose', dockerCompose);
  // `docker build`'s builder: daemon code, loaded on first use (daemon/build.ts), prefetched too.
  // Imported here only when prefetched: dockerd's own code is not needed for the login prompt.
  registerPrefetch(() => import('../daemon/build').then((b) => b.loadBuilder()));
  // The Hub's official images, read by the first pull (registry/registry.ts), prefetched too.
  registerPrefetch(() => import('../registry/registry').then((r) => r.loadHubData()));
  registerLazyPrograms();
}
