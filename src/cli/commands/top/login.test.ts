import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../../testing/boot';

const WARN = "\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";

describe('docker login / logout', () => {
  it('--password-stdin stores base64 user:password in config.json; logout removes it', async () => {
    const m = await bootMachine({ seed: 21, clock: 'virtual' });
    const r = await m.run(['bash', '-c', 'echo s3cret | docker login -u learner1 --password-stdin']);
    expect(r).toEqual({ stdout: 'Login Succeeded\n', stderr: WARN, status: 0 });
    const cfg = JSON.parse((await m.run(['cat', '/home/learner/.docker/config.json'])).stdout);
    expect(cfg).toEqual({ auths: { 'https://index.docker.io/v1/': { auth: btoa('learner1:s3cret') } } });
    expect((await m.run(['stat', '-c', '%a', '/home/learner/.docker/config.json'])).stdout).toBe('600\n');
    expect((await m.run(['docker', 'logout'])).stdout).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect(JSON.parse((await m.run(['cat', '/home/learner/.docker/config.json'])).stdout)).toEqual({ auths: {} });
  });

  it('checks flags in docker-cli\'s order and refuses what the Hub refuses', async () => {
    const m = await bootMachine({ seed: 22, clock: 'virtual' });
    const both = await m.run(['docker', 'login', '-u', 'learner1', '-p', 'x', '--password-stdin']);
    expect(both.stderr).toBe('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n--password and --password-stdin are mutually exclusive\n');
    expect(both.status).toBe(1);
    const nouser = await m.run(['docker', 'login', '--password-stdin'], { stdin: 'x\n' });
    expect(nouser.stderr).toBe('Must provide --username with --password-stdin\n');
    const bad = await m.run(['docker', 'login', '-u', 'No_Such-User', '-p', 'x']);
    expect(bad.stderr).toMatch(/\nError response from daemon: Get "https:\/\/registry-1\.docker\.io\/v2\/": unauthorized: incorrect username or password\n$/);
    expect(bad.status).toBe(1);
    expect((await m.run(['bash', '-c', 'test -e ~/.docker/config.json && echo yes || echo no'])).stdout).toBe('no\n');
    // No terminal to prompt on: docker-cli refuses before asking anything.
    const piped = await m.run(['docker', 'login', '-u', 'learner1']);
    expect(piped.stderr).toBe('Error: Cannot perform an interactive login from a non TTY device\n');
    expect(piped.status).toBe(1);
    const down = await m.run(['docker', 'login', '-u', 'a', '-p', 'b', 'localhost:5000']);
    expect(down.stderr).toMatch(/\nError response from daemon: Get "http:\/\/localhost:5000\/v2\/": dial tcp 127\.0\.0\.1:5000: connect: connection refused\n$/);
  });
});
