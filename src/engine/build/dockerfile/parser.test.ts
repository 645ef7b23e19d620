import { describe, expect, it } from 'vitest';
import { DockerfileParseError } from './ast';
import { dump, parse, parseWords, unknownInstruction, words } from './parser';

/** The error parse() throws, or undefined. */
function parseError(text: string): DockerfileParseError | undefined {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof DockerfileParseError) return e;
    throw e;
  }
  return undefined;
}

describe('parse errors (BuildKit texts and lines)', () => {
  it.each<[string, string, string, number?]>([
    ['an empty file has no instructions', '', 'file with no instructions'],
    ['only comments make no instructions', '# just a comment\n\n', 'file with no instructions'],
    ['ENV with a key and no value', 'FROM alpine\n\nENV PATH\n', 'ENV must have two arguments', 3],
    ['ENV/LABEL pairs need `=` in every word once the first has one', 'FROM alpine\nLABEL a=1 b\n', `Syntax error - can't find = in "b". Must be of the form: name=value`],
    ['a JSON array must hold strings only', 'FROM alpine\nCMD [ "echo", [ "nested json" ] ]\n', 'when using JSON array syntax, arrays must be comprised of strings only', 2],
    // moby-legacy/positive/escape-nonewline: accepted by the 2018 parser, refused by BuildKit.
    ['an escape directive other than \\ or ` is refused', '# escape = ``\nFROM image\n', "invalid escape token '``' does not match ` or \\"],
    ['a directive may appear once', '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1\nFROM a\n', 'only one syntax parser directive can be used'],
    ['a heredoc without its terminator', 'FROM alpine\nRUN <<EOF\necho hi\n', 'unterminated heredoc', 2],
    ['a line longer than 65535 bytes', `FROM alpine\nRUN echo ${'x'.repeat(70000)}\n`, 'dockerfile line greater than max allowed size of 65535'],
  ])('%s', (_name, dockerfile, message, line) => {
    const e = parseError(dockerfile);
    expect(e?.message).toBe(message);
    if (line !== undefined) expect(e?.line).toBe(line);
  });

  it('a line whose words do not lex has no heredocs (BuildKit ignores that error)', () => {
    const r = parse("FROM alpine\nRUN <<'EOF\nx\nEOF\n");
    expect(r.ast.children.map((c) => c.value)).toEqual(['from', 'run', 'x', 'eof']);
    expect(r.ast.children[1].heredocs).toEqual([]);
  });
});

describe('unknown instructions', () => {
  it('are parsed with one empty argument and reported by the builder with a suggestion', () => {
    const ast = parse('FROM alpine\nRUNN echo\nfrobnicate x\nFrm y\n').ast;
    expect(dump(ast.children[1])).toBe('runn ""');
    expect(unknownInstruction(ast.children[1])).toBe('unknown instruction: RUNN (did you mean RUN?)');
    expect(unknownInstruction(ast.children[2])).toBe('unknown instruction: frobnicate');
    // Mixed case: the suggestion stays lower case (util/suggest matchCase).
    expect(unknownInstruction(ast.children[3])).toBe('unknown instruction: Frm (did you mean from?)');
  });
});

describe('logical lines', () => {
  it('joins continuations, drops comments inside, warns about empty lines', () => {
    const r = parse('FROM alpine\nRUN echo a \\\n# inside\n\n    b\nCMD x\n');
    expect(words(r.ast.children[1])).toEqual(['echo a     b']);
    expect([r.ast.children[1].startLine, r.ast.children[1].endLine]).toEqual([2, 5]);
    expect(r.warnings).toEqual([{
      short: 'Empty continuation line found in: RUN echo a     b',
      detail: ['Empty continuation lines will become errors in a future release'],
      url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
      line: 5,
    }]);
  });

  it('keywords are case-insensitive and flags come before the arguments', () => {
    const r = parse('from alpine AS build\ncopy --from=build --chown="a b" -- /x /y\n');
    expect(r.ast.children.map((c) => c.value)).toEqual(['from', 'copy']);
    expect(r.ast.children[1].flags).toEqual(['--from=build', '--chown=a b']);
    expect(dump(r.ast)).toBe('(from "alpine" "AS" "build")\n(copy ["--from=build" "--chown=a b"] "/x" "/y")');
  });

  it('the escape directive changes the continuation character', () => {
    const r = parse('# escape=`\nFROM windows\nRUN dir `\n  c:\\\n');
    expect(r.escapeToken).toBe('`');
    expect(words(r.ast.children[1])).toEqual(['dir   c:\\']);
  });

  it('a directive after a comment is only a comment', () => {
    const r = parse('# hello\n# escape=`\nFROM a\nRUN x \\\n  y\n');
    expect(r.escapeToken).toBe('\\');
    expect(words(r.ast.children[1])).toEqual(['x   y']);
  });

  it('keeps the comments above an instruction', () => {
    const r = parse('# syntax=docker/dockerfile:1\n# base image\nFROM alpine\n');
    expect(r.ast.children[0].prevComment).toEqual(['base image']);
  });
});

describe('argument shapes (the dispatch table)', () => {
  const one = (line: string) => dump(parse(`${line}\n`).ast.children[0]);
  it('JSON or shell form', () => {
    expect(one('CMD ["echo", "hi"]')).toBe('cmd "echo" "hi"');
    expect(parse('CMD ["echo"]\n').ast.children[0].attributes.json).toBe(true);
    expect(one("CMD ['echo']")).toBe(`cmd "['echo']"`);
    expect(one('CMD []')).toBe('cmd');
    expect(one('COPY ["a b", "/c"]')).toBe('copy "a b" "/c"');
    expect(one('COPY a  b\t/c')).toBe('copy "a" "b" "/c"');
  });
  it('ENV and LABEL as triples, old and new form', () => {
    expect(one('ENV A b c')).toBe('env "A" "b c" ""');
    expect(one('ENV A="x y" B=2')).toBe('env "A" "\\"x y\\"" "=" "B" "2" "="');
  });
  it('ARG keeps quotes; HEALTHCHECK splits its type; ONBUILD nests', () => {
    expect(one('ARG a="1 2" b')).toBe('arg "a=\\"1 2\\"" "b"');
    expect(one('HEALTHCHECK --interval=5s CMD curl -f x')).toBe('healthcheck ["--interval=5s"] "CMD" "curl -f x"');
    expect(one('ONBUILD RUN ["echo", "x"]')).toBe('onbuild (run "echo" "x")');
  });
});

describe('heredocs', () => {
  it('reads the bodies of several heredocs in order, lines kept as written', () => {
    const r = parse('FROM alpine\nRUN <<A cat - && cat /dev/fd/3 3<<-"B"\none $X\nA\n\ttwo\n\tB\nCMD x\n');
    const run = r.ast.children[1];
    expect(run.heredocs).toEqual([
      { name: 'A', fileDescriptor: 0, expand: true, chomp: false, content: 'one $X\n' },
      { name: 'B', fileDescriptor: 3, expand: false, chomp: true, content: '\ttwo\n' },
    ]);
    expect([run.startLine, run.endLine]).toEqual([2, 6]);
    expect(r.ast.children[2].value).toBe('cmd');
  });

  it('JSON form and other instructions take no heredocs', () => {
    const r = parse('FROM alpine\nRUN ["<<EOF"]\nLABEL x=<<EOF\n');
    expect(r.ast.children.map((c) => c.heredocs.length)).toEqual([0, 0, 0]);
  });

  it('an ONBUILD trigger keeps its heredoc on the outer node', () => {
    const r = parse('FROM alpine\nONBUILD RUN <<EOF\necho hi\nEOF\n');
    expect(r.ast.children[1].heredocs.map((h) => h.content)).toEqual(['echo hi\n']);
  });
});

// Expectations transcribed from BuildKit's parser_test.go, line_parsers_test.go and
// directives_test.go (tests that are Go code, not fixture files).
describe('BuildKit parser unit tests', () => {
  it('TestParseWords', () => {
    const cases: [string, string[]][] = [
      ['foo', ['foo']],
      ['foo bar', ['foo', 'bar']],
      ['foo\\ bar', ['foo\\ bar']],
      ['foo=bar', ['foo=bar']],
      ["foo bar 'abc xyz'", ['foo', 'bar', "'abc xyz'"]],
      ['foo bar "abc xyz"', ['foo', 'bar', '"abc xyz"']],
      ['àöû', ['àöû']],
      ['föo bàr "âbc xÿz"', ['föo', 'bàr', '"âbc xÿz"']],
    ];
    for (const [input, want] of cases) expect(parseWords(input, '\\')).toEqual(want);
  });

  it('TestParseWarnsOnEmptyContinutationLine', () => {
    const r = parse(`
FROM alpine:3.6

RUN valid \\
    continuation

RUN something \\

    following \\

    more

RUN another \\

    thing

RUN non-indented \\
# this is a comment
   after-comment

RUN indented \\
    # this is an indented comment
    comment
\t`);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0].short).toContain('Empty continuation line found in');
    expect(r.warnings[0].short).toContain('RUN something     following     more');
    expect(r.warnings[1].short).toContain('RUN another     thing');
    expect(r.warnings[0].detail?.[0]).toContain('will become errors in a future release');
  });

  it('TestParseReturnsScannerErrors', () => {
    const label = 'a'.repeat(64 * 1024);
    expect(parseError(`\n\t\tFROM image\n\t\tLABEL test=${label}\n`)?.message).toBe('dockerfile line greater than max allowed size of 65535');
  });

  it('TestParseNameValOldFormat / NewFormat / WithoutVal', () => {
    expect(dump(parse('LABEL foo bar\n').ast.children[0])).toBe('label "foo" "bar" ""');
    expect(dump(parse('LABEL foo=bar thing=star\n').ast.children[0])).toBe('label "foo" "bar" "=" "thing" "star" "="');
    expect(parseError('ENV foo\n')?.message).toBe('ENV must have two arguments');
  });

  it('TestDirectives: names are case-insensitive, an unknown `# key = …` ends the block', () => {
    expect(parse('# EScape=`\n# KEY = FOO bar\nFROM a\n').escapeToken).toBe('`');
    expect(parse('# key = FOO bar\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
  });
});
