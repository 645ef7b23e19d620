/**
 * `.env` and `env_file` files as compose-go's dotenv parser reads them: `KEY=value` lines,
 * optional `export `, `#` comments, blank lines, 'single quotes' taken literally, "double quotes"
 * with `\n` escapes and `${VAR}` substitution, unquoted values trimmed and cut at ` #`. A bare
 * `KEY` takes its value from the environment (and is dropped when that has none).
 */
import { substitute, type Lookup } from './interpolate';

export function parseDotenv(text: string, lookup: Lookup, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const chain: Lookup = (n) => (n in out ? out[n] : lookup(n));
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice(7).trim();
    const eq = line.search(/[=:]/);
    if (eq < 0) {
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(line)) throw new Error(`failed to read ${file}: line ${i + 1}: unexpected character "${line[line.search(/[^A-Za-z0-9_.-]/)] ?? line[0]}" in variable name "${line}"`);
      const v = lookup(line);
      if (v !== undefined) out[line] = v;
      continue;
    }
    const key = line.slice(0, eq).trim();
    let raw = line.slice(eq + 1).trimStart();
    let value: string;
    if (raw.startsWith("'")) {
      let body = raw.slice(1);
      // a single-quoted value may run over several lines
      while (!body.includes("'") && i + 1 < lines.length) body += '\n' + lines[++i];
      value = body.slice(0, body.indexOf("'"));
    } else if (raw.startsWith('"')) {
      let body = raw.slice(1);
      while (!/(^|[^\\])"/.test(body) && i + 1 < lines.length) body += '\n' + lines[++i];
      const end = body.search(/(^|[^\\])"/);
      const inner = body.slice(0, end < 0 ? body.length : body[end] === '"' ? end : end + 1);
      value = substitute(inner.replace(/\\n/g, '\n').replace(/\\"/g, '"'), chain, () => {});
    } else {
      const hash = raw.search(/\s#/);
      if (hash >= 0) raw = raw.slice(0, hash);
      value = substitute(raw.trim(), chain, () => {});
    }
    out[key] = value;
  }
  return out;
}
