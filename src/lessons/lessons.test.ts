import { describe, expect, it } from 'vitest';
import { validateLessonYaml, LessonFormatError } from './schema';
import { parseLessonText } from './text';
import { typedMatches, emptyLog, sameRef } from './typed';
import { describeCondition } from './describe';
import { startLesson } from './replay';
import { loadLesson } from './load';

const log = (...argvs: string[][]) => ({ ...emptyLog(), docker: argvs.map((argv) => ({ argv: ['docker', ...argv], status: 0 })) });

describe('typed commands match by meaning', () => {
  it('aliases, flag spelling and order', () => {
    expect(typedMatches({ typed: 'docker images' }, log(['image', 'ls']))).toBe(true);
    expect(typedMatches({ typed: 'docker images' }, log(['image', 'list']))).toBe(true);
    expect(typedMatches({ typed: 'docker run -it ubuntu bash' }, log(['container', 'run', '--interactive', '--tty', 'ubuntu', 'bash']))).toBe(true);
    expect(typedMatches({ typed: 'docker run -it ubuntu bash' }, log(['run', '-t', '-i', 'ubuntu:latest', 'bash']))).toBe(true);
    expect(typedMatches({ typed: 'docker ps -a' }, log(['container', 'ls', '--all']))).toBe(true);
    expect(typedMatches({ typed: 'docker inspect web' }, log(['container', 'inspect', 'web']))).toBe(true);
  });
  it('a missing flag, another argument or a failed run does not match', () => {
    expect(typedMatches({ typed: 'docker ps -a' }, log(['ps']))).toBe(false);
    expect(typedMatches({ typed: 'docker run -it ubuntu bash' }, log(['run', '-i', 'ubuntu', 'bash']))).toBe(false);
    expect(typedMatches({ typed: 'docker run -it ubuntu bash' }, log(['run', '-it', 'debian', 'bash']))).toBe(false);
    expect(typedMatches({ typed: 'docker images', status: 0 }, { ...emptyLog(), docker: [{ argv: ['docker', 'images'], status: 1 }] })).toBe(false);
  });
  it('compose lines: the same sub-command and the pattern\'s words in any order', () => {
    expect(typedMatches({ typed: 'docker compose ps -a' }, log(['compose', 'ps', '--format', 'json', '-a']))).toBe(true);
    expect(typedMatches({ typed: 'docker compose logs' }, log(['compose', 'logs', '-f', 'web']))).toBe(true);
    expect(typedMatches({ typed: 'docker compose ps' }, log(['compose', 'up', 'ps']))).toBe(false);
  });
  it('references', () => {
    expect(sameRef('ubuntu', 'docker.io/library/ubuntu:latest')).toBe(true);
    expect(sameRef('ubuntu', 'ubuntu:18.04')).toBe(false);
  });
});

describe('lesson.yaml is validated whole', () => {
  const ok = { id: 'a/b', steps: [{ goal: [{ image: { ref: 'x' } }], solution: 'docker pull x' }] };
  it('accepts a minimal lesson', () => {
    expect(validateLessonYaml(ok).steps[0]!.solution).toEqual(['docker pull x']);
  });
  it.each([
    [{ ...ok, id: '01-a/b' }, /id/],
    [{ ...ok, extra: 1 }, /unknown key 'extra'/],
    [{ ...ok, steps: [{ goal: [{ container: { state: 'sleeping' } }], solution: 'x' }] }, /unknown state/],
    [{ ...ok, steps: [{ goal: [{ image: {} }], solution: 'x' }] }, /'ref' is required/],
    [{ ...ok, steps: [{ goal: [{ image: { ref: 'x' }, volume: { name: 'v' } }], solution: 'x' }] }, /exactly one kind/],
    [{ ...ok, steps: [{ goal: [{ run: 'rm -rf /' }], solution: 'x' }] }, /unknown key 'run'/],
    [{ ...ok, wrong: [{ step: 5, lines: ['x'] }] }, /no step 5/],
    ['just text', /expected a mapping/],
  ])('refuses %#', (raw, msg) => {
    expect(() => validateLessonYaml(raw)).toThrow(LessonFormatError);
    expect(() => validateLessonYaml(raw)).toThrow(msg);
  });
});

describe('lesson text', () => {
  it('steps, hints and after-text; headings inside code fences are text', () => {
    const t = parseLessonText('# T\n\nintro\n\n## One\nbody\n```\n## not a step\n```\n### 提示\n- h1\n- h2\n  more\n### 发生了什么\nafter\n## Two\nb2\n### Hints\n- x\n', 'zh.md');
    expect(t.title).toBe('T');
    expect(t.steps.map((s) => s.title)).toEqual(['One', 'Two']);
    expect(t.steps[0]!.body).toContain('## not a step');
    expect(t.steps[0]!.hints).toEqual(['h1', 'h2\nmore']);
    expect(t.steps[0]!.after).toBe('after');
  });
});

describe('condition sentences say what is not yet true', () => {
  it('zh and en', () => {
    const c = { container: { name: 'web', state: 'running' as const } };
    expect(describeCondition(c, false, 'zh')).toBe('还没有名为 web 正在运行的容器');
    expect(describeCondition(c, false, 'en')).toBe('no running container named web yet');
    expect(describeCondition(c, true, 'en')).toBe('running container named web exists');
  });
});

describe('goals read the machine state', () => {
  const lesson = loadLesson('01-t/01-t', {
    yaml: 'id: t/t\nsteps:\n  - goal:\n      - container: { image: busybox, state: exited, exitCode: 3 }\n    solution: |\n      docker run --name box busybox sh -c "exit 3"\n',
    zh: '# 题\n\n## 一\n做\n### 提示\n- 提示\n',
    en: '# T\n\n## One\nDo\n### Hints\n- hint\n',
  });
  it('false before, true after the solution; a container exiting 0 does not count', async () => {
    const run = await startLesson(lesson);
    expect(await run.progress.goalMet(0)).toBe(false);
    await run.h.type('docker run busybox true');
    expect(await run.progress.goalMet(0)).toBe(false);
    await run.h.type('docker run --name box busybox sh -c "exit 3"');
    expect(await run.progress.goalMet(0)).toBe(true);
    expect(await run.progress.advance()).toEqual([0]);
    expect(run.progress.finished).toBe(true);
    run.dispose();
  });
});
