/**
 * Finding and loading a compose project, as compose-go's `cli.ProjectOptions` + `loader.Load` do:
 * the file (`-f`, COMPOSE_FILE, or `compose.yaml`/`compose.yml`/`docker-compose.yml`/
 * `docker-compose.yaml` searched from the working directory upwards), the project directory, the
 * environment (the shell's, over `.env`), the project name (`-p`, COMPOSE_PROJECT_NAME, `name:`,
 * the directory's name), then parse → interpolate → validate → normalise → check.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Fs } from '../../api/fs';
import { parseDotenv } from './dotenv';
import { interpolateModel } from './interpolate';
import { applyExtends, mergeModels } from './merge';
import { checkConsistency, normalizeProject, type Dict, type Project } from './normalize';
import { validateSchema } from './schema';

export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

export interface ProjectOptions {
  files: string[];
  projectName: string;
  projectDirectory: string;
  envFiles: string[];
  profiles: string[];
}

export interface LoadEnv {
  fs: Fs;
  env: Record<string, string>;
  /** A logrus warning (`WARN[0000] …`). */
  warn(msg: string): void;
}

/** loader.NormalizeProjectName: lower case, only [a-z0-9_-]. */
export function normalizeProjectName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function basename(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() || '/';
}

function readText(fs: Fs, path: string): string | undefined {
  try {
    if (fs.stat(path).kind !== 'file') return undefined;
    return fs.readText(path);
  } catch {
    return undefined;
  }
}

/** The compose files and the working directory, before anything is read. */
export function findConfigFiles(opts: ProjectOptions, le: LoadEnv): { files: string[]; workingDir: string } {
  const { fs } = le;
  let files = opts.files.map((f) => fs.resolve(f));
  if (!files.length && le.env.COMPOSE_FILE) files = le.env.COMPOSE_FILE.split(':').filter(Boolean).map((f) => fs.resolve(f));
  if (!files.length) {
    let dir = fs.resolve(opts.projectDirectory || '.');
    for (;;) {
      const found = DEFAULT_FILES.map((n) => `${dir === '/' ? '' : dir}/${n}`).filter((p) => readText(fs, p) !== undefined);
      if (found.length) {
        if (found.length > 1) {
          le.warn(`Found multiple config files with supported names: ${found.join(', ')}`);
          le.warn(`Using ${found[0]}`);
        }
        files = [found[0]!];
        const override = OVERRIDE_FILES.map((n) => `${dir === '/' ? '' : dir}/${n}`).find((p) => readText(fs, p) !== undefined);
        if (override) files.push(override);
        break;
      }
      if (dir === '/') break;
      dir = dirname(dir);
    }
  }
  const workingDir = opts.projectDirectory ? fs.resolve(opts.projectDirectory) : files.length ? dirname(files[0]!) : fs.resolve('.');
  return { files, workingDir };
}

/** The project's environment: `.env` (or `--env-file`) under the shell's variables. */
export function projectEnvironment(opts: ProjectOptions, le: LoadEnv, workingDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  const files = opts.envFiles.length ? opts.envFiles.map((f) => le.fs.resolve(f)) : [`${workingDir}/.env`];
  for (const f of files) {
    const text = readText(le.fs, f);
    if (text === undefined) {
      if (opts.envFiles.length) throw new Error(`couldn't find env file: ${f}`);
      continue;
    }
    Object.assign(env, parseDotenv(text, (n) => le.env[n] ?? env[n], f));
  }
  return { ...env, ...le.env };
}

function parseFile(file: string, text: string): Dict | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(text, { merge: true, uniqueKeys: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0]?.line ?? 1;
      throw new Error(`failed to parse ${file}: yaml: line ${line}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw e;
  }
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('top-level object must be a mapping');
  return raw as Dict;
}

export function loadProject(opts: ProjectOptions, le: LoadEnv): Project {
  const { files, workingDir } = findConfigFiles(opts, le);
  if (!files.length) throw new Error('no configuration file provided: not found');
  const environment = projectEnvironment(opts, le, workingDir);
  const lookup = (n: string) => environment[n];
  let dict: Dict = {};
  for (const file of files) {
    const text = readText(le.fs, file);
    if (text === undefined) throw new Error(`open ${file}: no such file or directory`);
    const raw = parseFile(file, text);
    if (raw === undefined) continue;
    const read = (f: string): Dict => {
      const path = le.fs.resolve(f.startsWith('/') ? f : `${dirname(file)}/${f}`);
      const t = readText(le.fs, path);
      if (t === undefined) throw new Error(`cannot read ${path}`);
      return interpolateModel(parseFile(path, t) ?? {}, lookup, le.warn) as Dict;
    };
    const cfg = applyExtends(interpolateModel(raw, lookup, le.warn) as Dict, read, file);
    const merged = mergeModels(dict, cfg) as Dict;
    const problem = validateSchema(merged);
    if (problem) throw new Error(`validating ${file}: ${problem}`);
    if ('version' in merged) {
      le.warn(`${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
      delete merged.version;
    }
    dict = merged;
  }
  if (!Object.keys(dict).length) throw new Error('empty compose file');
  const name = projectNameFor(opts, environment, dict, workingDir);
  const profiles = opts.profiles.length ? opts.profiles : (environment.COMPOSE_PROFILES ?? '').split(',').filter(Boolean);
  const project = normalizeProject(dict, {
    projectName: name, workingDir, configFiles: files, lookup, home: le.env.HOME ?? '/root', profiles,
    readFile: (p) => readText(le.fs, p),
    resolve: (p) => le.fs.resolve(p),
  });
  checkConsistency(project);
  return project;
}

function invalidName(v: string): Error {
  return new Error(`invalid project name "${v}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`);
}

/** withNamePrecedenceLoad: `-p`, COMPOSE_PROJECT_NAME, the file's `name:`, the directory. */
export function projectNameFor(opts: ProjectOptions, environment: Record<string, string>, dict: Dict, workingDir: string): string {
  const imperative = opts.projectName || environment.COMPOSE_PROJECT_NAME;
  if (imperative) {
    if (normalizeProjectName(imperative) !== imperative) throw invalidName(imperative);
    return imperative;
  }
  if (typeof dict.name === 'string' && dict.name) {
    const n = normalizeProjectName(dict.name);
    if (n !== dict.name) throw invalidName(dict.name);
    return n;
  }
  const n = normalizeProjectName(basename(workingDir));
  if (!n) throw new Error('project name must not be empty');
  return n;
}
