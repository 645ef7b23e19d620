/**
 * Keys typed while a command runs are not lost: a whole line waits for the next reader, and a line
 * begun but not ended ("docker i") reaches the next prompt's line editor, as n_tty hands the
 * partial line over when readline leaves canonical mode.
 */
import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../testing/boot';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A machine on the real clock with its terminal, what the terminal showed, and a wait for the host prompt. */
async function terminal(seed: number) {
  const machine = await bootMachine({ seed, clock: 'real' });
  const term = machine.openTerminal();
  const screen = { shown: '' };
  term.onOutput((s) => (screen.shown += s));
  const prompt = async () => {
    for (let i = 0; i < 500 && !term.atHostPrompt(); i++) await sleep(5);
  };
  await prompt();
  return { machine, term, screen, prompt };
}

describe('typeahead', () => {
  it('a half-typed line during a command continues at the next prompt', async () => {
    const { machine, term, screen, prompt } = await terminal(1);
    term.input('sleep 0.3\r');
    await sleep(50);
    term.input('echo type');
    await prompt();
    await sleep(20);
    term.input('ahead-kept\r');
    await sleep(100);
    await prompt();
    expect(screen.shown).toMatch(/\r?\ntypeahead-kept\r?\n/);
    expect(screen.shown).not.toContain('command not found');
    machine.shutdown();
  });

  it('Ctrl-C typed right after Enter brings the prompt back (the shell still held the terminal)', async () => {
    const { machine, term, screen, prompt } = await terminal(2);
    for (const at of [0, 1, 5]) {
      screen.shown = '';
      term.input('sleep 100\r');
      await sleep(at);
      term.input('\x03');
      await sleep(50);
      await prompt();
      expect(term.atHostPrompt(), `Ctrl-C ${at} ms after Enter: ${JSON.stringify(screen.shown)}`).toBe(true);
      expect(screen.shown).toContain('^C');
    }
    machine.shutdown();
  });
});
