import { INTEROP_FORMATS } from '../../interop/interop-report.js';

/** The formats `parley export` writes; apart from the command so that the CLI can list them without loading it. */
export const EXPORT_FORMATS = [...INTEROP_FORMATS, 'gmcr'] as const;
