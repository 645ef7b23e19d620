import { describe, expect, it } from 'vitest';
import { terminalKeyAction } from './keys';

const k = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('terminal keys', () => {
  it('Ctrl+C copies only with a selection, else it stays SIGINT', () => {
    expect(terminalKeyAction(k('c', { ctrlKey: true }), true)).toBe('copy');
    expect(terminalKeyAction(k('c', { ctrlKey: true }), false)).toBe('pass');
    expect(terminalKeyAction(k('C', { ctrlKey: true, shiftKey: true }), false)).toBe('copy');
  });
  it('Ctrl+V and Ctrl+Shift+V paste; Ctrl+Z undoes; other keys pass', () => {
    expect(terminalKeyAction(k('v', { ctrlKey: true }), false)).toBe('paste');
    expect(terminalKeyAction(k('V', { ctrlKey: true, shiftKey: true }), false)).toBe('paste');
    expect(terminalKeyAction(k('z', { ctrlKey: true }), false)).toBe('undo');
    expect(terminalKeyAction(k('d', { ctrlKey: true }), false)).toBe('pass');
    expect(terminalKeyAction(k('v', { ctrlKey: true, altKey: true }), false)).toBe('pass');
    expect(terminalKeyAction(k('v', { metaKey: true }), false)).toBe('paste');
    expect(terminalKeyAction(k('a'), true)).toBe('pass');
  });
});
