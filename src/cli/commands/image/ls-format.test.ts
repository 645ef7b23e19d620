import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_IMAGE_TABLE, formatImages } from './ls-format';
import { docker } from '../../framework/cli.test';

const g = (p: string) => readFileSync('../shared/conformance/cli-golden/' + p, 'utf8');
const now = Date.parse('2025-01-02T00:00:00Z');
const day = now / 1000 - 86400;
const img = (Id: string, RepoTags: string[], Created: number) => ({ Id, ParentId: '', RepoTags, RepoDigests: [], Created, Size: 0, SharedSize: 0, Labels: null, Containers: -1 });

describe('docker images format', () => {
  it('matches formatter/image_test.go expected table', () => {
    const r = formatImages([img('imageID1', ['image:tag1'], day), img('imageID2', ['image:tag2'], 0), img('imageID3', [], day)], DEFAULT_IMAGE_TABLE, { trunc: true, nowMs: now });
    expect(r.out).toBe(g('inline/image.TestImageContextWrite.L133.txt').replace(/\n*$/, '\n'));
  });
  it('empty list prints the header (list-command-success.simple)', () => {
    expect(formatImages([], DEFAULT_IMAGE_TABLE, { trunc: true, nowMs: now }).out).toBe(g('v28.5.2/cli/command/image/testdata/list-command-success.simple.golden'));
  });
  it('placeholder path still runs through the framework', async () => {
    expect((await docker(['images', '--help'])).out).toContain('Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]');
  });
});
