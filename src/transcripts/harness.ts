/**
 * Transcript files: what a learner types and what the screen must show, written from the notes and
 * the conformance goldens (never from what the code happens to print).
 *
 * Format (one file per scenario, `*.txt` in this folder):
 *   # comment lines (sources) — ignored
 *   $ docker images              a line typed at the host prompt (the prompt itself is not compared)
 *   root@{{hex12}}:/# «ls»       a line typed at another prompt: the typed part inside « »
 *   @wait 3s / @keys <C-p><C-q>  runner directives (typed to the runner, not shown)
 *   > «@@app.route('/')»         `@@` types a literal line starting with `@` (shown with one `@`)
 *   anything else                a line the screen must show
 * Placeholders in expected lines: {{hex12}} {{hex64}} {{n}} (digits) {{name}} (generated container
 * name) {{*}} (anything on that line). Everything else must match exactly, spaces included.
 */
const HOST_PROMPT = /^[a-z_][a-z0-9_-]*@[A-Za-z0-9.-]+:[^\n]*?[$#] /;

export interface Transcript {
  /** Lines to type, in order (directives included). */
  input: string[];
  /** Expected screen lines (typed lines included as shown). */
  expected: ExpectedLine[];
}

export type ExpectedLine = { kind: 'host'; typed: string } | { kind: 'line'; pattern: RegExp; text: string };

const PLACEHOLDERS: Record<string, string> = {
  hex12: '[0-9a-f]{12}',
  hex64: '[0-9a-f]{64}',
  n: '\\d+',
  name: '[a-z]+_[a-z]+\\d?',
  '*': '.*?',
};

function patternOf(text: string): RegExp {
  let src = '';
  let last = 0;
  for (const m of text.matchAll(/\{\{([^}]+)\}\}/g)) {
    src += escape(text.slice(last, m.index));
    src += PLACEHOLDERS[m[1]] ?? escape(m[0]);
    last = m.index! + m[0].length;
  }
  src += escape(text.slice(last));
  return new RegExp('^' + src + '$');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseTranscript(source: string): Transcript {
  const input: string[] = [];
  const expected: ExpectedLine[] = [];
  for (let line of source.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')) {
    if (line.startsWith('#')) continue;
    // `\#1 [internal] …`, `\@app.route`: an expected line that starts with `#`, `@` or `$`.
    if (/^\\[#@$]/.test(line)) {
      line = line.slice(1);
      expected.push({ kind: 'line', pattern: patternOf(line), text: line });
      continue;
    }
    if (line.startsWith('@')) {
      input.push(line);
      continue;
    }
    if (line.startsWith('$ ')) {
      input.push(line.slice(2));
      expected.push({ kind: 'host', typed: shownTyped(line.slice(2)) });
      continue;
    }
    const typed = /«(.*)»$/.exec(line);
    if (typed) {
      input.push(typed[1]);
      const seen = shownTyped(typed[1]);
      const shown = line.slice(0, typed.index) + seen;
      expected.push({ kind: 'line', pattern: patternOfTyped(line.slice(0, typed.index), seen), text: shown });
      continue;
    }
    expected.push({ kind: 'line', pattern: patternOf(line), text: line });
  }
  return { input, expected };
}

/** What the terminal echoes for a typed line: the runner types `@@x` as `@x`. */
function shownTyped(typed: string): string {
  return typed.startsWith('@@') ? typed.slice(1) : typed;
}

function patternOfTyped(prompt: string, typed: string): RegExp {
  const p = patternOf(prompt).source.slice(1, -1);
  return new RegExp('^' + p + escape(typed) + '$');
}

/** Compare the runner's output with a transcript; returns a readable diff, or undefined when it matches. */
export function compareTranscript(t: Transcript, output: string): string | undefined {
  const lines = output.split('\n');
  // The screen ends at the next prompt, which nothing typed follows.
  if (lines.length && HOST_PROMPT.test(lines[lines.length - 1] + ' ') && lines[lines.length - 1].replace(HOST_PROMPT, '') === '') {
    lines.pop();
  } else if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const problems: string[] = [];
  const n = Math.max(lines.length, t.expected.length);
  for (let i = 0; i < n; i++) {
    const got = lines[i];
    const want = t.expected[i];
    if (got === undefined) {
      problems.push(`line ${i + 1}: missing, expected ${show(want)}`);
      break;
    }
    if (want === undefined) {
      problems.push(`line ${i + 1}: unexpected ${JSON.stringify(got)}`);
      break;
    }
    const ok =
      want.kind === 'host'
        ? HOST_PROMPT.test(got) && got.replace(HOST_PROMPT, '') === want.typed
        : want.pattern.test(got);
    if (!ok) {
      problems.push(`line ${i + 1}:\n  expected ${show(want)}\n  got      ${JSON.stringify(got)}`);
      break;
    }
  }
  if (!problems.length) return undefined;
  return problems.join('\n') + '\n--- full output ---\n' + output;
}

function show(e: ExpectedLine | undefined): string {
  if (!e) return '(nothing)';
  return e.kind === 'host' ? JSON.stringify('$ ' + e.typed) : JSON.stringify(e.text);
}
