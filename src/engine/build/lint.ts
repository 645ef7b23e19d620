/**
 * BuildKit's build checks (frontend/dockerfile/linter): while it converts a Dockerfile, BuildKit
 * reports questionable forms as warnings, which the client lists after the build
 * (`2 warnings found (use docker --debug to expand):`). Each is `Rule: message (line N)`
 * (linter.LintFormatShort), with the rule names and messages of linter/ruleset.go.
 *
 * Simulated: the rules a learner meets in the notes' Dockerfiles. Left out: rules that need
 * variable resolution (UndefinedVar, UndefinedArgInFrom), SecretsUsedInArgOrEnv,
 * WorkdirRelativePath, ConsistentInstructionCasing, InvalidDefaultArgInFrom, the platform rules,
 * and `# check=` directives that turn checks off.
 */
import type { Node, ParseWarning } from './dockerfile/ast';

export interface LintWarning {
  rule: string;
  message: string;
  line: number;
}

/** `Rule: message (line N)`, as the client prints it. */
export function lintShort(w: LintWarning): string {
  return `${w.rule}: ${w.message}${w.line > 0 ? ` (line ${w.line})` : ''}`;
}

const ONCE = ['cmd', 'entrypoint', 'healthcheck'];

export function lintDockerfile(ast: Node, parseWarnings: ParseWarning[] = []): LintWarning[] {
  const out: LintWarning[] = [];
  for (const w of parseWarnings) out.push({ rule: 'NoEmptyContinuation', message: 'Empty continuation line', line: w.line });
  let last: Record<string, Node> = {};
  let shellSet = false;
  for (const n of ast.children) {
    const kw = n.value.toUpperCase();
    const written = n.original.trimStart().split(/\s+/)[0] ?? kw;
    switch (n.value) {
      case 'from': {
        last = {};
        shellSet = false;
        const ws = args(n);
        if (ws.length === 3) {
          if (ws[2] !== ws[2].toLowerCase()) out.push({ rule: 'StageNameCasing', message: `Stage name '${ws[2]}' should be lowercase`, line: n.startLine });
          const fromUpper = written === written.toUpperCase();
          const asUpper = ws[1] === ws[1].toUpperCase();
          if (fromUpper !== asUpper) out.push({ rule: 'FromAsCasing', message: `'${ws[1]}' and '${written}' keywords' casing do not match`, line: n.startLine });
        }
        break;
      }
      case 'maintainer':
        out.push({ rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label', line: n.startLine });
        break;
      case 'env':
      case 'label':
        // The parser gives each pair as key, value, delimiter: `""` is the legacy `ENV key value` form.
        if (legacyPair(n)) {
          out.push({ rule: 'LegacyKeyValueFormat', message: `"${kw} key=value" should be used instead of legacy "${kw} key value" format`, line: n.startLine });
        }
        break;
      case 'shell':
        shellSet = true;
        break;
    }
    if (ONCE.includes(n.value)) {
      const prev = last[n.value];
      // Reported at the earlier one: that is the instruction that will be ignored.
      if (prev) out.push({ rule: 'MultipleInstructionsDisallowed', message: `Multiple ${kw} instructions should not be used in the same stage because only the last one will be used`, line: prev.startLine });
      last[n.value] = n;
      if (n.value !== 'healthcheck' && !n.attributes.json && !shellSet) {
        out.push({ rule: 'JSONArgsRecommended', message: `JSON arguments recommended for ${kw} to prevent unintended behavior related to OS signals`, line: n.startLine });
      }
    }
  }
  return out;
}

function args(n: Node): string[] {
  const ws: string[] = [];
  for (let w = n.next; w; w = w.next) ws.push(w.value);
  return ws;
}

/** Does any key/value triple (key, value, delimiter) have no `=` (parseNameVal's NoDelim)? */
function legacyPair(n: Node): boolean {
  const ws = args(n);
  for (let i = 2; i < ws.length; i += 3) if (ws[i] === '') return true;
  return false;
}
