/**
 * Typing into the terminal for the learner: "show solution" types each line of a step's reference
 * solution visibly (waiting for the prompt between lines, `@keys`/`@wait` as in transcripts), and a
 * code block's button types its text without running the last line.
 */
import { terminalBus } from '../terminal-bus';
import { parseKeys } from '../../lessons/keys';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilAwaitingInput(limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await terminalBus.awaitingInput()) return;
    await sleep(80);
  }
}

export async function typeSolution(lines: string[]): Promise<void> {
  terminalBus.focus();
  for (const line of lines) {
    if (line.startsWith('@keys ')) {
      await untilAwaitingInput(3000);
      terminalBus.send(parseKeys(line.slice(6)));
      await sleep(150);
      continue;
    }
    if (line.startsWith('@wait ')) {
      const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(line.slice(6).trim());
      const ms = m ? Number(m[1]) * (m[2] === 'ms' ? 1 : 1000) : 1000;
      await sleep(Math.min(ms, 5000));
      continue;
    }
    const text = line.startsWith('@@') ? line.slice(1) : line;
    await untilAwaitingInput(20_000);
    terminalBus.send(text + '\r');
    await sleep(120);
  }
  await untilAwaitingInput(20_000);
}

/** A code block's text: every line but the last is entered (as a paste would), the last waits for Enter. */
export function sendCode(code: string): void {
  const lines = code.replace(/\n+$/, '').split('\n');
  terminalBus.send(lines.join('\r'));
  terminalBus.focus();
}
