/** The input formats `parley forecast` reads; apart from the command so that the CLI can list them without loading it. */
export const INPUT_FORMATS = ['auto', 'scenario', 'ktab', 'csv'] as const;
