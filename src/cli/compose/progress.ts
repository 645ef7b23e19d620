/**
 * Compose's progress display (pkg/progress in compose v2.40): events keyed by an ID
 * (`Network app_default`, `Container app-web-1`, `redis`) with a state. On a terminal the TTY
 * writer redraws a block every 100 ms and leaves its last frame on screen:
 *
 *   [+] Running 2/2
 *    ✔ Network app_default    Created                                  0.1s
 *    ✔ Container app-web-1    Started                                  0.3s
 *
 * The simulator prints that last frame once, when the operation ends (the redraws in between
 * would only repeat it in a transcript). `--progress plain` (or output that is not a terminal)
 * prints one line per event as it happens; `quiet` prints nothing. Output goes to stderr.
 */

export type Status = 'working' | 'done' | 'warning' | 'error';

export interface ProgressEvent {
  id: string;
  parent?: string;
  text?: string;
  status: Status;
  statusText?: string;
}

interface Entry extends ProgressEvent {
  start: number;
  end?: number;
}

export type ProgressMode = 'tty' | 'plain' | 'quiet' | 'json';

const SPINNER: Record<Status, string> = { done: '✔', warning: '!', error: '✘', working: '⠿' };

export class Progress {
  private events = new Map<string, Entry>();
  private order: string[] = [];
  private tail: string[] = [];

  constructor(
    private readonly mode: ProgressMode,
    private readonly title: string,
    private readonly write: (s: string) => Promise<void>,
    private readonly now: () => number,
    private readonly width = 80,
  ) {}

  async event(e: ProgressEvent): Promise<void> {
    if (this.mode === 'plain') await this.write(` ${e.id} ${e.text ?? ''} ${e.statusText ?? ''}\n`);
    if (this.mode === 'json') await this.write(JSON.stringify({ id: e.id, ...(e.parent ? { parent_id: e.parent } : {}), ...(e.text ? { text: e.text } : {}), status: e.statusText ?? '' }) + '\n');
    const last = this.events.get(e.id);
    if (!last) {
      this.order.push(e.id);
      const entry: Entry = { ...e, start: this.now() };
      if (e.status !== 'working') entry.end = entry.start;
      this.events.set(e.id, entry);
      return;
    }
    if (e.status !== 'working' && last.status !== e.status) last.end = this.now();
    if (e.status === 'working') last.end = undefined;
    last.status = e.status;
    last.text = e.text;
    last.statusText = e.statusText;
    if (e.parent !== undefined && (!last.parent || !e.parent)) last.parent = e.parent;
  }

  /** A state change for a container/network/volume: `Container app-web-1  Started`. */
  async resource(id: string, status: Status, statusText: string): Promise<void> {
    await this.event({ id, status, statusText });
  }

  /** w.TailMsgf: a line printed after the block. */
  async tailMsg(msg: string): Promise<void> {
    if (this.mode === 'plain') await this.write(msg + '\n');
    else this.tail.push(msg);
  }

  get size(): number {
    return this.order.length;
  }

  /** The TTY writer's last frame (ttyWriter.print), then the tail messages. */
  async done(): Promise<void> {
    if (this.mode !== 'tty' || !this.order.length) {
      for (const t of this.tail) await this.write(t + '\n');
      return;
    }
    const all = this.order.map((id) => this.events.get(id)!);
    const doneCount = all.filter((e) => e.status !== 'working').length;
    let out = `[+] ${this.title} ${doneCount}/${all.length}\n`;
    let statusPadding = 0;
    for (const e of all) {
      const l = `${e.id} ${e.text ?? ''}`.length;
      if (statusPadding < l) statusPadding = l;
      // compose subtracts 2 for every child event, cumulatively (tty.go)
      if (e.parent) statusPadding -= 2;
    }
    for (const e of all) {
      if (e.parent) continue;
      out += this.line(e, '', statusPadding);
      for (const c of all) if (c.parent === e.id) out += this.line(c, '  ', statusPadding);
    }
    await this.write(out);
    for (const t of this.tail) await this.write(t + '\n');
  }

  private line(e: Entry, pad: string, statusPadding: number): string {
    const txt = `${e.id} ${e.text ?? ''}`;
    const padding = Math.max(0, statusPadding - txt.length);
    let status = e.statusText ?? '';
    const maxStatusLen = this.width - txt.length - statusPadding - 15;
    if (maxStatusLen > 0 && status.length > maxStatusLen) status = status.slice(0, maxStatusLen) + '...';
    const text = `${pad} ${SPINNER[e.status]} ${txt}${' '.repeat(padding)} ${status}`;
    const elapsed = ((e.end ?? this.now()) - e.start) / 1000;
    const timer = `${elapsed.toFixed(1)}s `;
    const gap = Math.max(0, this.width - [...text].length - timer.length);
    return `${text}${' '.repeat(gap)}${timer}\n`;
  }
}
