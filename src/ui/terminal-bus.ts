/**
 * The lesson panel types into the terminal through this: the terminal view registers how to send
 * keys and whether the foreground waits for a line. Typed text shows in the terminal as if the
 * learner had typed it.
 */
export const terminalBus = {
  send: (_data: string): void => {},
  awaitingInput: async (): Promise<boolean> => true,
  focus: (): void => {},
};

let markPrompt: () => void = () => {};
/**
 * Settles once the terminal has drawn its first prompt (text ending in `$ `): what is not needed to
 * reach it (the lessons' text, for one) is asked for after it, so the first download stays small.
 */
export const firstPrompt = new Promise<void>((r) => (markPrompt = r));
export function drewText(text: string): void {
  if (/[$#] $/.test(text)) markPrompt();
}

let painted: Promise<void> | undefined;
/**
 * Settles once the first prompt is on screen and the page has a quiet moment (or after 4 s: a
 * session restored with a program in the foreground shows no prompt): when what the first screen
 * does not need (the pictures, the lesson text renderer) starts loading, so its download and its
 * first render do not hold the prompt's frame back (issue 16).
 */
export function afterPrompt(): Promise<void> {
  return (painted ??= Promise.race([firstPrompt, new Promise<void>((r) => setTimeout(r, 4000))])
    .then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))))
    .then(() => new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 500 }) : setTimeout(r, 0)))));
}
