/**
 * HEALTHCHECK, run as moby's health monitor runs it (daemon/health.go): from each start the status
 * is `starting`; every interval (the start interval while starting inside the start period) the
 * test runs in the container like `docker exec`; exit 0 makes it `healthy` and clears the failing
 * streak, anything else adds to the streak (not while starting inside the start period) and
 * `retries` failures in a row make it `unhealthy`. A probe that outlives the timeout counts as a
 * failure with exit -1. The last five results are kept with their output (4 KiB at most).
 */
import type { Clock } from '../clock';
import type { Container } from '../container/container';

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface HealthResult {
  Start: number;
  End: number;
  ExitCode: number;
  Output: string;
}

export interface HealthState {
  Status: HealthStatus;
  FailingStreak: number;
  Log: HealthResult[];
}

const NS = 1_000_000;
const DEFAULT_INTERVAL = 30_000;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_START_INTERVAL = 5_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG = 5;
const MAX_OUTPUT = 4096;

const states = new WeakMap<Container, HealthState>();

/** The container's health, if its config has a check (kept across stops, as moby keeps it). */
export function healthOf(c: Container): HealthState | undefined {
  return states.get(c);
}

/** The command a test runs, or undefined for none (`NONE`, or no HEALTHCHECK at all). */
export function probeCommand(c: Container): string[] | undefined {
  const test = c.config.Healthcheck?.Test;
  if (!test?.length || test[0] === 'NONE') return undefined;
  if (test[0] === 'CMD-SHELL') return [...((c.config.Shell as string[] | undefined) ?? ['/bin/sh', '-c']), test.slice(1).join(' ')];
  if (test[0] === 'CMD') return test.slice(1);
  return undefined;
}

/** Go's time.Duration String for whole milliseconds: 30s, 1m30s, 500ms. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const secText = `${Number.isInteger(sec) ? sec : sec.toFixed(3).replace(/0+$/, '')}s`;
  return h ? `${h}h${m}m${secText}` : m ? `${m}m${secText}` : secText;
}

export interface ProbeRunner {
  /** Run argv in the container; resolves with its exit status, or rejects when it cannot start. */
  run(argv: string[], onOutput: (text: string) => void, signal: AbortSignal): Promise<number>;
}

/** Start monitoring after a start; the returned function stops it (container exit, stop, rm). */
export function startHealthMonitor(c: Container, clock: Clock, runner: ProbeRunner, onChange?: (s: HealthStatus) => void): () => void {
  const argv = probeCommand(c);
  if (!argv) return () => undefined;
  const hc = c.config.Healthcheck ?? {};
  const ms = (ns: number | undefined, dflt: number) => (ns && ns > 0 ? Math.round(ns / NS) : dflt);
  const interval = ms(hc.Interval, DEFAULT_INTERVAL);
  const timeout = ms(hc.Timeout, DEFAULT_TIMEOUT);
  const startPeriod = ms(hc.StartPeriod, 0);
  const startInterval = ms(hc.StartInterval, DEFAULT_START_INTERVAL);
  const retries = hc.Retries && hc.Retries > 0 ? hc.Retries : DEFAULT_RETRIES;
  const prev = states.get(c);
  const h: HealthState = prev ? { ...prev, Status: 'starting', FailingStreak: 0 } : { Status: 'starting', FailingStreak: 0, Log: [] };
  states.set(c, h);
  const started = c.state.StartedAt;
  const stop = new AbortController();

  const nextInterval = () => (clock.now() - started >= startPeriod || h.Status !== 'starting' ? interval : startInterval);

  const probe = async (): Promise<HealthResult> => {
    const start = clock.now();
    let out = '';
    const probeStop = new AbortController();
    const abort = () => probeStop.abort();
    stop.signal.addEventListener('abort', abort);
    try {
      const done = runner.run(argv, (t) => {
        if (out.length < MAX_OUTPUT) out = (out + t).slice(0, MAX_OUTPUT);
      }, probeStop.signal).then((code) => ({ code }), (e: Error) => ({ code: -1, error: e.message }));
      const timer = clock.sleep(timeout, probeStop.signal).then(() => undefined, () => undefined);
      const r = await Promise.race([done, timer]);
      if (!r) {
        probeStop.abort();
        return { Start: start, End: clock.now(), ExitCode: -1, Output: `Health check exceeded timeout (${goDuration(timeout)})` };
      }
      return { Start: start, End: clock.now(), ExitCode: r.code, Output: 'error' in r && r.error ? r.error : out };
    } finally {
      stop.signal.removeEventListener('abort', abort);
      probeStop.abort();
    }
  };

  const record = (r: HealthResult) => {
    const old = h.Status;
    h.Log = [...h.Log, r].slice(-MAX_LOG);
    if (r.ExitCode === 0) {
      h.FailingStreak = 0;
      h.Status = 'healthy';
    } else if (!(h.Status === 'starting' && r.Start - started < startPeriod)) {
      h.FailingStreak++;
      if (h.FailingStreak >= retries) h.Status = 'unhealthy';
    }
    if (h.Status !== old) onChange?.(h.Status);
  };

  void (async () => {
    for (;;) {
      try {
        await clock.sleep(nextInterval(), stop.signal);
      } catch {
        return;
      }
      if (stop.signal.aborted || !c.running) return;
      if (c.state.Paused) continue;
      const r = await probe();
      if (stop.signal.aborted) return;
      record(r);
    }
  })();
  return () => stop.abort();
}

/** `State.Health` in inspect (times in RFC 3339, like the other State times). */
export function healthJson(c: Container): { Health?: { Status: HealthStatus; FailingStreak: number; Log: { Start: string; End: string; ExitCode: number; Output: string }[] } } {
  const h = states.get(c);
  if (!h) return {};
  const t = (ms: number) => new Date(ms).toISOString();
  return { Health: { Status: h.Status, FailingStreak: h.FailingStreak, Log: h.Log.map((r) => ({ Start: t(r.Start), End: t(r.End), ExitCode: r.ExitCode, Output: r.Output })) } };
}
