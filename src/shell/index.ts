/** The shell language shared by the host and containers. See README.md. */
export { shPrograms, shellProgram } from './programs';
export { ShellSession, runScript } from './session';
export { Shell, type ForkingSystem } from './shell';
export { parse, ParseError } from './parser';
export { LineEditor, ttyOf, type TtyHandle, type ReadResult, type Completer } from './readline';
export { CompletionTable, completeLine, paths as completePaths, type ArgCompleter, type ArgCompletion, type ArgCompletionRequest, type LineCompletion } from './complete';
export { FLAVOURS, type FlavourName } from './flavour';
