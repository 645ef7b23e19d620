import { describe, expect, it } from 'vitest';
import { Headless, runScript } from './headless';
import { registerLazyProgram } from '../engine/programs/registry';

describe('headless runner', () => {
  it('types a line starting with @@ as a literal line starting with @', async () => {
    const { output } = await runScript("cat <<'EOF'\n@@app.route('/')\nEOF\n");
    expect(output).toContain("\n> @app.route('/')\n> EOF\n@app.route('/')\n");
  });

  it('still rejects an unknown directive', async () => {
    await expect(runScript('@nosuch 1\n')).rejects.toThrow('unknown directive @nosuch');
  });

  it('waits for a program that loads on first use instead of typing ahead', async () => {
    // Real time, far longer than the runner's quiet period, with nothing on the virtual clock.
    registerLazyProgram('slowload', () => new Promise((r) => setTimeout(() => r(async (ctx) => {
      await ctx.stdout.write('loaded\n');
      return 0;
    }), 900)));
    const h = await Headless.start();
    await h.type("printf '\\177ELF sim:slowload\\n' > slow; chmod +x slow");
    await h.type('./slow; echo status $?');
    await h.type('echo next');
    const lines = h.take().split('\n');
    const at = (s: string) => lines.findIndex((l) => l.endsWith(s));
    expect(at('loaded')).toBeGreaterThan(at('$ ./slow; echo status $?'));
    expect(at('status 0')).toBe(at('loaded') + 1);
    expect(at('$ echo next')).toBe(at('status 0') + 1);
  }, 20_000);
});
