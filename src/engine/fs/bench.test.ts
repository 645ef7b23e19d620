import { expect, it } from 'vitest';
import { benchOverlayLookup } from './bench';

// Not a timed assertion (budgets are checked by `npm run bench`): it only checks that the bench runs.
it('benchOverlayLookup returns two positive ratios', () => {
  const r = benchOverlayLookup();
  console.log('overlay lstat / memfs lstat:', r);
  expect(r.ratio1).toBeGreaterThan(0);
  expect(r.ratio127).toBeGreaterThan(0);
}, 60_000);
