/**
 * Heredoc words on RUN/COPY/ADD lines (BuildKit parser.go: ParseHeredoc, heredocsFromLine,
 * ChompHeredocContent): `<<EOF`, `<<-EOF` (leading tabs chomped), `<<"EOF"` / `<<'EOF'` / `<<E"OF"`
 * (any quoted part turns expansion off), `<< EOF`, `3<<EOF` (file descriptor). The bodies are
 * read by parse(); this file only recognises the words.
 */
import type { Heredoc } from './ast';
import { ShellLex } from './shell-lex';

// Go's `\s` is [\t\n\f\r ].
const HEREDOC_RE = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

const noEnv = new Map<string, string>();
const quoteCount = (s: string) => s.split(/['"]/).length - 1;

/**
 * The heredoc a word such as `<<-"EOF"` starts, without content; undefined when the word is not
 * a heredoc (`<<`, `<<<EOF`, `<<EOF sh`); an error for unbalanced quotes.
 */
export function parseHeredoc(src: string): Heredoc | undefined {
  const m = HEREDOC_RE.exec(src);
  if (!m || m[3] === '') return undefined;
  const lex = new ShellLex('\\');
  lex.skipUnsetEnv = true;
  // Lex the word with and without quote removal: if the counts of quotes differ, part of the
  // word was quoted and the body is not expanded.
  const words = lex.processWords(m[3], noEnv);
  if (words.length !== 1) return undefined;
  lex.rawQuotes = true;
  const raw = lex.processWords(m[3], noEnv);
  if (raw.length !== words.length) throw new Error(`internal lexing of heredoc produced inconsistent results: ${m[3]}`);
  return {
    name: words[0],
    fileDescriptor: m[1] ? Number(m[1]) : 0,
    expand: quoteCount(words[0]) === quoteCount(raw[0]),
    chomp: m[2] === '-',
    content: '',
  };
}

/** Every heredoc word of an instruction line, in order. */
export function heredocsFromLine(line: string): Heredoc[] {
  const lex = new ShellLex('\\');
  lex.rawQuotes = true;
  lex.rawEscapes = true;
  lex.skipUnsetEnv = true;
  let words: string[];
  try {
    words = lex.processWords(line, noEnv);
  } catch {
    words = []; // BuildKit ignores this error: a line that does not lex has no heredocs
  }
  const docs: Heredoc[] = [];
  for (const w of words) {
    const h = parseHeredoc(w);
    if (h) docs.push(h);
  }
  return docs;
}

/** `<<-`: leading tabs are removed from every line of the body (when it is used). */
export function chompHeredocContent(src: string): string {
  return src.replace(/^\t+/gm, '');
}
