import { describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import { bootMachine } from '../../testing/boot';

/** Run a shell script in a Debian container that has make (installed from the package catalogue). */
async function inDebian(m: Machine, script: string) {
  await m.run(['docker', 'pull', '-q', 'debian']);
  return m.run(['docker', 'run', '--rm', 'debian', 'bash', '-c', `apt-get update -qq && apt-get install -y -qq make >/dev/null && ${script}`]);
}

describe('make', () => {
  it('runs the default target after its prerequisites, echoes recipes, expands variables, and stops on errors', async () => {
    const m = await bootMachine({ seed: 11, clock: 'virtual' });
    const mf = ['NAME ?= world', 'all: greet', '\t@echo done $@', '', 'greet:', '\techo hello $(NAME) > out.txt', '\t@cat out.txt', '', 'fail:', '\tfalse', '\techo never', '', '.PHONY: all greet fail'].join('\\n');
    const r = await inDebian(m, `mkdir /w && cd /w && printf '${mf}\\n' > Makefile && make NAME=docker && make fail; echo "status $?"; make nothing; echo "status $?"`);
    expect(r.stdout).toBe('echo hello docker > out.txt\nhello docker\ndone all\nfalse\nstatus 2\nstatus 2\n');
    expect(r.stderr).toBe("make: *** [Makefile:10: fail] Error 1\nmake: *** No rule to make target 'nothing'.  Stop.\n");
  });

  it('-C prints the directory lines, sub-makes are numbered, and a file target with no newer prerequisite is up to date', async () => {
    const m = await bootMachine({ seed: 12, clock: 'virtual' });
    const top = ['all:', '\tcd sub && $(MAKE) $@'].join('\\n');
    const sub = ['all: prog', 'prog:', '\t@echo building; touch prog'].join('\\n');
    const r = await inDebian(m, `mkdir -p /w/sub && printf '${top}\\n' > /w/Makefile && printf '${sub}\\n' > /w/sub/Makefile && make -C /w && make -s -C /w/sub prog`);
    expect(r.stdout).toBe("make: Entering directory '/w'\ncd sub && make all\nmake[1]: Entering directory '/w/sub'\nbuilding\nmake[1]: Leaving directory '/w/sub'\nmake: Leaving directory '/w'\nmake: 'prog' is up to date.\n");
  });
});
