/** Cases and texts from containerd/platforms (platforms.go, platforms_test.go) as vendored by docker/cli v28.5.2. */
import { describe, expect, it } from 'vitest';
import { parsePlatform, platformError } from './platform';

describe('parsePlatform (containerd platforms.Parse)', () => {
  it('normalises architectures and fills a one-word specifier from this machine (linux/amd64)', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('x86_64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('aarch64')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(parsePlatform('linux')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('macOS')).toEqual({ os: 'darwin', architecture: 'amd64' });
    expect(parsePlatform('Linux/X86_64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('linux/armhf')).toEqual({ os: 'linux', architecture: 'arm' });
    expect(parsePlatform('linux/armel')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v6' });
    expect(parsePlatform('linux/arm/7')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(parsePlatform('linux/aarch64/9')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v9' });
    expect(parsePlatform('windows(10.0.17763)/amd64')).toEqual({ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763' });
    // Two parts are taken as they come: an unknown OS or architecture is not refused.
    expect(parsePlatform('plan10/z80')).toEqual({ os: 'plan10', architecture: 'z80' });
  });

  it("refuses what containerd refuses, in containerd's words", () => {
    expect(platformError('x')).toBe('"x": unknown operating system or architecture: invalid argument');
    expect(platformError('linux/&arm')).toBe('"&arm" is an invalid component of "linux/&arm": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument');
    expect(platformError('linux/arm/foo/bar')).toBe('"linux/arm/foo/bar": cannot parse platform specifier: invalid argument');
    expect(platformError('linux/arm/foo/bar/baz')).toBe('"bar/baz" is an invalid component of "linux/arm/foo/bar/baz": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument');
    expect(platformError('*')).toBe('"*": wildcards not yet supported: invalid argument');
    expect(platformError('lin ux/amd64')).toBe('"lin ux" is an invalid OS component of "lin ux/amd64": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument');
    expect(platformError('\x01x')).toBe('"\\x01x" is an invalid OS component of "\\x01x": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument');
    expect(platformError('linux/amd64')).toBeUndefined();
  });
});
