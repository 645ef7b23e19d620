/**
 * The Dockerfile syntax tree, shaped like BuildKit's `parser.Node` (frontend/dockerfile/parser)
 * so the fixtures' `result` dumps compare one to one. Produced by `parse()` in ./parser.ts and read
 * by the builder (../builder.ts).
 */
export interface Heredoc {
  /** The delimiter word, quotes removed (`EOF`). */
  name: string;
  /** The body as written, line endings kept; `<<-` tabs are still there (chompHeredocContent). */
  content: string;
  /** False when any part of the delimiter was quoted: then `$v` in the body stays as written. */
  expand: boolean;
  /** `<<-`: leading tabs of the body's lines are removed when it is used. */
  chomp: boolean;
  /** `3<<EOF` gives 3; 0 when not written (stdin for RUN). */
  fileDescriptor: number;
}

export interface Node {
  /**
   * The instruction keyword, lower-cased (`from`, `run` …; BuildKit keeps the case and lower-cases
   * in Dump), or one word of its arguments, quotes kept.
   */
  value: string;
  /** The next argument word (a linked list, as in BuildKit). */
  next?: Node;
  /** Top level: one child per instruction. ONBUILD: its nested instruction. */
  children: Node[];
  heredocs: Heredoc[];
  /** The `--flag=value` words before the arguments, quotes removed and escapes applied. */
  flags: string[];
  /** `json: true` when the arguments were a JSON array. */
  attributes: { json?: boolean };
  /** The instruction as written, continuation lines joined. */
  original: string;
  startLine: number;
  endLine: number;
  /** The comment lines right above the instruction (`#` and surrounding blanks removed). */
  prevComment?: string[];
}

/** BuildKit's parser.Warning (today only "Empty continuation line found in: …"). */
export interface ParseWarning {
  short: string;
  detail?: string[];
  url?: string;
  /** 1-based line the warning points at (BuildKit: the last line of the instruction). */
  line: number;
}

export interface ParseResult {
  /** The root: no value, one child per instruction, spanning the first to the last instruction. */
  ast: Node;
  escapeToken: string;
  warnings: ParseWarning[];
}

/** A parse failure with BuildKit's message and the 1-based line it points at. */
export class DockerfileParseError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'DockerfileParseError';
  }
}
