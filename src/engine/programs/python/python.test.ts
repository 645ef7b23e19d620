import { describe, expect, it } from 'vitest';
import { python } from './index';
import { makeWorld, run } from '../../../testing/programs/ctx';

const ROOT = { uid: 0, gid: 0, groups: [0] };

async function py(src: string) {
  return run(makeWorld(), python, ['python3', '-c', src], { cred: ROOT, env: { PYTHON_VERSION: '3.9.5' } });
}

describe('python subset', () => {
  it('expressions, functions, loops, f-strings and str.format', async () => {
    const r = await py(['def add(a, b=2):', '    return a + b', 'total = 0', 'for i in range(5):', '    if i % 2 == 0:', '        total += add(i)', 'print(total, 7 / 2, 7 // 2, f"x={total!r}")', 'print("{} and {name}".format(1, name="two"))', 'print([x * x for x in range(4) if x], {"a": 1}, (1,), None, True)'].join('\n'));
    expect(r.err).toBe('');
    expect(r.out).toBe("12 3.5 3 x=12\n1 and two\n[1, 4, 9] {'a': 1} (1,) None True\n");
    // Tuple and list displays: a trailing comma, empty ones, parentheses around one value.
    expect((await py('print((1, 2,), (3,), [1, 2,], [], (), [x * 2 for x in [1, 2] if x > 1], (4))')).out).toBe('(1, 2) (3,) [1, 2] [] () [4] 4\n');
  });
  it('exceptions: try/except by class, tracebacks with the source line, exit codes', async () => {
    const ok = await py('try:\n    {}["k"]\nexcept KeyError as e:\n    print("missing", e)\n');
    expect(ok.out).toBe("missing 'k'\n");
    const bad = await py('x = 1\nprint(y)\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe("Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n    print(y)\nNameError: name 'y' is not defined\n");
    expect((await py('import sys\nsys.exit(3)\n')).code).toBe(3);
    expect((await py('import flask\n')).err).toContain("ModuleNotFoundError: No module named 'flask'");
  });
  it('syntax errors are reported, and what is not modelled says so', async () => {
    const r = await py('if True\n    pass\n');
    expect(r.err).toMatch(/SyntaxError: invalid syntax/);
    expect((await py('class A:\n    pass\n')).err).toMatch(/not simulated/);
  });
});
