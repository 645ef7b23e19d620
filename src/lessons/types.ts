/**
 * The lesson format, as data (lessons/<NN-chapter>/<NN-lesson>/lesson.yaml + zh.md + en.md).
 * Nothing here is code a lesson can run: goals are typed conditions on the machine's state, read
 * through MachineQuery (src/api/machine-query.ts).
 */

export type Lang = 'zh' | 'en';

/** Matches a value in an image or container config: equal, or (for strings and lists) containing. */
export type ValueMatch = string | number | boolean | string[] | { contains: string };

export interface ImageCondition {
  image: {
    ref: string;
    absent?: boolean;
    /** A path that must exist in the image's filesystem. */
    file?: string;
    /** A path that must NOT be in the image's filesystem (kept out by .dockerignore, a later stage…). */
    noFile?: string;
    layers?: number;
    minLayers?: number;
    /** Config keys (Cmd, Entrypoint, Env, User, WorkingDir, ExposedPorts, Labels …). */
    config?: Record<string, ValueMatch>;
    author?: string;
    comment?: string;
    /** Some history entry's created_by contains this text. */
    history?: string;
    /** This image and that one share their first N layers (one stack underneath). */
    sharesLayersWith?: string;
  };
}

export interface ContainerCondition {
  container: {
    name?: string;
    /** The image as given to `docker run`, or any reference to the same image ID. */
    image?: string;
    state?: 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead';
    exitCode?: number;
    oomKilled?: boolean;
    tty?: boolean;
    interactive?: boolean;
    /** A container port published on the host (`80` or `80/tcp`), optionally on a host port. */
    port?: string | number;
    hostPort?: number;
    mount?: { target: string; type?: 'volume' | 'bind' | 'tmpfs'; name?: string; rw?: boolean; source?: string };
    /** A path its writable layer added or changed (`docker diff`). */
    changed?: string;
    file?: { path: string; contains?: string };
    network?: string;
    link?: string;
    memory?: number;
    nanoCpus?: number;
    pidMode?: string;
    volumesFrom?: string;
    hostname?: string;
    restartPolicy?: string;
    minRestarts?: number;
    command?: { contains: string };
    /** How many containers must match (default: at least one). `absent: true` means none. */
    count?: number;
    absent?: boolean;
  };
}

export interface VolumeCondition {
  volume: { name: string; absent?: boolean; file?: string; contains?: string; usedBy?: string };
}

export interface NetworkCondition {
  network: { name: string; absent?: boolean; driver?: string; container?: string };
}

export interface HostFileCondition {
  hostFile: { path: string; absent?: boolean; contains?: string };
}

export interface ProcessCondition {
  /** A process in a container (by name) whose argv contains `command`, optionally with this PID inside. */
  process: { container: string; command: string; nsPid?: number };
}

export interface TypedCondition {
  /**
   * The learner ran this docker command (matched by meaning: aliases, flag spelling and order),
   * or, when it does not start with `docker`, typed this line at the host prompt.
   */
  typed: string;
  /** ...and it exited with this status. */
  status?: number;
}

export interface LastExitCondition {
  lastExit: number;
}

export interface EngineCondition {
  engine: { mirror?: string; running?: boolean };
}

export type Condition =
  | ImageCondition | ContainerCondition | VolumeCondition | NetworkCondition | HostFileCondition
  | ProcessCondition | TypedCondition | LastExitCondition | EngineCondition;

/** A fact to show after a step is done, computed from the machine (never canned text). */
export type ExplainItem =
  | { image: string }
  | { container: string }
  | { volume: string }
  | { network: string }
  | { diff: string };

export interface StepData {
  goal: Condition[];
  /** Reference solution: lines in the headless runner's format (`@wait`, `@keys` allowed). */
  solution: string[];
  explain?: ExplainItem[];
}

export interface WrongAttempt {
  /** Which step (1-based) it must not complete. */
  step: number;
  /** What the attempt shows (for the report). */
  note: string;
  lines: string[];
}

export interface Setup {
  /** Files placed in the learner's home (`~/…`) or at an absolute path, before the lesson starts. */
  files?: Record<string, string>;
  /** Images pulled before it starts. */
  images?: string[];
  /** Commands run on the host (as the learner) before it starts, out of sight. */
  commands?: string[];
}

export interface StepText {
  title: string;
  /** Markdown. */
  body: string;
  hints: string[];
  /** Markdown shown after the step is done, above the computed facts. */
  after: string;
}

export interface LessonText {
  title: string;
  intro: string;
  steps: StepText[];
}

export interface Lesson {
  /** `<chapter>/<lesson>`, stable; folder numbers are never part of it. */
  id: string;
  chapter: string;
  /** Folder order (from the NN- prefixes). */
  order: [number, number];
  /** Note sections it follows (`000 §2.3`). */
  sections: string[];
  setup: Setup;
  steps: StepData[];
  wrong: WrongAttempt[];
  text: Record<Lang, LessonText>;
  /** A short hash of the lesson's content (share links say which version they were made on). */
  hash: string;
}
