/**
 * awk's tokens. A `/` starts a regular expression only where an operand may start (after an
 * operator, a `(` or the start), as in the POSIX grammar; newlines are tokens because they end
 * statements.
 */
import { AwkSyntax, BUILTINS } from './ast';

export interface Tok {
  t: string;
  v: string;
}

export function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    if (!p) return true;
    if (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 'builtin' || p.t === 're') return false;
    return !(p.t === ')' || p.t === ']' || p.t === '$' || p.t === '++' || p.t === '--');
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      out.push({ t: c === '\n' ? 'nl' : ';', v: c });
      i++;
      continue;
    }
    if (/[0-9.]/.test(c) && /[0-9]/.test(c + (src[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|\d*\.?\d+(?:[eE][-+]?\d+)?|\d+\.)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : n === '"' ? '"' : n === '/' ? '/' : '\\' + n;
          i++;
        } else s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntax('runaway string constant "' + s.slice(0, 10) + ' ...');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && prevAllowsRegex()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
        } else if (src[i] === '\n') throw new AwkSyntax('runaway regular expression /' + s.slice(0, 10) + ' ...');
        else s += src[i++];
      }
      i++;
      out.push({ t: 're', v: s });
      continue;
    }
    const w = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (w) {
      const word = w[0];
      out.push({ t: BUILTINS.has(word) ? 'builtin' : ['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'in', 'next', 'exit', 'print', 'printf', 'delete', 'break', 'continue', 'getline', 'function'].includes(word) ? word : 'name', v: word });
      i += word.length;
      continue;
    }
    const ops = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '>>', '!~', '**'];
    const op = ops.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: op === '**' ? '^' : op, v: op });
      i += op.length;
      continue;
    }
    if ('{}()[],;+-*/%^!<>=?:~$|'.includes(c)) {
      out.push({ t: c, v: c });
      i++;
      continue;
    }
    throw new AwkSyntax(`syntax error at or near ${c}`);
  }
  out.push({ t: 'eof', v: '' });
  return out;
}
