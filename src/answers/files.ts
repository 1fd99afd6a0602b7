/**
 * Where the answers live, in a module of its own: `bcp check` names these files before it
 * knows whether it must parse anything, and importing load.ts would load YAML and zod.
 */

export const DEFAULT_ANSWERS_FILE = 'answers/answers.yaml';

/** The example company's answers, kept beside the company's own for reference and for the unchanged-sample rule. */
export const EXAMPLE_ANSWERS_FILE = 'answers/example.yaml';
