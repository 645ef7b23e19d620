/**
 * The Dockerfile syntax tree, shaped like BuildKit's `parser.Node` (frontend/dockerfile/parser)
 * so the fixtures' `result` dumps compare one to one. Produced by `parse()` in ./parser.ts and read
 * by the builder (../instructions.ts turns each child into a typed instruction).
 */
export interface Heredoc {
  name: string;
  content: string;
  expand: boolean;
  chomp: boolean;
}

export interface Node {
  /** The instruction keyword, lower-cased (`from`, `run` …), or one word of its arguments. */
  value: string;
  /** The next argument word (a linked list, as in BuildKit). */
  next?: Node;
  /** Top level: one child per instruction. ONBUILD: its nested instruction. */
  children: Node[];
  heredocs: Heredoc[];
  /** `--flag=value` words before the arguments, as written. */
  flags: string[];
  /** `json: true` when the arguments were a JSON array. */
  attributes: { json?: boolean };
  /** The instruction as written, continuation lines joined. */
  original: string;
  startLine: number;
  endLine: number;
  /** The `# escape=` token in force. */
  prevComment?: string[];
}

export interface ParseWarning {
  short: string;
  detail?: string[];
  url?: string;
  line: number;
}

export interface ParseResult {
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
