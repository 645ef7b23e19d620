import { describe, expect, it } from 'vitest';
import { normalize, pathPrefixes } from './path';

describe('path', () => {
  it.each([
    ['/a//b/./c/', '/', '/a/b/c'],
    ['../../x', '/', '/x'],
    ['b/../c', '/a', '/a/c'],
    ['./', '/srv/app', '/srv/app'],
  ])('normalize(%j, %j) is %j', (path, cwd, want) => {
    expect(normalize(path, cwd)).toBe(want);
  });

  it('lists the directories mkdir -p creates, top first', () => {
    expect(pathPrefixes('/a/b/c')).toEqual(['/a', '/a/b', '/a/b/c']);
    expect(pathPrefixes('usr//bin/')).toEqual(['/usr', '/usr/bin']);
    expect(pathPrefixes('/')).toEqual([]);
  });
});
