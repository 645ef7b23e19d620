/**
 * lesson.yaml, validated whole: a lesson may come from a teacher's file or a link, so every field
 * is checked for its type and size, unknown keys are refused, and the first problem is reported in
 * one sentence with its place (`steps[2].goal[0].container.state: …`). Nothing is executed.
 */
import type { Condition, ExplainItem, Setup, StepData, WrongAttempt } from './types';

export class LessonFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonFormatError';
  }
}

const MAX_STRING = 20_000;
const MAX_LIST = 200;

type Raw = unknown;
const fail = (where: string, what: string): never => {
  throw new LessonFormatError(`${where}: ${what}`);
};

function obj(x: Raw, where: string, keys: string[]): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(where, 'expected a mapping');
  const o = x as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!keys.includes(k)) fail(where, `unknown key '${k}' (allowed: ${keys.join(', ')})`);
  return o;
}
function str(x: Raw, where: string): string {
  if (typeof x === 'number') return String(x);
  if (typeof x !== 'string') fail(where, 'expected text');
  if ((x as string).length > MAX_STRING) fail(where, 'text too long');
  return x as string;
}
function num(x: Raw, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(where, 'expected a number');
  return x as number;
}
function bool(x: Raw, where: string): boolean {
  if (typeof x !== 'boolean') fail(where, 'expected true or false');
  return x as boolean;
}
function list<T>(x: Raw, where: string, each: (v: Raw, w: string) => T): T[] {
  if (!Array.isArray(x)) fail(where, 'expected a list');
  const a = x as Raw[];
  if (a.length > MAX_LIST) fail(where, `more than ${MAX_LIST} entries`);
  return a.map((v, i) => each(v, `${where}[${i}]`));
}
/** Copy the optional fields of a mapping, each checked by its own rule. */
function fields(o: Record<string, unknown>, where: string, rules: Record<string, (v: Raw, w: string) => unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, rule] of Object.entries(rules)) if (o[k] !== undefined) out[k] = rule(o[k], `${where}.${k}`);
  return out;
}
function valueMatch(x: Raw, where: string): unknown {
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return list(x, where, str);
  const o = obj(x, where, ['contains']);
  return { contains: str(o.contains, `${where}.contains`) };
}

const RULES: Record<string, Record<string, (v: Raw, w: string) => unknown>> = {
  image: {
    ref: str, absent: bool, file: str, noFile: str, layers: num, minLayers: num, author: str, comment: str, history: str, sharesLayersWith: str,
    config: (v, w) => Object.fromEntries(Object.entries(obj(v, w, Object.keys(v as object ?? {}))).map(([k, x]) => [k, valueMatch(x, `${w}.${k}`)])),
  },
  container: {
    name: str, image: str, state: (v, w) => {
      const s = str(v, w);
      if (!['created', 'running', 'paused', 'restarting', 'exited', 'dead'].includes(s)) fail(w, `unknown state '${s}'`);
      return s;
    },
    exitCode: num, oomKilled: bool, tty: bool, interactive: bool, port: (v, w) => (typeof v === 'number' ? v : str(v, w)), hostPort: num,
    mount: (v, w) => {
      const o = obj(v, w, ['target', 'type', 'name', 'rw', 'source']);
      return { target: str(o.target, `${w}.target`), ...fields(o, w, { type: str, name: str, rw: bool, source: str }) };
    },
    changed: str,
    file: (v, w) => {
      const o = obj(v, w, ['path', 'contains']);
      return { path: str(o.path, `${w}.path`), ...fields(o, w, { contains: str }) };
    },
    network: str, link: str, memory: num, nanoCpus: num, pidMode: str, volumesFrom: str, hostname: str, restartPolicy: str, minRestarts: num,
    command: (v, w) => ({ contains: str(obj(v, w, ['contains']).contains, `${w}.contains`) }),
    count: num, absent: bool,
  },
  volume: { name: str, absent: bool, file: str, contains: str, usedBy: str },
  network: { name: str, absent: bool, driver: str, container: str },
  hostFile: { path: str, absent: bool, contains: str },
  process: { container: str, command: str, nsPid: num },
  engine: { mirror: str, running: bool },
};
const REQUIRED: Record<string, string[]> = {
  image: ['ref'], volume: ['name'], network: ['name'], hostFile: ['path'], process: ['container', 'command'],
};

export function condition(x: Raw, where: string): Condition {
  const o = obj(x, where, [...Object.keys(RULES), 'typed', 'status', 'lastExit']);
  if ('typed' in o) {
    obj(x, where, ['typed', 'status']);
    return { typed: str(o.typed, `${where}.typed`), ...(o.status !== undefined ? { status: num(o.status, `${where}.status`) } : {}) };
  }
  if ('lastExit' in o) {
    obj(x, where, ['lastExit']);
    return { lastExit: num(o.lastExit, `${where}.lastExit`) };
  }
  const kinds = Object.keys(o);
  if (kinds.length !== 1) fail(where, 'a condition names exactly one kind (image, container, volume, network, hostFile, process, typed, lastExit, engine)');
  const kind = kinds[0]!;
  const w = `${where}.${kind}`;
  const body = obj(o[kind], w, Object.keys(RULES[kind]!));
  for (const r of REQUIRED[kind] ?? []) if (body[r] === undefined) fail(w, `'${r}' is required`);
  return { [kind]: fields(body, w, RULES[kind]!) } as unknown as Condition;
}

function explain(x: Raw, where: string): ExplainItem {
  const o = obj(x, where, ['image', 'container', 'volume', 'network', 'diff']);
  const kinds = Object.keys(o);
  if (kinds.length !== 1) fail(where, 'names exactly one thing to explain');
  return { [kinds[0]!]: str(o[kinds[0]!], `${where}.${kinds[0]}`) } as unknown as ExplainItem;
}

function lines(x: Raw, where: string): string[] {
  if (typeof x === 'string') return x.replace(/\n$/, '').split('\n');
  return list(x, where, str);
}

export interface LessonYaml {
  id: string;
  sections: string[];
  setup: Setup;
  steps: StepData[];
  wrong: WrongAttempt[];
}

export function validateLessonYaml(x: Raw): LessonYaml {
  const o = obj(x, 'lesson', ['id', 'sections', 'setup', 'steps', 'wrong']);
  const id = str(o.id, 'id');
  if (!/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(id)) fail('id', `'${id}' is not <chapter>/<lesson> in lowercase words (no numbers in front)`);
  const setup: Setup = {};
  if (o.setup !== undefined) {
    const s = obj(o.setup, 'setup', ['files', 'images', 'commands']);
    if (s.files !== undefined) {
      const f = obj(s.files, 'setup.files', Object.keys((s.files as object) ?? {}));
      setup.files = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, str(v, `setup.files.${k}`)]));
    }
    if (s.images !== undefined) setup.images = list(s.images, 'setup.images', str);
    if (s.commands !== undefined) setup.commands = list(s.commands, 'setup.commands', str);
  }
  const steps = list(o.steps, 'steps', (v, w) => {
    const st = obj(v, w, ['goal', 'solution', 'explain']);
    const goal = list(st.goal, `${w}.goal`, condition);
    if (!goal.length) fail(`${w}.goal`, 'a step needs at least one condition');
    const step: StepData = { goal, solution: lines(st.solution, `${w}.solution`) };
    if (st.explain !== undefined) step.explain = list(st.explain, `${w}.explain`, explain);
    return step;
  });
  if (!steps.length) fail('steps', 'a lesson needs at least one step');
  const wrong = o.wrong === undefined ? [] : list(o.wrong, 'wrong', (v, w) => {
    const a = obj(v, w, ['step', 'note', 'lines']);
    const step = num(a.step, `${w}.step`);
    if (step < 1 || step > steps.length || !Number.isInteger(step)) fail(`${w}.step`, `no step ${step}`);
    return { step, note: a.note === undefined ? '' : str(a.note, `${w}.note`), lines: lines(a.lines, `${w}.lines`) };
  });
  return { id, sections: o.sections === undefined ? [] : list(o.sections, 'sections', str), setup, steps, wrong };
}
