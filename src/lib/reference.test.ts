import { describe, expect, it } from 'vitest';
import {
  familiarize, familiarString, normalize, parseAnyReference, parseReference, tryParseReference,
} from './reference';

const err = (s: string) => {
  const r = tryParseReference(s);
  return 'error' in r ? r.error : undefined;
};

describe('image references', () => {
  it('normalises official images', () => {
    expect(normalize('ubuntu')).toBe('docker.io/library/ubuntu:latest');
    expect(normalize('ubuntu:18.04')).toBe('docker.io/library/ubuntu:18.04');
    expect(normalize('library/ubuntu')).toBe('docker.io/library/ubuntu:latest');
    expect(normalize('docker.io/ubuntu')).toBe('docker.io/library/ubuntu:latest');
    expect(normalize('index.docker.io/library/redis:alpine')).toBe('docker.io/library/redis:alpine');
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

  it('reports Docker errors', () => {
    expect(err('Foo')).toBe('invalid reference format: repository name (library/Foo) must be lowercase');
    expect(err('user/Foo:1')).toBe('invalid reference format: repository name (user/Foo) must be lowercase');
    expect(err('a'.repeat(64))).toBe(
      `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    expect(err('ubuntu:')).toBe('invalid reference format');
    expect(err('ubuntu:a b')).toBe('invalid reference format');
    expect(err('-ubuntu')).toBe('invalid reference format');
    expect(err('ubuntu::1')).toBe('invalid reference format');
    expect(err('')).toBe('invalid reference format');
    expect(err('x/' + 'a'.repeat(260))).toBe('repository name must not be more than 255 characters');
    expect(err('ubuntu@sha256:abc' + '0'.repeat(40))).toBe('invalid checksum digest length');
    expect(err('ubuntu@md5:' + '0'.repeat(32))).toBe('unsupported digest algorithm');
    expect(err('ubuntu:' + 'a'.repeat(129))).toBe('invalid reference format');
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
