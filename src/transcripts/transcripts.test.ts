import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../tools/headless';
import { compareTranscript, parseTranscript } from './harness';

const dir = new URL('.', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('transcripts', () => {
  it('has transcripts to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(file, async () => {
      const t = parseTranscript(readFileSync(join(dir, file), 'utf8'));
      const { output } = await runScript(t.input.join('\n') + '\n');
      const problem = compareTranscript(t, output);
      expect(problem, problem).toBeUndefined();
    });
  }
});
