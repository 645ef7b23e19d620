/**
 * The terminal's clipboard and undo keys, decided apart from xterm so they can be tested: what
 * people expect from a terminal on a web page (and from GNOME Terminal or Windows Terminal).
 *
 *   Ctrl+C with text selected, Ctrl+Shift+C   copy (without a selection Ctrl+C is SIGINT, as always)
 *   Ctrl+V, Ctrl+Shift+V                      paste (the browser's paste event, so bracketed paste applies)
 *   Ctrl+Z                                    undo at the host prompt (the worker decides; else SIGTSTP)
 *
 * On a Mac, Cmd+C / Cmd+V act the same, and Ctrl stays the terminal's.
 */
export type KeyAction = 'copy' | 'paste' | 'undo' | 'pass';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export function terminalKeyAction(e: KeyLike, hasSelection: boolean): KeyAction {
  if (e.altKey) return 'pass';
  const key = e.key.toLowerCase();
  if (e.metaKey && !e.ctrlKey) {
    if (key === 'c' && hasSelection) return 'copy';
    if (key === 'v') return 'paste';
    return 'pass';
  }
  if (!e.ctrlKey) return 'pass';
  if (key === 'c' && (hasSelection || e.shiftKey)) return 'copy';
  if (key === 'v') return 'paste';
  if (key === 'z' && !e.shiftKey) return 'undo';
  return 'pass';
}
