/**
 * The reference corpora of ../shared/conformance (BuildKit's parser fixtures, heredoc tables,
 * envVarTest, wordsTest, processWithMatches, official Dockerfiles) must all pass, as
 * `npm run conformance` prints them. The runners live in src/tools/conformance-corpora.ts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceRoot, runCorpora } from '../../../tools/conformance-corpora';

const root = conformanceRoot();
const present = existsSync(root);
if (!present) console.warn(`conformance corpora skipped: ${root} is absent`);

describe.skipIf(!present)(`Dockerfile conformance corpora (${root})`, () => {
  const results = present ? runCorpora(root) : [];
  it('runs every corpus', () => {
    for (const name of ['parser-positive', 'parser-negative', 'parser-testfile-line', 'moby-legacy-positive', 'moby-legacy-negative', 'heredoc-extract', 'heredoc-helpers', 'envVarTest', 'wordsTest', 'processWithMatches', 'official-dockerfiles']) {
      expect(results.find((r) => r.name === name)?.total, name).toBeGreaterThan(0);
    }
  });
  for (const r of results) {
    it(`${r.name}: ${r.total} cases pass`, () => {
      expect(r.failures).toEqual([]);
      expect(r.passed).toBe(r.total);
    });
  }
});
