/**
 * Keys typed while a command runs are not lost: a whole line waits for the next reader, and a line
 * begun but not ended ("docker i") reaches the next prompt's line editor, as n_tty hands the
 * partial line over when readline leaves canonical mode.
 */
import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../testing/boot';

describe('typeahead', () => {
  it('a half-typed line during a command continues at the next prompt', async () => {
    const m = await bootMachine({ seed: 1, clock: 'real' });
    const term = m.openTerminal();
    let shown = '';
    term.onOutput((s) => (shown += s));
    const prompt = async () => {
      for (let i = 0; i < 500 && !term.atHostPrompt(); i++) await new Promise((r) => setTimeout(r, 5));
    };
    await prompt();
    term.input('sleep 0.3\r');
    await new Promise((r) => setTimeout(r, 50));
    term.input('echo type');
    await prompt();
    await new Promise((r) => setTimeout(r, 20));
    term.input('ahead-kept\r');
    await new Promise((r) => setTimeout(r, 100));
    await prompt();
    expect(shown).toMatch(/\r?\ntypeahead-kept\r?\n/);
    expect(shown).not.toContain('command not found');
    m.shutdown();
  });

  it('Ctrl-C typed right after Enter brings the prompt back (the shell still held the terminal)', async () => {
    const m = await bootMachine({ seed: 2, clock: 'real' });
    const term = m.openTerminal();
    let shown = '';
    term.onOutput((s) => (shown += s));
    const prompt = async () => {
      for (let i = 0; i < 400 && !term.atHostPrompt(); i++) await new Promise((r) => setTimeout(r, 5));
    };
    await prompt();
    for (const at of [0, 1, 5]) {
      shown = '';
      term.input('sleep 100\r');
      await new Promise((r) => setTimeout(r, at));
      term.input('\x03');
      await new Promise((r) => setTimeout(r, 50));
      await prompt();
      expect(term.atHostPrompt(), `Ctrl-C ${at} ms after Enter: ${JSON.stringify(shown)}`).toBe(true);
      expect(shown).toContain('^C');
    }
    m.shutdown();
  });
});
