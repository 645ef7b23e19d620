/**
 * The typed instruction layer against BuildKit's own tests (frontend/dockerfile/instructions
 * parse_test.go, bflag_test.go) and the messages of parse.go and bflag.go.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../dockerfile/parser';
import { parseInstruction } from './parse';
import { parseGoDuration } from './duration';
import type { Instruction } from './types';

const one = (line: string): Instruction => parseInstruction(parse(line).ast.children[0]);
const fails = (line: string) => {
  try {
    one(line);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('parseInstruction', () => {
  it('refuses a missing argument as BuildKit does', () => {
    for (const cmd of ['MAINTAINER', 'WORKDIR', 'USER', 'STOPSIGNAL']) expect(fails(cmd)).toBe(`${cmd} requires exactly one argument`);
    for (const cmd of ['ENV', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'EXPOSE', 'VOLUME']) expect(fails(cmd)).toBe(`${cmd} requires at least one argument`);
    for (const cmd of ['ADD', 'COPY']) expect(fails(`${cmd} arg1`)).toBe(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
  });

  it('gives the error cases of parse_test.go', () => {
    expect(fails('ONBUILD FROM scratch')).toBe("FROM isn't allowed as an ONBUILD trigger");
    expect(fails('MAINTAINER --boo joe@example.com')).toBe('unknown flag: --boo');
    expect(fails('ONBUILD ONBUILD RUN touch foobar')).toBe('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
    expect(fails('FOO bar')).toBe('unknown instruction: FOO (did you mean FROM?)');
    expect(fails('ARG =x')).toBe('ARG names can not be blank');
    expect(fails('SHELL /bin/bash -c')).toBe('SHELL requires the arguments to be in JSON form');
    expect(fails('FROM busybox AS 1x')).toBe('invalid name for build stage: "1x", name can\'t start with a number or contain symbols');
  });

  it('parses flags with bflag.go rules and words', () => {
    expect(fails('COPY --form=a x /y')).toBe('unknown flag: --form (did you mean from?)');
    expect(fails('COPY --bogus=1 x /y')).toBe('unknown flag: --bogus');
    expect(fails('COPY --from x /y')).toBe('missing a value on flag: --from');
    expect(fails('COPY --link=maybe x /y')).toBe('expecting boolean value for flag --link, not: maybe');
    expect(fails('COPY --chown=a --chown=b x /y')).toBe('duplicate flag specified: --chown');
    expect(fails('ADD --from=a x /y')).toBe('unknown flag: --from');
    expect(fails('RUN --network=bridge true')).toBe('invalid network mode "bridge"');
    expect(fails('ENV --x=1 A=b')).toBe('unknown flag: --x');
    const c = one('COPY --from=build --chmod=644 --link --exclude=*.md --exclude=*.txt a b /dst/');
    expect(c).toMatchObject({ kind: 'copy', from: 'build', chmod: '644', link: true, exclude: ['*.md', '*.txt'], sourcePaths: ['a', 'b'], dest: '/dst/' });
  });

  it('types RUN, CMD and ENTRYPOINT by form', () => {
    expect(one('RUN echo $HOME')).toMatchObject({ kind: 'run', cmdLine: ['echo $HOME'], prependShell: true, network: 'default', mounts: [] });
    expect(one('CMD ["a", "b"]')).toMatchObject({ kind: 'cmd', cmdLine: ['a', 'b'], prependShell: false });
    const run = one('RUN --mount=type=cache,target=/root/.cache pip install x');
    expect(run).toMatchObject({ kind: 'run', mountFlags: ['--mount=type=cache,target=/root/.cache'], mounts: [{ type: 'cache', target: '/root/.cache' }] });
  });

  it('reads HEALTHCHECK as parseHealthcheck does', () => {
    expect(one('HEALTHCHECK --interval=1m30s --retries=3 CMD curl -f http://localhost/')).toMatchObject({ test: ['CMD-SHELL', 'curl -f http://localhost/'], interval: 90e9, retries: 3 });
    expect(one('HEALTHCHECK NONE')).toMatchObject({ test: ['NONE'] });
    expect(fails('HEALTHCHECK NONE x')).toBe('HEALTHCHECK NONE takes no arguments');
    expect(fails('HEALTHCHECK RUN x')).toBe('Unknown type "RUN" in HEALTHCHECK (try CMD)');
    expect(fails('HEALTHCHECK --interval=50ns CMD x')).toBe('Interval "interval" cannot be less than 1ms');
    expect(fails('HEALTHCHECK --retries=-1 CMD x')).toBe('--retries cannot be negative (-1)');
    expect(fails('HEALTHCHECK --timeout=5 CMD x')).toBe('time: missing unit in duration "5"');
  });

  it('sorts EXPOSE ports before expansion (slices.Sort)', () => {
    expect(one('EXPOSE 80 443/udp ${P}0')).toMatchObject({ ports: ['${P}0', '443/udp', '80'] });
  });
});

describe('parseGoDuration', () => {
  it('reads Go durations and words its errors as time.ParseDuration', () => {
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('1.5s')).toBe(1.5e9);
    expect(parseGoDuration('1h2m')).toBe(3.72e12);
    expect(parseGoDuration('300ms')).toBe(3e8);
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
    expect(() => parseGoDuration('5d')).toThrow('time: unknown unit "d" in duration "5d"');
  });
});
