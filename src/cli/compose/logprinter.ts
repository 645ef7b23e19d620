/**
 * Compose's log consumer (cmd/formatter/logs.go): each container's lines prefixed with its
 * service-level name padded to the longest name (`web-1    | …`), in a colour of its own taken in
 * turn from compose's rainbow (cyan, yellow, green, magenta, blue, then their bright forms);
 * status lines such as `web-1 exited with code 0` in the same colour, without the bar.
 */

const RAINBOW = ['36', '33', '32', '35', '34', '36;1', '33;1', '32;1', '35;1', '34;1'];

export interface LogOptions {
  color: boolean;
  prefix: boolean;
  timestamps: boolean;
  now: () => number;
}

export class LogPrinter {
  private colors = new Map<string, string>();
  private partial = new Map<string, string>();
  private width = 0;
  private next = 0;

  constructor(
    private readonly out: (s: string) => Promise<void>,
    private readonly err: (s: string) => Promise<void>,
    private readonly o: LogOptions,
  ) {}

  /** Register a name before its output arrives, so every prefix gets the final width. */
  register(name: string): void {
    // the nameless presenter (progress lines mixed into the logs) stays uncoloured
    if (this.colors.has(name) || name === '') return;
    this.colors.set(name, RAINBOW[this.next++ % RAINBOW.length]!);
    this.width = Math.max(this.width, name.length + 1);
  }

  private paint(name: string, s: string): string {
    return this.o.color && name ? `\x1b[${this.colors.get(name)}m${s}\x1b[0m` : s;
  }

  private prefix(name: string): string {
    return this.o.prefix ? this.paint(name, `${name.padEnd(this.width)} | `) : '';
  }

  private stamp(): string {
    return this.o.timestamps ? new Date(this.o.now()).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z') + ' ' : '';
  }

  /** Output of a container, as it comes: complete lines are printed, the rest waits. */
  async write(name: string, data: string, stream: 'stdout' | 'stderr' = 'stdout'): Promise<void> {
    this.register(name);
    const text = (this.partial.get(name) ?? '') + data.replace(/\r\n/g, '\n');
    const lines = text.split('\n');
    this.partial.set(name, lines.pop()!);
    const w = stream === 'stderr' ? this.err : this.out;
    for (const l of lines) await w(`${this.prefix(name)}${this.stamp()}${l}\n`);
  }

  /** What is left of an unfinished last line. */
  async flush(name: string): Promise<void> {
    const rest = this.partial.get(name);
    if (rest) await this.out(`${this.prefix(name)}${this.stamp()}${rest}\n`);
    this.partial.delete(name);
  }

  async status(name: string, msg: string): Promise<void> {
    this.register(name);
    await this.out(this.paint(name, `${name} ${msg}`) + '\n');
  }
}
