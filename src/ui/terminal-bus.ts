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
