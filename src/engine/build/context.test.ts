import { describe, expect, it } from 'vitest';
import { DockerIgnore } from './context';

// moby/patternmatcher: patterns are relative to the context root, `*` stays inside one path
// segment, `**` spans any number, a matched directory takes its contents along, `!` re-includes
// and the last matching line wins.
describe('.dockerignore', () => {
  it('anchors patterns at the context root', () => {
    const ig = new DockerIgnore('*.log\n/tmp\n');
    expect(ig.excludes('debug.log')).toBe(true);
    expect(ig.excludes('logs/debug.log')).toBe(false);
    expect(ig.excludes('tmp/x')).toBe(true);
    expect(ig.excludes('src/tmp')).toBe(false);
  });

  it('lets ** cross directories', () => {
    const ig = new DockerIgnore('**/*.pyc\n');
    expect(ig.excludes('a.pyc')).toBe(true);
    expect(ig.excludes('app/lib/x.pyc')).toBe(true);
    expect(ig.excludes('app/lib/x.py')).toBe(false);
  });

  it('excludes a directory with everything under it', () => {
    const ig = new DockerIgnore('node_modules\n');
    expect(ig.excludes('node_modules')).toBe(true);
    expect(ig.excludes('node_modules/left-pad/index.js')).toBe(true);
    expect(ig.excludes('src/node_modules')).toBe(false);
  });

  it('takes ! exceptions, the last matching line winning', () => {
    const ig = new DockerIgnore('*.md\n!README.md\n');
    expect(ig.excludes('CHANGES.md')).toBe(true);
    expect(ig.excludes('README.md')).toBe(false);
    const again = new DockerIgnore('*.md\n!README*.md\nREADME-secret.md\n');
    expect(again.excludes('README-secret.md')).toBe(true);
    expect(again.excludes('README-public.md')).toBe(false);
  });

  it('skips comments and blank lines and cleans paths', () => {
    const ig = new DockerIgnore('# a comment\n\n  ./build/  \n');
    expect(ig.excludes('build/out.bin')).toBe(true);
    expect(ig.excludes('# a comment')).toBe(false);
  });
});
