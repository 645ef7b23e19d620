/**
 * The builder through the machine, as a learner drives it: cache keys and reasons, COPY rules,
 * ARG/ENV scope, the CMD/ENTRYPOINT forms of note 002 and multi-stage builds. Expected values come
 * from Docker's documented behaviour (and the notes), not from this code's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import type { BuildStepEvent, MachineEvent } from '../events';
import { bootMachine } from '../../testing/boot';

let m: Machine;
const sh = (script: string) => m.run(['bash', '-c', script]);
const build = async (args: string) => {
  const r = await m.run(['bash', '-c', `docker build --progress=plain ${args}`]);
  return r;
};
const steps = (events: MachineEvent[]) => events.filter((e): e is BuildStepEvent => e.type === 'build.step');

async function recording<T>(fn: () => Promise<T>): Promise<{ result: T; events: MachineEvent[] }> {
  const events: MachineEvent[] = [];
  const off = m.events.on((e) => events.push(e));
  try {
    return { result: await fn(), events };
  } finally {
    off();
  }
}

beforeAll(async () => {
  m = await bootMachine({ seed: 3, clock: 'virtual' });
  await m.run(['docker', 'pull', '-q', 'busybox']);
});

describe('the build cache', () => {
  it('reuses every step under another tag and misses from the COPY whose file changed', async () => {
    await sh(`mkdir -p c1 && cd c1 && echo one > a.txt && printf 'FROM busybox\\nRUN echo first > /f\\nCOPY a.txt /a.txt\\nRUN cat /a.txt > /b\\n' > Dockerfile`);
    const first = await recording(() => build('-t c1 c1'));
    expect(first.result.status).toBe(0);
    expect(steps(first.events).filter((s) => s.cached).map((s) => s.text)).toEqual(['FROM busybox']);

    const again = await recording(() => build('-t c1-other c1'));
    expect(again.result.stderr).toMatch(/#\d+ \[2\/4\] RUN echo first > \/f\n#\d+ CACHED/);
    expect(steps(again.events).every((s) => s.cached)).toBe(true);
    const id = (ref: string) => m.run(['docker', 'image', 'inspect', '-f', '{{.Id}}', ref]).then((r) => r.stdout);
    expect(await id('c1')).toBe(await id('c1-other'));

    await sh('echo two > c1/a.txt');
    const changed = await recording(() => build('-t c1 c1'));
    const s = steps(changed.events);
    expect(s.map((x) => [x.text, x.cached])).toEqual([
      ['FROM busybox', true],
      ['RUN echo first > /f', true],
      ['COPY a.txt /a.txt', false],
      ['RUN cat /a.txt > /b', false],
    ]);
    expect(s[2].reason).toBe('the files it copies changed since the last build');
    expect(s[2].files).toContainEqual({ kind: 'A', path: '/a.txt' });
    expect(s[2].layer).toMatch(/^sha256:/);
    expect(changed.events.some((e) => e.type === 'build.finished' && !!e.imageId)).toBe(true);
  });

  it('runs everything again with --no-cache', async () => {
    const r = await recording(() => build('--no-cache -t c1 c1'));
    // Only the base image is CACHED (BuildKit still has it locally); every instruction runs.
    expect(r.result.stderr.match(/CACHED/g)?.length).toBe(1);
    expect(r.result.stderr).toMatch(/\[1\/4\] FROM [^\n]*\n[^\n]*\n#4 CACHED/);
    expect(steps(r.events).slice(1).every((s) => !s.cached && s.reason.startsWith('--no-cache'))).toBe(true);
  });
});

describe('COPY rules', () => {
  it('copies a directory’s contents, globs, and resolves destinations against WORKDIR', async () => {
    await sh(`mkdir -p cp/app/lib && cd cp && echo x > app/lib/x.py && echo m > app/main.py && echo 1 > one.txt && echo 2 > two.txt && printf 'FROM busybox\\nWORKDIR /srv\\nCOPY app ./code/\\nCOPY *.txt /texts/\\nCOPY one.txt renamed\\n' > Dockerfile`);
    expect((await build('-t cp cp')).status).toBe(0);
    const r = await m.run(['docker', 'run', '--rm', 'cp', 'sh', '-c', 'ls /srv /srv/code /texts']);
    expect(r.stdout).toBe('/srv:\ncode\nrenamed\n\n/srv/code:\nlib\nmain.py\n\n/texts:\none.txt\ntwo.txt\n');
  });

  it('fails on a source that is not in the context', async () => {
    await sh(`mkdir -p miss && printf 'FROM busybox\\nCOPY nothere.txt /\\n' > miss/Dockerfile`);
    const r = await build('miss');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref');
    expect(r.stderr).toContain('"/nothere.txt": not found');
  });
});

describe('ARG and ENV', () => {
  it('keeps ARG to the build, ENV in the image; --build-arg overrides a default', async () => {
    await sh(`mkdir -p ae && printf 'ARG BASE=busybox\\nFROM $BASE\\nARG WHO=world\\nENV GREETING=hello\\nRUN echo "$GREETING $WHO" > /msg\\n' > ae/Dockerfile`);
    expect((await build('--build-arg WHO=learner -t ae ae')).status).toBe(0);
    const r = await m.run(['docker', 'run', '--rm', 'ae', 'sh', '-c', 'cat /msg; echo "[$GREETING][$WHO][$BASE]"']);
    expect(r.stdout).toBe('hello learner\n[hello][][]\n');
  });

  it('writes BuildKit history texts: RUN with the args it saw, ENV, ARG', async () => {
    const r = await m.run(['docker', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', 'ae']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('RUN |1 WHO=learner /bin/sh -c echo "$GREETING $WHO" > /msg # buildkit');
    expect(lines[1]).toBe('ENV GREETING=hello');
    expect(lines[2]).toBe('ARG WHO=world');
  });

  it('writes HEALTHCHECK history as BuildKit (%+v of the config) and the classic builder (%q) do', async () => {
    await sh(`mkdir -p hc && printf '%s\\n' 'FROM busybox' 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q -O- http://localhost/' > hc/Dockerfile`);
    expect((await build('-t hc hc')).status).toBe(0);
    const kit = await m.run(['docker', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', 'hc']);
    expect(kit.stdout.split('\n')[0]).toBe('HEALTHCHECK {Test:[CMD-SHELL wget -q -O- http://localhost/] Interval:30s Timeout:3s StartPeriod:0s StartInterval:0s Retries:3}');
    expect((await m.run(['bash', '-c', 'DOCKER_BUILDKIT=0 docker build -t hc-classic hc'])).status).toBe(0);
    const classic = await m.run(['docker', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', 'hc-classic']);
    expect(classic.stdout.split('\n')[0]).toBe(`/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "wget -q -O- http://localhost/"] "30s" "3s" "0s" "0s" '\\x03'}`);
  });
});

describe('CMD and ENTRYPOINT (note 002)', () => {
  it('expands $NAME in the shell form and in sh -c, not in the plain exec form', async () => {
    const forms: [string, string][] = [
      ['CMD echo "hello $NAME"', 'hello docker\n'],
      ['CMD ["echo", "hello $NAME"]', 'hello $NAME\n'],
      ['CMD ["sh", "-c", "echo hello $NAME"]', 'hello docker\n'],
    ];
    for (const [i, [cmd, want]] of forms.entries()) {
      await sh(`mkdir -p ce${i} && printf '%s\\n' 'FROM busybox' 'ENV NAME=docker' '${cmd}' > ce${i}/Dockerfile`);
      expect((await build(`-t ce${i} ce${i}`)).status).toBe(0);
      expect((await m.run(['docker', 'run', '--rm', `ce${i}`])).stdout).toBe(want);
    }
  });

  it('appends docker run arguments to an exec-form ENTRYPOINT, replacing CMD', async () => {
    await sh(`mkdir -p ep && printf '%s\\n' 'FROM busybox' 'ENTRYPOINT ["echo", "hi"]' 'CMD ["there"]' > ep/Dockerfile`);
    expect((await build('-t ep ep')).status).toBe(0);
    expect((await m.run(['docker', 'run', '--rm', 'ep'])).stdout).toBe('hi there\n');
    expect((await m.run(['docker', 'run', '--rm', 'ep', 'you'])).stdout).toBe('hi you\n');
    const cfg = await m.run(['docker', 'image', 'inspect', '-f', '{{json .Config.Entrypoint}} {{json .Config.Cmd}}', 'ep']);
    expect(cfg.stdout).toBe('["echo","hi"] ["there"]\n');
  });
});

describe('multi-stage builds', () => {
  it('exports only the target stage and skips stages it does not need', async () => {
    await sh(`mkdir -p ms && printf '%s\\n' 'FROM busybox AS builder' 'RUN echo built > /out' 'FROM busybox AS unused' 'RUN echo never > /never' 'FROM busybox' 'COPY --from=builder /out /app/out' 'CMD ["cat", "/app/out"]' > ms/Dockerfile`);
    const r = await build('-t ms ms');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('RUN echo never');
    expect((await m.run(['docker', 'run', '--rm', 'ms'])).stdout).toBe('built\n');
    // The final image is busybox plus one COPY layer: the builder's RUN layer is not in it.
    const layers = await m.run(['docker', 'image', 'inspect', '-f', '{{len .RootFS.Layers}}', 'ms']);
    const base = await m.run(['docker', 'image', 'inspect', '-f', '{{len .RootFS.Layers}}', 'busybox']);
    expect(Number(layers.stdout)).toBe(Number(base.stdout) + 1);
    // BuildKit's COPY history (convert_copy.go) leaves --from out of the text.
    const history = await m.run(['docker', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', 'ms']);
    expect(history.stdout.split('\n')[1]).toBe('COPY /out /app/out # buildkit');
  });

  it('builds an earlier stage with --target, and names an unknown one', async () => {
    const r = await build('--target builder -t ms-builder ms');
    expect(r.status).toBe(0);
    expect((await m.run(['docker', 'run', '--rm', 'ms-builder', 'cat', '/out'])).stdout).toBe('built\n');
    const bad = await build('--target nope ms');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('ERROR: failed to build: failed to solve: target stage "nope" could not be found');
  });
});

describe('failures', () => {
  it('reports a failing RUN with its exit code (BuildKit: status 1; classic: the code)', async () => {
    await sh(`mkdir -p bad && printf '%s\\n' 'FROM busybox' 'RUN exit 3' > bad/Dockerfile`);
    const kit = await build('bad');
    expect(kit.status).toBe(1);
    expect(kit.stderr).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3');
    const classic = await m.run(['bash', '-c', 'DOCKER_BUILDKIT=0 docker build bad']);
    expect(classic.status).toBe(3);
    expect(classic.stderr).toContain("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
  });
  it('repeats the failing step\'s last output lines in the error box (at most ten)', async () => {
    await sh(`mkdir -p loud && printf '%s\\n' 'FROM busybox' 'RUN seq 1 12 && ls /nope' > loud/Dockerfile`);
    const kit = await build('loud');
    expect(kit.status).toBe(1);
    const box = /------\n > \[2\/2\] RUN seq 1 12 && ls \/nope:\n([\s\S]*?)------\n/.exec(kit.stderr)?.[1] ?? '';
    const lines = box.split('\n').filter(Boolean).map((l) => l.replace(/^\d+\.\d{3} /, ''));
    expect(lines).toEqual(['4', '5', '6', '7', '8', '9', '10', '11', '12', 'ls: /nope: No such file or directory']);
  });
});

describe('docker builder prune', () => {
  it('forgets the cache: the next build runs its steps again', async () => {
    await sh(`mkdir -p pr && printf '%s\\n' 'FROM busybox' 'RUN echo a > /a' > pr/Dockerfile`);
    expect((await build('-t pr pr')).status).toBe(0);
    const r = await m.run(['docker', 'builder', 'prune', '-af']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Deleted build cache objects:\n([a-z0-9]{25}\n)+\nTotal reclaimed space: \S+\n$/);
    const empty = await m.run(['docker', 'builder', 'prune', '-f']);
    expect(empty.stdout).toBe('Total reclaimed space: 0B\n');
    const again = await recording(() => build('-t pr pr'));
    expect(again.result.stderr).toMatch(/\[2\/2\] RUN echo a > \/a\n#\d+ DONE/);
    expect(steps(again.events)[1]).toMatchObject({ cached: false, reason: 'not built before on this parent (a new instruction or a changed earlier step)' });
  });

  it('asks first without -f, and keeps the cache when the answer is no', async () => {
    const r = await m.run(['docker', 'builder', 'prune'], { stdin: 'n\n' });
    expect(r.stdout).toBe('WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ');
    expect((await build('-t pr pr')).stderr).toMatch(/RUN echo a > \/a\n#\d+ CACHED/);
  });
});
