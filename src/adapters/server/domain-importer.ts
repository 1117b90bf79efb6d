import { importDomain } from '../../app/import-domain.js';
import type { DomainImporter } from '../../server/http/routes/import-routes.js';
import { InteropError } from '../interop/interop-error.js';
import { interopPort } from '../interop/interop-port.js';

/** The server's GENIUS, GeniusWeb and NegMAS import: the import use case on files held in memory. */
export const domainImporter: DomainImporter = {
  async read(files, options) {
    try {
      const { scenario, report } = await importDomain(
        { files: files.map((f) => ({ path: f.path, text: f.text })), options },
        { interop: interopPort },
      );
      return { ok: true, scenario, report };
    } catch (error) {
      if (error instanceof InteropError)
        return { ok: false, problem: { file: error.file, message: error.detail } };
      throw error;
    }
  },
};
