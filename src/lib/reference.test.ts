import { describe, expect, it } from 'vitest';
import {
  familiarize, familiarString, normalize, parseAnyReference, parseReference, tryParseReference,
} from './reference';

const err = (s: string) => {
  const r = tryParseReference(s);
  return 'error' in r ? r.error : undefined;
};

describe('image references', () => {
  it.each([
    ['ubuntu', 'docker.io/library/ubuntu:latest'],
    ['ubuntu:18.04', 'docker.io/library/ubuntu:18.04'],
    ['library/ubuntu', 'docker.io/library/ubuntu:latest'],
    ['docker.io/ubuntu', 'docker.io/library/ubuntu:latest'],
    ['index.docker.io/library/redis:alpine', 'docker.io/library/redis:alpine'],
  ])('normalises the official image %j to %j', (ref, full) => {
    expect(normalize(ref)).toBe(full);
  });

  it('keeps user repositories and private registries', () => {
    expect(normalize('iceymoss/hello:1.0')).toBe('docker.io/iceymoss/hello:1.0');
    expect(familiarize('docker.io/iceymoss/hello:1.0')).toBe('iceymoss/hello:1.0');
    expect(normalize('localhost:5000/myubuntu')).toBe('localhost:5000/myubuntu:latest');
    expect(familiarize('localhost:5000/myubuntu')).toBe('localhost:5000/myubuntu:latest');
    expect(parseReference('localhost/x')).toEqual({ domain: 'localhost', path: 'x' });
    expect(parseReference('registry.example.com/a/b/c:v1')).toEqual({
      domain: 'registry.example.com', path: 'a/b/c', tag: 'v1',
    });
  });

  it('familiar forms', () => {
    expect(familiarize('ubuntu')).toBe('ubuntu:latest');
    expect(familiarString(parseReference('ubuntu'))).toBe('ubuntu');
    const d = 'sha256:' + 'a'.repeat(64);
    expect(familiarString(parseReference('ubuntu@' + d))).toBe('ubuntu@' + d);
    expect(familiarize('ubuntu@' + d)).toBe('ubuntu@' + d);
    expect(familiarize('ubuntu:20.04@' + d)).toBe('ubuntu:20.04@' + d);
  });

  it.each([
    ['Foo', 'invalid reference format: repository name (library/Foo) must be lowercase'],
    ['user/Foo:1', 'invalid reference format: repository name (user/Foo) must be lowercase'],
    ['a'.repeat(64), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    ['ubuntu:', 'invalid reference format'],
    ['ubuntu:a b', 'invalid reference format'],
    ['-ubuntu', 'invalid reference format'],
    ['ubuntu::1', 'invalid reference format'],
    ['', 'invalid reference format'],
    ['x/' + 'a'.repeat(260), 'repository name must not be more than 255 characters'],
    ['ubuntu@sha256:abc' + '0'.repeat(40), 'invalid checksum digest length'],
    ['ubuntu@md5:' + '0'.repeat(32), 'unsupported digest algorithm'],
    ['ubuntu:' + 'a'.repeat(129), 'invalid reference format'],
  ])("refuses %j in Docker's words", (ref, message) => {
    expect(err(ref)).toBe(message);
  });

  it('upper-case tags and registry hosts are allowed', () => {
    expect(normalize('ubuntu:Latest')).toBe('docker.io/library/ubuntu:Latest');
    expect(parseReference('Example.com/x').domain).toBe('Example.com');
  });

  it('parses any reference (IDs)', () => {
    const hex = 'b'.repeat(64);
    expect(parseAnyReference(hex)).toEqual({ id: 'sha256:' + hex });
    expect(parseAnyReference('sha256:' + hex)).toEqual({ id: 'sha256:' + hex });
    expect(parseAnyReference('sha256:abc')).toEqual({ domain: 'docker.io', path: 'library/sha256', tag: 'abc' });
  });
});
