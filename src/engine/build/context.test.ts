import { describe, expect, it } from 'vitest';
import { DockerIgnore } from './context';

// moby/patternmatcher: patterns are relative to the context root, `*` stays inside one path
// segment, `**` spans any number, a matched directory takes its contents along, `!` re-includes
// and the last matching line wins.
describe('.dockerignore', () => {
  it.each([
    // anchored at the context root
    ['*.log\n/tmp\n', 'debug.log', true],
    ['*.log\n/tmp\n', 'logs/debug.log', false],
    ['*.log\n/tmp\n', 'tmp/x', true],
    ['*.log\n/tmp\n', 'src/tmp', false],
    // ** crosses directories
    ['**/*.pyc\n', 'a.pyc', true],
    ['**/*.pyc\n', 'app/lib/x.pyc', true],
    ['**/*.pyc\n', 'app/lib/x.py', false],
    // a directory goes with everything under it
    ['node_modules\n', 'node_modules', true],
    ['node_modules\n', 'node_modules/left-pad/index.js', true],
    ['node_modules\n', 'src/node_modules', false],
    // ! exceptions, the last matching line winning
    ['*.md\n!README.md\n', 'CHANGES.md', true],
    ['*.md\n!README.md\n', 'README.md', false],
    ['*.md\n!README*.md\nREADME-secret.md\n', 'README-secret.md', true],
    ['*.md\n!README*.md\nREADME-public.md\n', 'README-public.md', true],
    ['*.md\n!README*.md\nREADME-secret.md\n', 'README-public.md', false],
    // comments and blank lines skipped, paths cleaned
    ['# a comment\n\n  ./build/  \n', 'build/out.bin', true],
    ['# a comment\n\n  ./build/  \n', '# a comment', false],
  ])('with %j, excludes(%j) is %s', (rules, path, excluded) => {
    expect(new DockerIgnore(rules).excludes(path)).toBe(excluded);
  });
});
