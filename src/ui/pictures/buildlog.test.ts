import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../../engine/events';
import { applyBuildEvent, reasonText, type BuildLog } from './buildlog';

const fold = (events: MachineEvent[], start?: BuildLog) => events.reduce<BuildLog | undefined>(applyBuildEvent, start);

describe('build log', () => {
  it('shows steps as they start and what each did when it ends', () => {
    const log = fold([
      { type: 'build.started', build: 'b1', dockerfile: 'Dockerfile', tags: ['x'], classic: false },
      { type: 'build.step.started', build: 'b1', step: 1, stage: 'stage-0', text: 'FROM busybox', parentId: '' },
      { type: 'build.step', build: 'b1', step: 1, stage: 'stage-0', text: 'FROM busybox', cached: true, reason: 'base image', parentId: '', imageId: 'sha256:a', size: 0, files: [] },
      { type: 'build.step.started', build: 'b1', step: 2, stage: 'stage-0', text: 'RUN echo hi > /f', parentId: 'sha256:a' },
    ]);
    expect(log?.steps.map((s) => `${s.step} ${s.state}`)).toEqual(['1 done', '2 running']);
    const done = fold(
      [
        { type: 'build.step', build: 'b1', step: 2, stage: 'stage-0', text: 'RUN echo hi > /f', cached: false, reason: 'not built before on this parent', parentId: 'sha256:a', imageId: 'sha256:b', layer: 'sha256:l', size: 3, files: [{ kind: 'A', path: '/f' }] },
        { type: 'build.finished', build: 'b1', imageId: 'sha256:b' },
      ],
      log,
    );
    expect(done?.state).toBe('done');
    expect(done?.steps[1]).toMatchObject({ state: 'done', cached: false, size: 3, layer: 'sha256:l', files: [{ kind: 'A', path: '/f' }] });
  });

  it('a new build replaces the old log; other builds and events leave it alone; failures are kept', () => {
    const one = fold([{ type: 'build.started', build: 'b1', dockerfile: 'Dockerfile', tags: [], classic: true }]);
    expect(fold([{ type: 'build.step.started', build: 'b9', step: 1, stage: 's', text: 'FROM x', parentId: '' }, { type: 'image.deleted', id: 'x' }], one)).toBe(one);
    const failed = fold([{ type: 'build.finished', build: 'b1', error: 'exit code: 1' }], one);
    expect(failed).toMatchObject({ state: 'failed', error: 'exit code: 1' });
    expect(fold([{ type: 'build.started', build: 'b2', dockerfile: 'Dockerfile', tags: ['y'], classic: false }], failed)).toMatchObject({ build: 'b2', tags: ['y'], steps: [] });
  });
});

describe('cache reasons', () => {
  it('are shown in Chinese when the sentence is known, as written otherwise', () => {
    expect(reasonText('the files it copies changed since the last build', 'zh-CN')).toBe('要复制的文件自上次构建以来有改动');
    expect(reasonText('the image stage builder of this build made', 'zh-CN')).toBe('本次构建的阶段 builder 产生的镜像');
    expect(reasonText('something new', 'zh-CN')).toBe('something new');
    expect(reasonText('a build arg it uses changed', 'en')).toBe('a build arg it uses changed');
  });
});
