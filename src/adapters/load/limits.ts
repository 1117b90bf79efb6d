/** Largest scenario file read, in bytes (10 MiB): far above any real scenario, small enough to fail fast. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Deepest nesting of lists and mappings accepted; real scenarios stay under 15. */
export const MAX_NESTING_DEPTH = 64;

/**
 * yaml's guard against alias bombs (aliases of aliases expanding exponentially): it stops when
 * alias expansions times the aliases inside the expanded node exceed this.
 */
export const MAX_ALIAS_COUNT = 100;
