/**
 * Soft keys for phones, whose keyboards have no Tab, Ctrl or arrows. The Ctrl key is sticky: it
 * turns the next letter typed into its control character (Ctrl then C sends ^C), as the extra-keys
 * rows of mobile terminal apps do.
 */
export const softKeys = $state({ ctrl: false });

export function applyCtrl(data: string): string {
  if (!softKeys.ctrl || data.length !== 1) return data;
  softKeys.ctrl = false;
  const c = data.toLowerCase().charCodeAt(0);
  if (c >= 97 && c <= 122) return String.fromCharCode(c - 96);
  if (data === '[') return '\x1b';
  if (data === '\\') return '\x1c';
  return data;
}
