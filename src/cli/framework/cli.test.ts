import { describe, expect, it } from 'vitest';
import { runDockerCli } from './cli';
import type { CliIo } from './types';
import type { DaemonApi } from '../../api/daemon';

export async function docker(argv: string[], daemon: unknown = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: async (s) => { out += s; } },
    stderr: { write: async (s) => { err += s; } },
    stdin: { read: async () => null, isTTY: false, close() {} },
    stdinIsTTY: false, stdoutIsTTY: false,
    env: { HOME: '/root' }, now: () => Date.parse('2025-01-01T00:00:00Z'),
  };
  // A stand-in daemon: these tests check flag parsing and help, which never reach it.
  const code = await runDockerCli(argv, io, daemon as DaemonApi);
  return { code, out, err };
}

describe('runDockerCli', () => {
  it('unknown command', async () => {
    expect(await docker(['foo'])).toEqual({ code: 1, out: '', err: "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n" });
  });
  it('unknown flag → 125 with usage', async () => {
    const r = await docker(['ps', '--foo']);
    expect(r.code).toBe(125);
    expect(r.err).toBe("unknown flag: --foo\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n");
    expect((await docker(['run', '-Z', 'x'])).err).toMatch(/^unknown shorthand flag: 'Z' in -Z\n\nUsage:  docker run \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]/);
  });
  it('argument count errors → 1', async () => {
    const r = await docker(['run']);
    expect(r.code).toBe(1);
    expect(r.err).toBe("docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n");
    expect((await docker(['image', 'ls', 'a', 'b'])).err).toContain("docker: 'docker image ls' requires at most 1 argument\n\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nSRun");
    expect((await docker(['image', 'foo'])).err).toContain('docker: unknown command: docker image foo');
  });
  it('invalid flag values', async () => {
    expect((await docker(['ps', '-n', 'x'])).err).toContain('invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax');
    expect((await docker(['ps', '--format'])).err).toContain('flag needs an argument: --format');
  });
  it('help layouts', async () => {
    const r = await docker(['ps', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage:  docker ps \[OPTIONS\]\n\nList containers\n\nAliases:\n  docker container ls, docker container list, docker container ps, docker ps\n\nOptions:\n  -a, --all             Show all containers \(default shows just running\)\n  -f, --filter filter   Filter output based on conditions provided\n      --format string   Format output using a custom template:\n/);
    expect(r.out).toContain('  -n, --last int        Show n last created containers (includes all\n                        states) (default -1)\n');
    const top = await docker(['--help']);
    expect(top.out).toMatch(/^Usage:  docker \[OPTIONS\] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n/);
    expect(top.out).toContain('Management Commands:\n  builder     Manage builds\n  buildx*     Docker Buildx\n');
    expect(top.out).toContain('\n  -l, --log-level string   Set the logging level ("debug", "info",\n                           "warn", "error", "fatal") (default "info")\n');
    expect(top.out).toMatch(/Run 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https:\/\/docs.docker.com\/go\/guides\/\n$/);
  });
  it('--version', async () => {
    expect((await docker(['-v'])).out).toBe('Docker version 28.5.2, build ecc6942\n');
  });
  it('placeholder verbs', async () => {
    expect(await docker(['node', 'ls'])).toEqual({ code: 1, out: '', err: 'docker node ls: not simulated yet\n' });
  });
});
