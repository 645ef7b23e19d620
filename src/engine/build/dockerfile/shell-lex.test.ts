import { describe, expect, it } from 'vitest';
import { EXPANDING_INSTRUCTIONS, ShellLex, ShellLexError } from './shell-lex';
import { PatternError, patternToRegex, reversePattern, reverseString } from './shell-pattern';

const env = (o: Record<string, string>) => new Map(Object.entries(o));
const lex = new ShellLex('\\');

function errorOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ShellLexError);
    return (e as Error).message;
  }
  return undefined;
}

describe('ShellLex (BuildKit lex_test.go cases not in the corpora)', () => {
  it('${VAR:?msg} and ${VAR?msg} (TestShellParserMandatoryEnvVars)', () => {
    const noEmpty = '${VAR:?message here$ARG}';
    const noUnset = '${VAR?message here$ARG}';
    expect(lex.processWord(noEmpty, env({ VAR: 'plain', ARG: 'x' }))).toBe('plain');
    expect(errorOf(() => lex.processWord(noEmpty, env({ VAR: '', ARG: 'x' })))).toContain('message herex');
    expect(errorOf(() => lex.processWord(noEmpty, env({ ARG: 'x' })))).toContain('message herex');
    expect(lex.processWord(noUnset, env({ VAR: '', ARG: 'x' }))).toBe('');
    expect(errorOf(() => lex.processWord(noUnset, env({ ARG: 'x' })))).toContain('message herex');
  });

  it('nested ${…:+…} (TestProcessWithMatchesPlatform)', () => {
    const release = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';
    const base = { VERSION: 'v1.2.3', TARGETOS: 'linux' };
    expect(lex.processWordWithMatches(release, env({ ...base, TARGETARCH: 'arm', TARGETVARIANT: 'v7' })).result).toBe('something-v1.2.3.linux-arm-v7.tar.gz');
    expect(lex.processWordWithMatches(release, env({ ...base, TARGETARCH: 'arm64', TARGETVARIANT: '' })).result).toBe('something-v1.2.3.linux-arm64.tar.gz');
    const r = lex.processWordWithMatches(release, env({ ...base, TARGETARCH: 'arm64' }));
    expect(r.result).toBe('something-v1.2.3.linux-arm64.tar.gz');
    expect([...r.unmatched]).toEqual(['TARGETVARIANT']);
  });
});

describe('error texts', () => {
  it('wraps the cause in `failed to process "WORD": …`', () => {
    expect(errorOf(() => lex.processWord('a${X:?}', env({})))).toBe('failed to process "a${X:?}": X: is not allowed to be unset');
    expect(errorOf(() => lex.processWord('${X:?}', env({ X: '' })))).toBe('failed to process "${X:?}": X: is not allowed to be empty');
    expect(errorOf(() => lex.processWord('${}', env({})))).toBe('failed to process "${}": syntax error: bad substitution');
    expect(errorOf(() => lex.processWord('${X:-a', env({})))).toBe(`failed to process "\${X:-a": syntax error: missing '}'`);
    expect(errorOf(() => lex.processWord('${X:=a}', env({})))).toBe('failed to process "${X:=a}": unsupported modifier (:=) in substitution');
    expect(errorOf(() => lex.processWord('${X/a}', env({})))).toBe(`failed to process "\${X/a}": syntax error: missing '/' in \${}`);
    expect(errorOf(() => lex.processWord('"abc', env({})))).toBe('failed to process "\\"abc": unexpected end of statement while looking for matching double-quote');
    expect(errorOf(() => lex.processWord('${X#\\x}', env({ X: 'y' })))).toBe('failed to process "${X#\\\\x}": invalid pattern (\\x) in substitution: invalid escape \'\\x\'');
  });
});

describe('patterns', () => {
  it('#, ##, %, %% with escaped wildcards', () => {
    const e = env({ F: 'a.tar.gz', S: 'a*b*c' });
    expect(lex.processWord('${F#*.}|${F##*.}|${F%.*}|${F%%.*}', e)).toBe('tar.gz|gz|a.tar|a');
    expect(lex.processWord('${S#*\\*}|${S%\\**}', e)).toBe('b*c|a*b');
  });
  it('/ and // replace; `$` in the replacement of // follows Go regexp expansion', () => {
    const e = env({ P: 'a-b-c' });
    expect(lex.processWord('${P/-/+}|${P//-/+}|${P//?/x}', e)).toBe('a+b-c|a+b+c|xxxxx');
  });
});

describe('modes', () => {
  it('rawQuotes and skipUnsetEnv keep the text for displayed step names', () => {
    const raw = new ShellLex('\\');
    raw.rawQuotes = true;
    raw.skipUnsetEnv = true;
    expect(raw.processWord(`echo "$A" '$B' \${C:-x} $D`, env({ A: '1' }))).toBe(`echo "1" '$B' \${C:-x} $D`);
  });
  it('the backtick escape token', () => {
    const win = new ShellLex('`');
    expect(win.processWord('c:\\dir`$X', env({ X: 'no' }))).toBe('c:\\dir$X');
  });
  it('processWords splits unquoted expansions (EXPOSE)', () => {
    expect(lex.processWords('80 ${P}', env({ P: '443/tcp  53/udp' }))).toEqual(['80', '443/tcp', '53/udp']);
  });
  it('processWords: a ${v:-w} inside a word drops what came before it, as BuildKit does', () => {
    // lex.go shares one words buffer between nested processStopOn calls (since 1.10).
    expect(lex.processWords('ab${X:-c}d', env({}))).toEqual(['cd']);
    expect(lex.processWord('ab${X:-c}d', env({}))).toBe('abcd');
  });
});

it('lists the instructions the builder expands', () => {
  for (const k of ['from', 'copy', 'add', 'env', 'arg', 'label', 'expose', 'user', 'volume', 'workdir', 'stopsignal']) expect(EXPANDING_INSTRUCTIONS.has(k)).toBe(true);
  for (const k of ['run', 'cmd', 'entrypoint', 'shell', 'healthcheck', 'maintainer', 'onbuild']) expect(EXPANDING_INSTRUCTIONS.has(k)).toBe(false);
});

describe('shell patterns (lex_test.go TestConvertShellPatternToRegex, TestReverse*)', () => {
  it('converts wildcards and escapes, refuses other escapes', () => {
    expect(patternToRegex('*', true, true).exec('ab\ncd')?.[0]).toBe('ab'); // Go's `.` stops at \n
    expect(patternToRegex('?', true, true).exec('xy')?.[0]).toBe('x');
    expect(patternToRegex('\\*', true, true).test('*')).toBe(true);
    expect(patternToRegex('\\*', true, true).test('a')).toBe(false);
    const special = '(()[]{\\}^$.\\*\\?|\\\\';
    expect(patternToRegex(special, true, true).exec('(()[]{}^$.*?|\\')?.[0]).toBe('(()[]{}^$.*?|\\');
    for (const bad of ['\\', '\\x', '\\\\\\']) expect(() => patternToRegex(bad, true, true)).toThrow(PatternError);
  });
  it('reverses strings by code point and patterns keeping escapes', () => {
    expect(reverseString('54321')).toBe('12345');
    expect(reverseString('🖖🚀👽')).toBe('👽🚀🖖');
    const cases: [string, string][] = [['a\\*c', 'c\\*a'], ['\\\\\\ab', 'b\\a\\\\'], ['ab\\', '\\ba'], ['👽\\🚀🖖', '🖖\\🚀👽'], ['\\\\b', 'b\\\\']];
    for (const [p, want] of cases) expect(reversePattern(p)).toBe(want);
  });
});
