import { describe, expect, it } from 'vitest';
import { budgetReport } from './bench-budget';

describe('the bench budget check', () => {
  it('fails when the JavaScript before the prompt is over 250 KB gzip', () => {
    const r = budgetReport({ js_before_prompt_gzip_kb: { value: 314.6, unit: 'KB' } });
    expect(r.fail).toEqual(['OVER BUDGET: JavaScript before the prompt is 314.6 KB gzip (budget 250 KB)']);
  });

  it('passes at or under the budget, and without browser figures', () => {
    expect(budgetReport({ js_before_prompt_gzip_kb: { value: 250, unit: 'KB' } }).fail).toEqual([]);
    expect(budgetReport({}).fail).toEqual([]);
  });

  it('notes a slow start without failing the run', () => {
    const r = budgetReport({ load_to_prompt_ms: { min: 900, median: 1366.5, max: 1651, n: 5 } });
    expect(r.fail).toEqual([]);
    expect(r.note).toEqual(['over budget (timing, not failing the run): load to prompt median 1366.5 ms (budget 1000 ms)']);
  });
});
