/**
 * Every program the machine can run, registered once: coreutils, the shells, hello-world's
 * `/hello`, and the host's `docker` client: the program runs the client this machine was given at
 * boot (src/api/client.ts), which talks to dockerd through the host services.
 */
import { registerProgram } from '../programs/registry';
import { systemctl, service } from '../programs/systemctl';
import { registerCoreutils } from '../programs/coreutils';
import { hello } from '../programs/hello';
import { shPrograms } from '../../shell';
import { ttyOf } from '../../shell/readline';
import type { ClientIo } from '../../api/client';
import type { Program } from '../process/types';
import { DOCKER_GID } from './setup';
import { edit } from './edit';
import { registerBusybox } from '../programs/busybox/busybox';
import { registerShadowUtils } from '../programs/shadow';
import { registerNetPrograms } from '../programs/net';
import { registerLazyPrograms } from '../programs/lazy';
import { registerDevTools } from '../programs/devtools';

let registered = false;

/** `docker`: the CLI, connected to the daemon only on the host and only for users allowed on its socket. */
const docker: Program = (ctx) => client(ctx, false);

async function client(ctx: Parameters<Program>[0], standalone: boolean): Promise<number> {
  const daemon = ctx.sys.host?.docker;
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

/** `docker-compose`: the Compose v2 binary run on its own (as `docker compose` with v2's wording). */
const dockerCompose: Program = (ctx) => client(ctx, true);

export function registerAllPrograms(): void {
  if (registered) return;
  registered = true;
  registerCoreutils();
  registerProgram('bash', shPrograms.bash);
  registerProgram('dash', shPrograms.dash);
  registerProgram('ash', shPrograms.ash);
  registerProgram('sh', shPrograms.dash);
  registerProgram('hello', hello);
  registerProgram('docker', docker);
  registerProgram('docker-compose', dockerCompose);
  registerProgram('edit', edit);
  registerBusybox();
  registerShadowUtils();
  registerNetPrograms();
  registerLazyPrograms();
  registerDevTools();
  registerProgram('systemctl', systemctl);
  registerProgram('service', service);
}
