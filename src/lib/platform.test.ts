/** Cases and texts from containerd/platforms (platforms.go, platforms_test.go) as vendored by docker/cli v28.5.2. */
import { describe, expect, it } from 'vitest';
import { parsePlatform, platformError } from './platform';

describe('parsePlatform (containerd platforms.Parse)', () => {
  // Two parts are taken as they come: an unknown OS or architecture (plan10/z80) is not refused.
  it.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['x86_64', { os: 'linux', architecture: 'amd64' }],
    ['aarch64', { os: 'linux', architecture: 'arm64' }],
    ['linux', { os: 'linux', architecture: 'amd64' }],
    ['macOS', { os: 'darwin', architecture: 'amd64' }],
    ['Linux/X86_64', { os: 'linux', architecture: 'amd64' }],
    ['linux/armhf', { os: 'linux', architecture: 'arm' }],
    ['linux/armel', { os: 'linux', architecture: 'arm', variant: 'v6' }],
    ['linux/arm/7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    ['linux/arm64/v8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
    ['linux/aarch64/9', { os: 'linux', architecture: 'arm64', variant: 'v9' }],
    ['windows(10.0.17763)/amd64', { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763' }],
    ['plan10/z80', { os: 'plan10', architecture: 'z80' }],
  ])("normalises %j (a one-word specifier takes this machine's linux/amd64)", (spec, want) => {
    expect(parsePlatform(spec)).toEqual(want);
  });

  it.each([
    ['x', '"x": unknown operating system or architecture: invalid argument'],
    ['linux/&arm', '"&arm" is an invalid component of "linux/&arm": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument'],
    ['linux/arm/foo/bar', '"linux/arm/foo/bar": cannot parse platform specifier: invalid argument'],
    ['linux/arm/foo/bar/baz', '"bar/baz" is an invalid component of "linux/arm/foo/bar/baz": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument'],
    ['*', '"*": wildcards not yet supported: invalid argument'],
    ['lin ux/amd64', '"lin ux" is an invalid OS component of "lin ux/amd64": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument'],
    ['\x01x', '"\\x01x" is an invalid OS component of "\\x01x": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument'],
    ['linux/amd64', undefined],
  ])("refuses %j in containerd's words", (spec, message) => {
    expect(platformError(spec)).toBe(message);
  });
});
