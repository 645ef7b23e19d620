/**
 * BuildKit's progress display, vertex by vertex, as buildx's progressui shows it: numbered
 * vertices (`#1 [internal] load build definition from Dockerfile` … `#N DONE 0.1s`) in the plain
 * stream, or, in a terminal, the final summary (`[+] Building 1.2s (8/8) FINISHED`). `buildkit.ts`
 * turns the builder's events into these vertices.
 */
export type Out = (text: string) => Promise<void>;

export interface Vertex {
  n: number;
  name: string;
  start: number;
  cached?: boolean;
  done?: number;
  error?: string;
  /** Sub-status rows (`transferring dockerfile: 87B`, `naming to …`). */
  rows: { text: string; time?: string }[];
  /** The last lines the step printed, stamped (BuildKit's error box repeats them). */
  logs?: string[];
  /** Build-check warnings reported on this vertex (`Rule: message (line N)`). */
  warnings?: string[];
}

/** BuildKit keeps this many of a step's last log lines for the error box. */
export const ERROR_LOG_LINES = 10;

const secs = (ms: number) => (Math.max(0, ms) / 1000).toFixed(1);

export class BuildKitProgress {
  private vertices: Vertex[] = [];
  private next = 1;
  private began: number;

  constructor(
    private readonly out: Out,
    private readonly now: () => number,
    /** tty: only the final summary, as the redrawing display leaves it; plain: the event stream. */
    private readonly mode: 'plain' | 'tty' | 'quiet',
    private readonly width = 80,
  ) {
    this.began = now();
  }

  async header(): Promise<void> {
    if (this.mode === 'plain') await this.out('#0 building with "default" instance using docker driver\n\n');
  }

  async start(name: string): Promise<Vertex> {
    const v: Vertex = { n: this.next++, name, start: this.now(), rows: [] };
    this.vertices.push(v);
    if (this.mode === 'plain') await this.out(`#${v.n} ${name}\n`);
    return v;
  }

  /** A status row; `time` (`0.1s`) is printed before `done` in the plain stream, in the time column on a TTY. */
  async row(v: Vertex, text: string, time?: string): Promise<void> {
    v.rows.push({ text, time });
    if (this.mode === 'plain') await this.out(`#${v.n} ${text}${time ? ' ' + time : ''} done\n`);
  }

  /** A line the step's process printed, stamped with seconds since the step began. */
  async log(v: Vertex, line: string): Promise<void> {
    const stamped = `${((this.now() - v.start) / 1000).toFixed(3)} ${line}`;
    v.logs = [...(v.logs ?? []), stamped].slice(-ERROR_LOG_LINES);
    if (this.mode === 'plain') await this.out(`#${v.n} ${stamped}\n`);
  }

  /** A build-check warning: `#1 WARN: …` in the plain stream, a ` => WARN: …` row on a TTY, and the summary at the end. */
  async warn(v: Vertex, short: string): Promise<void> {
    v.warnings = [...(v.warnings ?? []), short];
    if (this.mode === 'plain') await this.out(`#${v.n} WARN: ${short}\n`);
  }

  async done(v: Vertex): Promise<void> {
    v.done = this.now();
    if (this.mode === 'plain') await this.out(`#${v.n} DONE ${secs(v.done - v.start)}s\n\n`);
  }

  async cached(v: Vertex): Promise<void> {
    v.cached = true;
    v.done = this.now();
    if (this.mode === 'plain') await this.out(`#${v.n} CACHED\n\n`);
  }

  async error(v: Vertex, message: string): Promise<void> {
    v.error = message;
    v.done = this.now();
    if (this.mode === 'plain') await this.out(`#${v.n} ERROR: ${message}\n`);
  }

  /**
   * The TTY display's last frame (the plain stream has already said everything), then buildx's
   * printWarnings: the check warnings once more, each on a ` - ` line (not in quiet mode).
   */
  async finish(failed: boolean): Promise<void> {
    if (this.mode === 'tty') await this.lastFrame(failed);
    const warnings = this.vertices.flatMap((v) => v.warnings ?? []);
    if (this.mode === 'quiet' || !warnings.length) return;
    const head = `${warnings.length === 1 ? '1 warning found' : `${warnings.length} warnings found`} (use docker --debug to expand):\n`;
    await this.out(`\n \x1b[33m${head}\x1b[0m${warnings.map((w) => ` - ${w}\n`).join('')}`);
  }

  private async lastFrame(failed: boolean): Promise<void> {
    const total = secs(this.now() - this.began);
    const count = this.vertices.length;
    const doneCount = this.vertices.filter((v) => v.done !== undefined).length;
    // buildx prints FINISHED once the display closes, after a failure too.
    void failed;
    const head = `[+] Building ${total}s (${doneCount}/${count}) FINISHED`;
    const right = 'docker:default';
    let s = head.padEnd(Math.max(head.length + 1, this.width - right.length)) + right + '\n';
    const line = (left: string, t: string) => {
      const room = this.width - t.length - 1;
      const l = left.length > room ? left.slice(0, room - 3) + '...' : left;
      return l.padEnd(room) + ' ' + t + '\n';
    };
    for (const v of this.vertices) {
      const t = `${secs((v.done ?? this.now()) - v.start)}s`;
      s += line(` => ${v.error ? 'ERROR ' : v.cached ? 'CACHED ' : ''}${v.name}`, t);
      for (const r of v.rows) s += line(` => => ${r.text}`, r.time ?? '0.0s');
      for (const w of v.warnings ?? []) s += line(` => WARN: ${w}`, '0.0s');
    }
    await this.out(s);
  }
}
