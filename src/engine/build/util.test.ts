/** Go's formatting the builder's history texts rely on (time.Duration.String, %q of an int). */
import { describe, expect, it } from 'vitest';
import { goDurationString, goQuoteRune } from './util';

describe('goDurationString', () => {
  it('formats as Go time_test.go durationTests', () => {
    const cases: [number, string][] = [
      [0, '0s'], [1, '1ns'], [1100, '1.1µs'], [2200000, '2.2ms'], [3.3e9, '3.3s'],
      [4 * 6e10 + 5e9, '4m5s'], [4 * 6e10 + 5001e6, '4m5.001s'], [5 * 3.6e12 + 6 * 6e10 + 7001e6, '5h6m7.001s'],
      [8 * 6e10 + 1, '8m0.000000001s'], [-1, '-1ns'], [3.6e12, '1h0m0s'],
    ];
    for (const [ns, s] of cases) expect(goDurationString(ns)).toBe(s);
  });
});

describe('goQuoteRune', () => {
  it('quotes small ints as runes, as fmt %q does', () => {
    expect(goQuoteRune(0)).toBe("'\\x00'");
    expect(goQuoteRune(3)).toBe("'\\x03'");
    expect(goQuoteRune(10)).toBe("'\\n'");
    expect(goQuoteRune(65)).toBe("'A'");
  });
});
