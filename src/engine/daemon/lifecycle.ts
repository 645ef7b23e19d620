/**
 * Stopping and signalling containers, and reading their logs: dockerd's stop (the stop signal to
 * PID 1, the grace period on the machine's clock, then SIGKILL), kill, restart and the json-file
 * log reader behind `docker logs`.
 */
import type { Clock } from '../clock';
import type { Container, LogEntry } from '../container/container';
import { LogPacer } from '../container/log-pacer';
import { SIGNALS, signalNumber } from '../process/types';
import { DaemonError } from '../../api/daemon';

export function notRunning(c: Container): DaemonError {
  return new DaemonError(`container ${c.id} is not running`, 409);
}

function parseSignal(sig: string | undefined, fallback: number): number {
  if (!sig) return fallback;
  const n = signalNumber(sig);
  if (n === undefined || n <= 0 || n > 64) throw new DaemonError(`Invalid signal: ${sig}`, 400);
  return n;
}

/** docker stop: the container's stop signal, `timeout` seconds of grace, then SIGKILL. */
export async function stopContainer(c: Container, clock: Clock, opts: { timeout?: number; signal?: string }, onSignal?: (sig: number) => void): Promise<void> {
  if (!c.running || !c.init) return;
  c.stoppedByUser = true;
  const sig = parseSignal(opts.signal ?? c.config.StopSignal, SIGNALS.SIGTERM);
  const timeout = opts.timeout ?? c.config.StopTimeout ?? 10;
  if (c.state.Paused) c.init.resume();
  onSignal?.(sig);
  c.init.deliver(sig, true);
  if (timeout < 0) {
    await c.waitExit();
    return;
  }
  const exited = c.waitExit().then(() => true);
  const timer = clock.sleep(timeout * 1000).then(() => false);
  if (await Promise.race([exited, timer])) return;
  if (c.running && c.init) {
    onSignal?.(SIGNALS.SIGKILL);
    c.init.deliver(SIGNALS.SIGKILL, true);
  }
  await c.waitExit();
}

/** docker kill: one signal (default SIGKILL) to PID 1. */
export function killContainer(c: Container, name: string, signal?: string, onSignal?: (sig: number) => void): void {
  if (!c.running || !c.init) {
    throw new DaemonError(`cannot kill container: ${name}: container ${c.id} is not running`, 409);
  }
  const sig = parseSignal(signal, SIGNALS.SIGKILL);
  if (sig === SIGNALS.SIGKILL || sig === SIGNALS.SIGTERM || sig === SIGNALS.SIGINT) c.stoppedByUser = true;
  onSignal?.(sig);
  c.init.deliver(sig, true);
}

export interface LogOptions {
  follow: boolean;
  timestamps: boolean;
  tail: string;
  since?: number;
  until?: number;
  onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void;
  signal?: AbortSignal;
}

/** RFC 3339 with nanoseconds, as the json-file driver stamps lines. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Split log data into lines (keeping their ends), so --tail and -t work per line. */
function lines(entries: LogEntry[]): LogEntry[] {
  const out: LogEntry[] = [];
  const open: Partial<Record<'stdout' | 'stderr', LogEntry>> = {};
  for (const e of entries) {
    for (const piece of e.data.split(/(?<=\n)/)) {
      const cur = open[e.stream];
      if (cur) cur.data += piece;
      else out.push((open[e.stream] = { ...e, data: piece }));
      if (piece.endsWith('\n')) open[e.stream] = undefined;
    }
  }
  return out;
}

export async function readLogs(c: Container, opts: LogOptions): Promise<void> {
  const fmt = (e: LogEntry) => (opts.timestamps ? `${stamp(e.time)} ${e.data}` : e.data);
  let all = lines(c.logs).filter((e) => (opts.since === undefined || e.time >= opts.since) && (opts.until === undefined || e.time <= opts.until));
  if (opts.tail !== 'all' && opts.tail !== '') {
    const n = Number(opts.tail);
    if (Number.isFinite(n) && n >= 0) all = n === 0 ? [] : all.slice(-n);
  }
  for (const e of all) await opts.onOutput(e.stream, fmt(e));
  if (!opts.follow || !c.running) return;
  await new Promise<void>((resolve) => {
    // Paced: while this reader is behind, the container's writes wait (log-pacer.ts).
    const pacer = new LogPacer();
    const off = c.onLog((e) => {
      if (opts.until !== undefined && e.time > opts.until) return;
      pacer.add(e.data.length, () => opts.onOutput(e.stream, fmt(e)));
    });
    const offGate = c.addLogGate(pacer.gate);
    const done = (interrupted: boolean) => {
      off();
      offGate();
      // Interrupted (Ctrl-C): the client is gone and nothing more prints. The container ended:
      // everything it wrote is shown first.
      if (interrupted) pacer.close();
      void pacer.drain().then(() => {
        pacer.close();
        resolve();
      });
    };
    void c.waitExit().then(() => done(false));
    opts.signal?.addEventListener('abort', () => done(true), { once: true });
  });
}
