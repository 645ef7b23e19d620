/** A parsed sed script: its commands with their addresses, and the error sed reports for a bad one. */

export type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp | null } | { k: 'step'; first: number; step: number } | { k: 'plus'; n: number };

export interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  c: string;
  /** s: pattern (null = the last one used), replacement, flags. */
  re?: RegExp | null;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  label?: string;
  code?: number;
  from?: string;
  to?: string;
  /** `{`: index of its `}`. */
  end?: number;
  /** Range state while running. */
  active?: boolean;
  rangeEnd?: number;
}

export class SedError extends Error {}
