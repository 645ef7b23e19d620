import { describe, expect, it } from 'vitest';
import { docker } from './cli.test';
import { verb } from './verb';

describe('verb', () => {
  it('takes its name from the use line, as cobra does, and has no flags unless given', () => {
    const spec = verb({ use: 'pause CONTAINER [CONTAINER...]', short: 'Pause', args: { kind: 'min', n: 1 } });
    expect(spec.name).toBe('pause');
    expect(spec.flags).toEqual([]);
  });

  // The lines docker/cli's `aliases` annotations spell out (Docker 28.5 help), built here from
  // each verb's aliases and top-level shortcut.
  it.each([
    [['container', 'ls'], 'docker container ls, docker container list, docker container ps, docker ps'],
    [['ps'], 'docker container ls, docker container list, docker container ps, docker ps'],
    [['image', 'rm'], 'docker image rm, docker image remove, docker rmi'],
    [['container', 'pause'], 'docker container pause, docker pause'],
    [['volume', 'rm'], 'docker volume rm, docker volume remove'],
    [['config', 'ls'], 'docker config ls, docker config list'],
    [['build'], 'docker image build, docker build, docker builder build'],
    [['bake'], 'docker buildx bake'],
  ])('docker %j --help has the Aliases line %s', async (argv, line) => {
    expect((await docker([...argv, '--help'])).out).toContain(`\n\nAliases:\n  ${line}\n`);
  });

  it('prints no Aliases section for a verb with one name', async () => {
    expect((await docker(['container', 'prune', '--help'])).out).not.toContain('Aliases:');
  });
});

describe('pruneVerb', () => {
  // docker-cli's opts.FilterOpt refuses a filter without `=` as the flag is parsed, before the question.
  it.each([['container'], ['network'], ['volume'], ['image'], ['builder'], ['system']])('docker %s prune --filter bad fails before asking', async (group) => {
    const r = await docker([group, 'prune', '--filter', 'bad']);
    expect(r.code).toBe(125);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^invalid argument "bad" for "--filter" flag: bad format of filter \(expected name=value\)\n/);
  });
});
