import { describe, expect, it } from 'vitest';
import { backslashEscapes, type OctalRule } from './backslash-escapes';

describe('backslashEscapes', () => {
  // Octal rules: GNU echo and bash echo -e (\0nnn only), bash's printf format and coreutils'
  // printf %b (print_esc with octal_0: an optional 0 then up to three digits), coreutils' printf
  // format (print_esc without octal_0: three digits in all).
  it.each<[OctalRule, string, string]>([
    ['echo', '\\0101', 'A'],
    ['echo', '\\101', '\\101'],
    ['zero-optional', '\\0101', 'A'],
    ['zero-optional', '\\101', 'A'],
    ['three', '\\101', 'A'],
    ['three', '\\0101', '\b1'],
    ['echo', 'a\\tb\\x41\\xg\\q\\', 'a\tbA\\xg\\q\\'],
  ])('%s reads %j as %j', (rule, input, text) => {
    expect(backslashEscapes(input, rule)).toEqual({ text, stop: false });
  });

  it('stops at \\c', () => {
    expect(backslashEscapes('one\\ctwo', 'echo')).toEqual({ text: 'one', stop: true });
  });
});
