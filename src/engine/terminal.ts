/**
 * The one entry the browser terminal and the headless runner share. Keystrokes go in as the bytes a
 * terminal sends (`\r` for Enter, `\x03` for Ctrl-C, `\x1b[A` for Up); what comes out is what the
 * terminal must show, with `\r\n` line ends and ANSI escapes, exactly as a pty would deliver it.
 */
export interface TerminalSession {
  /** Bytes typed by the user. */
  input(data: string): void;
  /** Subscribe to screen output; returns an unsubscribe function. */
  onOutput(fn: (data: string) => void): () => void;
  resize(cols: number, rows: number): void;
  /**
   * The screen has drawn `chars` more characters of the output. A screen that reports this gets
   * flow control: programs writing to the terminal wait while it is far behind (process/screen-gate.ts).
   */
  drawn(chars: number): void;
  /**
   * True when the foreground is blocked reading a line from the user: the host prompt, a container
   * shell's prompt after `docker run -it`, or `cat` reading the terminal. The headless runner types
   * the next line when this is true (after letting virtual time run out any sleeps otherwise).
   */
  awaitingInput(): boolean;
  /** True when the host's login shell shows its prompt (not a program, not a container's shell). */
  atHostPrompt(): boolean;
  /** Each line a line editor on this terminal accepted (the host shell's and nested bash's). */
  onLine(fn: (line: string) => void): () => void;
  /** End the session (the host shell gets SIGHUP). */
  close(): void;
}
