/**
 * The conformance corpora of ../shared/conformance run against our Dockerfile parser and word
 * expander, each as upstream's test harness uses it (see each folder's README). Shared by
 * `npm run conformance` (prints `NAME: PASSED/TOTAL`) and a vitest test that requires N/N.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chompHeredocContent, dump, heredocsFromLine, INSTRUCTIONS, parse, parseHeredoc } from '../engine/build/dockerfile/parser';
import { ShellLex } from '../engine/build/dockerfile/shell-lex';

export interface CorpusResult {
  name: string;
  passed: number;
  total: number;
  failures: string[];
  /** Cases left out with a reason (EXCEPTIONS). */
  excepted: string[];
}

/**
 * Cases left out of a corpus's count on purpose, with the reason (printed beside the corpus).
 * Key: `corpus/case`.
 */
export const EXCEPTIONS: Record<string, string> = {
  'moby-legacy-positive/escape-nonewline':
    "the 2018 file says `# escape = ``` (two backticks); moby's 2018 directive regex kept only the first character after `=`, current BuildKit takes the whole value and rejects it (`invalid escape token '``' does not match ` or \\`, checked in parser.test.ts); the current fixture parser-positive/escape-nonewline has one backtick and passes",
};

/** The project root: this file is src/tools/conformance-corpora.ts. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** ../shared/conformance beside the project (where CI keeps it), whatever the working directory. */
export function conformanceRoot(projectRoot = PROJECT_ROOT): string {
  return resolve(projectRoot, '..', 'shared', 'conformance');
}

function corpus(name: string, cases: [string, () => string | undefined][]): CorpusResult {
  const r: CorpusResult = { name, passed: 0, total: 0, failures: [], excepted: [] };
  for (const [id, run] of cases) {
    if (EXCEPTIONS[`${name}/${id}`]) {
      r.excepted.push(`${id}: ${EXCEPTIONS[`${name}/${id}`]}`);
      continue;
    }
    r.total++;
    let err: string | undefined;
    try {
      err = run();
    } catch (e) {
      err = `threw: ${(e as Error).message}`;
    }
    if (err === undefined) r.passed++;
    else r.failures.push(`${id}: ${err}`);
  }
  return r;
}

const read = (p: string) => readFileSync(p, 'utf8');
const dirs = (p: string) => (existsSync(p) ? readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : []);

function positive(dir: string): [string, () => string | undefined][] {
  return dirs(dir).map((name) => [name, () => {
    const want = read(join(dir, name, 'result'));
    const got = dump(parse(read(join(dir, name, 'Dockerfile'))).ast) + '\n';
    return got === want ? undefined : `dump differs:\n--- want\n${want}--- got\n${got}`;
  }]);
}

/**
 * The messages the negative fixtures produce in BuildKit (buildkit-parser/README.md). Upstream
 * only checks that Parse fails; we also check the text when we know it.
 */
const NEGATIVE_MESSAGES: Record<string, string> = {
  empty_dockerfile: 'file with no instructions',
  only_comments: 'file with no instructions',
  env_no_value: 'ENV must have two arguments',
  'shykes-nested-json': 'when using JSON array syntax, arrays must be comprised of strings only',
};

function negative(dir: string): [string, () => string | undefined][] {
  return dirs(dir).map((name) => [name, () => {
    try {
      parse(read(join(dir, name, 'Dockerfile')));
    } catch (e) {
      const want = NEGATIVE_MESSAGES[name];
      const got = (e as Error).message;
      return want === undefined || got === want ? undefined : `error ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
    }
    return 'parsed without error';
  }]);
}

/** parser_test.go TestLineInformation (the same numbers in moby's 2018 copy). */
function lineInformation(file: string): string | undefined {
  const ast = parse(read(file)).ast;
  const spans = ast.children.map((c) => `${c.startLine},${c.endLine}`).join(' ');
  return ast.startLine === 5 && ast.endLine === 31 && spans === '5,5 11,12 17,31' ? undefined : `root ${ast.startLine},${ast.endLine} children ${spans}`;
}

/** The 2018 moby dump wrote ENV/LABEL as pairs, without the separator element. */
function legacyDump(text: string): string {
  const ast = parse(text).ast;
  for (const c of ast.children) {
    if (c.value !== 'env' && c.value !== 'label') continue;
    let prev = c as typeof c;
    let k = 0;
    for (let w = c.next; w; w = w.next) {
      k++;
      if (k % 3 === 0) prev.next = w.next;
      else prev = w;
    }
  }
  return dump(ast) + '\n';
}

export function runCorpora(root = conformanceRoot()): CorpusResult[] {
  const p = join(root, 'buildkit-parser');
  const out: CorpusResult[] = [];
  out.push(corpus('parser-positive', positive(join(p, 'positive'))));
  out.push(corpus('parser-negative', negative(join(p, 'negative'))));
  out.push(corpus('parser-testfile-line', [['testfile-line', () => lineInformation(join(p, 'testfile-line', 'Dockerfile'))]]));
  const legacy = join(p, 'moby-legacy');
  out.push(corpus('moby-legacy-positive', dirs(join(legacy, 'positive')).map((name) => [name, () => {
    const want = read(join(legacy, 'positive', name, 'result'));
    const got = legacyDump(read(join(legacy, 'positive', name, 'Dockerfile')));
    return got === want ? undefined : `dump differs:\n--- want\n${want}--- got\n${got}`;
  }])));
  out.push(corpus('moby-legacy-negative', negative(join(legacy, 'negative'))));
  out.push(corpus('moby-legacy-testfile-line', [['testfile-line', () => lineInformation(join(legacy, 'testfile-line', 'Dockerfile'))]]));

  // Heredocs: the bodies stored per instruction, and the helper tables.
  const hd = join(p, 'heredoc');
  if (existsSync(join(hd, 'extracts-heredoc.expected.json'))) {
    const spec = JSON.parse(read(join(hd, 'extracts-heredoc.expected.json'))) as { cases: { astChildIndex: number; heredocs: { Name: string; FileDescriptor: number; Expand: boolean; Chomp: boolean; Content: string }[] | null }[] };
    const ast = parse(read(join(hd, 'extracts-heredoc.Dockerfile'))).ast;
    out.push(corpus('heredoc-extract', spec.cases.map((c) => [`child ${c.astChildIndex}`, () => {
      const got = ast.children[c.astChildIndex]?.heredocs ?? [];
      const norm = got.map((h) => ({ Name: h.name, FileDescriptor: h.fileDescriptor, Expand: h.expand, Chomp: h.chomp, Content: h.content }));
      const want = c.heredocs ?? [];
      return JSON.stringify(norm) === JSON.stringify(want) ? undefined : `want ${JSON.stringify(want)} got ${JSON.stringify(norm)}`;
    }])));
    const helpers = JSON.parse(read(join(hd, 'heredoc-helpers.expected.json'))) as {
      ParseHeredoc_word: { valid_name_is_EOF: string[]; error: string[]; not_a_heredoc_nil_no_error: string[] };
      heredocsFromLine: { line: string; names: string[] | null }[];
      json_form_never_has_heredocs: { dockerfile: string };
      ChompHeredocContent: { input: string; output: string };
    };
    type Case = [string, () => string | undefined];
    const cases: Case[] = [
      ...helpers.ParseHeredoc_word.valid_name_is_EOF.map((w): Case => [`word ${w}`, () => (parseHeredoc(w)?.name === 'EOF' ? undefined : `got ${JSON.stringify(parseHeredoc(w))}`)]),
      ...helpers.ParseHeredoc_word.error.map((w): Case => [`word error ${w}`, () => {
        try {
          parseHeredoc(w);
        } catch {
          return undefined;
        }
        return 'no error';
      }]),
      ...helpers.ParseHeredoc_word.not_a_heredoc_nil_no_error.map((w): Case => [`not heredoc ${JSON.stringify(w)}`, () => (parseHeredoc(w) === undefined ? undefined : 'parsed as heredoc')]),
      // Upstream (TestHeredocsFromLine) checks each heredoc found against the name at its index.
      // We also require the count, except where BuildKit itself finds fewer: in `RUN <<- EOF` its
      // lexer reads `<<-` and `EOF` as two words, and `<<-` alone is no heredoc (the table's
      // ["EOF"] is never compared upstream, as heredocsFromLine returns none).
      ...helpers.heredocsFromLine.map((c): Case => [`line ${c.line}`, () => {
        const names = heredocsFromLine(c.line).map((h) => h.name);
        const want = c.line === 'RUN <<- EOF' ? [] : c.names ?? [];
        return JSON.stringify(names) === JSON.stringify(want) ? undefined : `got ${JSON.stringify(names)}`;
      }]),
      ['json form never has heredocs', () => {
        const ast = parse(helpers.json_form_never_has_heredocs.dockerfile).ast;
        return ast.children.slice(1, 4).every((c) => c.heredocs.length === 0) ? undefined : 'heredocs found';
      }],
      ['ChompHeredocContent', () => {
        const got = chompHeredocContent(helpers.ChompHeredocContent.input);
        return got === helpers.ChompHeredocContent.output ? undefined : `got ${JSON.stringify(got)}`;
      }],
    ];
    out.push(corpus('heredoc-helpers', cases));
  }

  // Word expansion.
  const sh = join(root, 'buildkit-shell');
  const lex = new ShellLex('\\');
  const envVar: [string, () => string | undefined][] = [];
  const baseEnv = new Map([['PWD', '/home'], ['SHELL', 'bash'], ['KOREAN', '한국어'], ['NULL', '']]);
  for (const raw of existsSync(join(sh, 'envVarTest')) ? read(join(sh, 'envVarTest')).split('\n') : []) {
    if (raw.startsWith('#') || !raw.trim()) continue;
    const parts = raw.trim().split('|').map((x) => x.trim());
    if (parts.length !== 3 || parts[0] === 'W') continue;
    const [, input, expected] = parts;
    envVar.push([input, () => {
      let got: string;
      try {
        got = lex.processWord(input, baseEnv);
      } catch {
        got = 'error';
      }
      return got === expected ? undefined : `got ${JSON.stringify(got)} want ${JSON.stringify(expected)}`;
    }]);
  }
  out.push(corpus('envVarTest', envVar));
  const wordsCases: [string, () => string | undefined][] = [];
  const env = new Map<string, string>();
  for (const raw of existsSync(join(sh, 'wordsTest')) ? read(join(sh, 'wordsTest')).split('\n') : []) {
    if (raw.startsWith('#') || !raw.trim()) continue;
    if (raw.startsWith('ENV ')) {
      const kv = raw.slice(4).replace(/^ +/, '');
      const eq = kv.indexOf('=');
      env.set(kv.slice(0, eq), kv.slice(eq + 1));
      continue;
    }
    const bar = raw.indexOf('|');
    const input = raw.slice(0, bar).trim();
    const expected = raw.slice(bar + 1).replace(/^ +/, '');
    const snapshot = new Map(env);
    wordsCases.push([input, () => {
      let got: string;
      try {
        got = lex.processWords(input, snapshot).join(',');
      } catch {
        got = 'error';
      }
      return got === expected ? undefined : `got ${JSON.stringify(got)} want ${JSON.stringify(expected)}`;
    }]);
  }
  out.push(corpus('wordsTest', wordsCases));
  if (existsSync(join(sh, 'processWithMatches.json'))) {
    const pm = JSON.parse(read(join(sh, 'processWithMatches.json'))) as { cases: { input: string; envs: Record<string, string>; expected: string; expectedErr: boolean; matches: string[]; unmatched: string[] }[] };
    out.push(corpus('processWithMatches', pm.cases.map((c, k) => [`${k} ${c.input}`, () => {
      let r;
      try {
        r = lex.processWordWithMatches(c.input, new Map(Object.entries(c.envs)));
      } catch {
        return c.expectedErr ? undefined : 'unexpected error';
      }
      if (c.expectedErr) return `no error (got ${JSON.stringify(r.result)})`;
      const same = (a: Set<string>, b: string[]) => a.size === new Set(b).size && b.every((x) => a.has(x));
      if (r.result !== c.expected) return `got ${JSON.stringify(r.result)} want ${JSON.stringify(c.expected)}`;
      if (!same(r.matched, c.matches)) return `matches ${JSON.stringify([...r.matched])} want ${JSON.stringify(c.matches)}`;
      if (!same(r.unmatched, c.unmatched)) return `unmatched ${JSON.stringify([...r.unmatched])} want ${JSON.stringify(c.unmatched)}`;
      return undefined;
    }])));
  }

  const off = join(root, 'official-dockerfiles');
  const files = existsSync(off) ? readdirSync(off).filter((f) => f.endsWith('Dockerfile')).sort() : [];
  // Must parse; we also require every instruction to be a known keyword, which catches a
  // continuation or heredoc body read wrongly (its lines would become unknown instructions).
  out.push(corpus('official-dockerfiles', files.map((f) => [f, () => {
    const unknown = parse(read(join(off, f))).ast.children.filter((c) => !INSTRUCTIONS.includes(c.value));
    return unknown.length === 0 ? undefined : `unknown instructions at lines ${unknown.map((c) => c.startLine).join(', ')}`;
  }])));
  return out;
}
