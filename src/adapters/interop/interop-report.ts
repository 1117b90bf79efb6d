import type { InteropFormat, InteropReport } from '../../app/interop-types.js';

export {
  type ExportedFile,
  type ExportResult,
  type ImportOptions,
  type ImportResult,
  INTEROP_FORMATS,
  type InteropFormat,
  type InteropReport,
} from '../../app/interop-types.js';

export function newReport(format: InteropFormat): InteropReport {
  return { format, losses: [], notes: [] };
}
