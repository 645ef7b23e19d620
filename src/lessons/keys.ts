/** `<C-p><C-q>x` → the bytes a terminal sends (the `@keys` directive of solutions and transcripts). */
const KEYS: Record<string, string> = {
  'C-a': '\x01', 'C-b': '\x02', 'C-c': '\x03', 'C-d': '\x04', 'C-e': '\x05', 'C-k': '\x0b',
  'C-l': '\x0c', 'C-p': '\x10', 'C-q': '\x11', 'C-r': '\x12', 'C-u': '\x15', 'C-w': '\x17', 'C-z': '\x1a',
  'C-\\': '\x1c', Tab: '\t', Enter: '\r', Esc: '\x1b', BS: '\x7f', Backspace: '\x7f',
  Up: '\x1b[A', Down: '\x1b[B', Right: '\x1b[C', Left: '\x1b[D', Home: '\x1b[H', End: '\x1b[F', Del: '\x1b[3~',
};

export function parseKeys(spec: string): string {
  return spec.replace(/<([^<>]+)>/g, (whole, name: string) => KEYS[name] ?? whole);
}
