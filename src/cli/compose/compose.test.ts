import { describe, expect, it } from 'vitest';
import { interpolateModel, substitute } from './interpolate';
import { parseDotenv } from './dotenv';
import { validateSchema } from './schema';
import { formatDuration, parseDuration, parsePort, parseVolume, shellSplit } from './syntax';
import { normalizeProjectName } from './loader';
import { Progress } from './progress';

const env: Record<string, string> = { TAG: '1.27', EMPTY: '' };
const lookup = (n: string) => env[n];

describe('interpolation (compose-go template)', () => {
  it('substitutes the forms compose-go knows', () => {
    const warnings: string[] = [];
    const w = (m: string) => warnings.push(m);
    expect(substitute('nginx:${TAG}', lookup, w)).toBe('nginx:1.27');
    expect(substitute('$TAG-x', lookup, w)).toBe('1.27-x');
    expect(substitute('${EMPTY:-d}/${EMPTY-d}/${UNSET-d}', lookup, w)).toBe('d//d');
    expect(substitute('${TAG:+set}${EMPTY:+no}${EMPTY+yes}', lookup, w)).toBe('setyes');
    expect(substitute('${UNSET:-${TAG}}', lookup, w)).toBe('1.27');
    expect(substitute('$$HOME costs $5', lookup, w)).toBe('$HOME costs $5');
    expect(warnings).toEqual([]);
    expect(substitute('${NOPE}', lookup, w)).toBe('');
    expect(warnings).toEqual(['The "NOPE" variable is not set. Defaulting to a blank string.']);
  });

  it('names the path of a failure', () => {
    const model = { services: { web: { image: '${TAG:?need a tag}x', ports: ['${'] } } };
    expect(() => interpolateModel(model, () => undefined, () => {})).toThrow('error while interpolating services.web.image: required variable TAG is missing a value: need a tag');
    expect(() => interpolateModel({ services: { web: { ports: ['${'] } } }, lookup, () => {})).toThrow('invalid interpolation format for services.web.ports.[].\nYou may need to escape any $ with another $.\n${');
  });

  it('reads .env files', () => {
    const text = "# comment\nexport A=1\nB='two words' \nC=\"x\\ny\"\nD=${A}2 # trailing\nE\n";
    expect(parseDotenv(text, (n) => (n === 'E' ? 'from-shell' : undefined), '.env')).toEqual({ A: '1', B: 'two words', C: 'x\ny', D: '12', E: 'from-shell' });
  });
});

describe('schema (compose-go schema.Validate)', () => {
  it('accepts a valid file and extension keys', () => {
    expect(validateSchema({ services: { web: { image: 'nginx', ports: ['80:80'], 'x-note': 1 } }, 'x-common': {} })).toBeUndefined();
  });

  it('reports the most specific failure in the jsonschema library words', () => {
    expect(validateSchema({ services: { web: { imag: 'nginx' } } })).toBe("services.web additional properties 'imag' not allowed");
    expect(validateSchema({ services: { web: { image: 'nginx', ports: 8080 } } })).toBe('services.web.ports must be a array');
    expect(validateSchema({ services: [] })).toBe('services must be a mapping');
    expect(validateSchema({ services: { web: { image: 'x', depends_on: { db: { condition: 'ready' } } } } })).toBe("services.web.depends_on.db.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'");
    expect(validateSchema({ services: { web: { image: 'x', depends_on: { db: {} } } } })).toBe("services.web.depends_on.db missing property 'condition'");
  });
});

describe('short syntax', () => {
  it('ports', () => {
    expect(parsePort('8080:80')).toEqual([{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' }]);
    expect(parsePort('127.0.0.1:53:53/udp')).toEqual([{ mode: 'ingress', host_ip: '127.0.0.1', target: 53, published: '53', protocol: 'udp' }]);
    expect(parsePort('3000-3001')).toHaveLength(2);
  });

  it('volumes', () => {
    expect(parseVolume('data:/data:ro')).toEqual({ type: 'volume', source: 'data', target: '/data', read_only: true, volume: {} });
    expect(parseVolume('./src:/app')).toEqual({ type: 'bind', source: './src', target: '/app', bind: { create_host_path: true } });
    expect(parseVolume('/cache')).toEqual({ type: 'volume', target: '/cache', volume: {} });
    expect(() => parseVolume('a::b')).toThrow('empty section between colons');
  });

  it('commands and durations', () => {
    expect(shellSplit(`nginx -g "daemon off;" 'a b' c\\ d`)).toEqual(['nginx', '-g', 'daemon off;', 'a b', 'c d']);
    expect(formatDuration(parseDuration('90s')!)).toBe('1m30s');
    expect(formatDuration(parseDuration('1h0m5s')!)).toBe('1h0m5s');
    expect(formatDuration(parseDuration('500ms')!)).toBe('500ms');
    expect(parseDuration('5 s')).toBeUndefined();
  });

  it('project names', () => {
    expect(normalizeProjectName('My App.v2')).toBe('myappv2');
  });
});

describe('progress block (pkg/progress/tty.go)', () => {
  it('pads IDs to the longest and puts the timer at the right edge', async () => {
    let out = '';
    let t = 0;
    const p = new Progress('tty', 'Running', async (s) => void (out += s), () => t, 80);
    await p.resource('Network app_default', 'working', 'Creating');
    await p.resource('Network app_default', 'done', 'Created');
    await p.resource('Container app-web-1', 'working', 'Starting');
    t = 300;
    await p.resource('Container app-web-1', 'done', 'Started');
    await p.done();
    expect(out).toBe(
      '[+] Running 2/2\n' +
      ' ✔ Network app_default  Created' + ' '.repeat(80 - 31 - 5) + '0.0s \n' +
      ' ✔ Container app-web-1  Started' + ' '.repeat(80 - 31 - 5) + '0.3s \n',
    );
  });

  it('plain mode prints each event as it comes', async () => {
    let out = '';
    const p = new Progress('plain', 'Running', async (s) => void (out += s), () => 0);
    await p.resource('Container app-web-1', 'working', 'Starting');
    await p.done();
    expect(out).toBe(' Container app-web-1  Starting\n');
  });
});

describe('merging files and extends (override/merge.go, loader/extends.go)', () => {
  it('merges mappings, environment in either syntax, appends sequences, replaces commands', async () => {
    const { mergeModels, applyExtends } = await import('./merge');
    const base = { services: { web: { image: 'nginx', environment: ['A=1'], ports: ['80:80'], command: ['a', 'b'] } } };
    const over = { services: { web: { environment: { B: '2' }, ports: ['443:443'], command: 'c' } } };
    expect(mergeModels(base, over)).toEqual({ services: { web: { image: 'nginx', environment: { A: '1', B: '2' }, ports: ['80:80', '443:443'], command: 'c' } } });
    const model = { services: { base: { image: 'redis', labels: { tier: 'db' } }, cache: { extends: 'base', labels: ['role=cache'] } } };
    expect(applyExtends(model, () => ({}), 'compose.yaml').services).toEqual({
      base: { image: 'redis', labels: { tier: 'db' } },
      cache: { image: 'redis', labels: { tier: 'db', role: 'cache' } },
    });
    expect(() => applyExtends({ services: { a: { extends: 'b' }, b: { extends: 'a' } } }, () => ({}), 'c.yaml')).toThrow('Circular reference:\n  a in c.yaml\n  extends b in c.yaml\n  extends a in c.yaml');
  });
});
