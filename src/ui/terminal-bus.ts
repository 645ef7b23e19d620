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
