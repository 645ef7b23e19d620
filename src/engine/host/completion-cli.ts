/**
 * What tab completion reads from the CLI (its command tree, shortcuts and Compose's verbs), in one
 * module that completion.ts loads at the first Tab: it is a chunk of its own in the worker build,
 * out of what loads before the prompt (issue 16).
 */
export { buildTree, findChild, globalFlags } from '../../cli/framework/root';
export { SHORTCUTS } from '../../cli/commands/shortcuts';
export { default as COMPOSE_VERBS } from '../../cli/compose/verbs.json';
