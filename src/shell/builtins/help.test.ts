/** `help`: bash 5.2's builtin (builtins/help.def), BusyBox ash's (ash.c helpcmd), none in dash. */
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/shell/run';

describe('help', () => {
  it('lists the builtins in two columns under the version line, as bash 5.2.21 does', async () => {
    const r = await run('help');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)');
    expect(lines[1]).toBe("These shell commands are defined internally.  Type `help' to see this list.");
    expect(lines[6]).toBe('A star (*) next to a name means that the command is disabled.');
    // 76 topics sorted as bash sorts its table: 38 rows, each half of an 80-column screen.
    expect(lines.slice(8, -1)).toHaveLength(38);
    expect(lines[8]).toBe(' job_spec [&]                            history [-c] [-d offset] [n] or hist>');
    expect(lines[9]).toBe(' (( expression ))                        if COMMANDS; then COMMANDS; [ elif C>');
    expect(lines[45]).toBe(' help [-dms] [pattern ...]               { COMMANDS ; }');
    expect(r.status).toBe(0);
  });

  it('cuts the columns to half of $COLUMNS', async () => {
    const r = await run('COLUMNS=60; help');
    expect(r.stdout.split('\n')[8]).toBe(' job_spec [&]                  history [-c] [-d offset] [>');
  });

  it('help NAME prints the synopsis and the long text indented by four; -s and -d shorten it', async () => {
    const r = await run('help pwd');
    expect(r.stdout).toBe(
      'pwd: pwd [-LP]\n' +
        '    Print the name of the current working directory.\n' +
        '    \n' +
        '    Options:\n' +
        '      -L\tprint the value of $PWD if it names the current working\n' +
        '    \t\tdirectory\n' +
        '      -P\tprint the physical directory, without any symbolic links\n' +
        '    \n' +
        "    By default, `pwd' behaves as if `-L' were specified.\n" +
        '    \n' +
        '    Exit Status:\n' +
        '    Returns 0 unless an invalid option is given or the current directory\n' +
        '    cannot be read.\n',
    );
    expect((await run('help -s cd')).stdout).toBe('cd: cd [-L|[-P [-e]] [-@]] [dir]\n');
    expect((await run('help -d cd pwd')).stdout).toBe('cd - Change the shell working directory.\npwd - Print the name of the current working directory.\n');
    // No exact match: every topic that starts with the word.
    expect((await run('help -s un')).stdout).toBe('unalias: unalias [-a] name [name ...]\nunset: unset [-f] [-v] [-n] [name ...]\nuntil: until COMMANDS; do COMMANDS-2; done\n');
    expect((await run("help -s 'ec*'")).stdout).toBe("Shell commands matching keyword `ec*'\n\necho: echo [-neE] [arg ...]\n");
  });

  it('an unknown topic or option is an error', async () => {
    const r = await run('help nosuch');
    expect(r.stderr).toBe("bash: line 1: help: no help topics match `nosuch'.  Try `help help' or `man -k nosuch' or `info nosuch'.\n");
    expect(r.status).toBe(1);
    const bad = await run('help -x');
    expect(bad.stderr).toBe('bash: line 1: help: -x: invalid option\nhelp: usage: help [-dms] [pattern ...]\n');
    expect(bad.status).toBe(2);
  });

  it('BusyBox ash lists its builtin table; dash has no help', async () => {
    const ash = await run('help', { flavour: 'ash' });
    expect(ash.stdout).toBe(
      'Built-in commands:\n------------------\n' +
        '\t. : [ [[ alias bg break cd chdir command continue echo eval exec\n' +
        '\texit export false fg getopts hash help history jobs kill let\n' +
        '\tlocal printf pwd read readonly return set shift source test times\n' +
        '\ttrap true type ulimit umask unalias unset wait\n',
    );
    const dash = await run('help; echo $?', { flavour: 'dash' });
    expect(dash.stderr).toBe('sh: 1: help: not found\n');
    expect(dash.stdout).toBe('127\n');
  });
});
