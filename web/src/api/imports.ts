import type { z } from 'zod';
import type { ImportDomainBody, ImportedWorkspace } from '../../../src/schema/api/import.js';
import { api } from './client.js';

export type { ImportedWorkspace };

/** A new workspace from a GENIUS, GeniusWeb or NegMAS domain and its profiles (text files). */
export function importDomain(body: z.input<typeof ImportDomainBody>): Promise<ImportedWorkspace> {
  return api.send<ImportedWorkspace>('POST', '/api/workspaces/import', body);
}
