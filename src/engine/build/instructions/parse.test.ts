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

  // The error cases of parse_test.go, then bflag.go's flag errors.
  it.each([
    ['ONBUILD FROM scratch', "FROM isn't allowed as an ONBUILD trigger"],
    ['MAINTAINER --boo joe@example.com', 'unknown flag: --boo'],
    ['ONBUILD ONBUILD RUN touch foobar', 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'],
    ['FOO bar', 'unknown instruction: FOO (did you mean FROM?)'],
    ['ARG =x', 'ARG names can not be blank'],
    ['SHELL /bin/bash -c', 'SHELL requires the arguments to be in JSON form'],
    ['FROM busybox AS 1x', 'invalid name for build stage: "1x", name can\'t start with a number or contain symbols'],
    ['COPY --form=a x /y', 'unknown flag: --form (did you mean from?)'],
    ['COPY --bogus=1 x /y', 'unknown flag: --bogus'],
    ['COPY --from x /y', 'missing a value on flag: --from'],
    ['COPY --link=maybe x /y', 'expecting boolean value for flag --link, not: maybe'],
    ['COPY --chown=a --chown=b x /y', 'duplicate flag specified: --chown'],
    ['ADD --from=a x /y', 'unknown flag: --from'],
    ['RUN --network=bridge true', 'invalid network mode "bridge"'],
    ['ENV --x=1 A=b', 'unknown flag: --x'],
  ])("refuses %j in parse.go's and bflag.go's words", (line, message) => {
    expect(fails(line)).toBe(message);
  });

  it("reads COPY's flags with bflag.go's rules", () => {
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
