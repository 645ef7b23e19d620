import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceRoot, runCorpora } from './conformance-corpora';

const root = conformanceRoot();

describe.skipIf(!existsSync(root))('Dockerfile conformance corpora (../shared/conformance)', () => {
  for (const r of existsSync(root) ? runCorpora(root) : []) {
    it(`${r.name}: every case passes`, () => {
      expect(r.failures).toEqual([]);
      expect(r.total).toBeGreaterThan(0);
    });
  }
});
