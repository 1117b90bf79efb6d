import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/adapters/interop/detect-format.js';
import { importPath } from '../../src/adapters/interop/import-path.js';
import { nodeFiles } from '../../src/adapters/interop/node-files.js';
import { DOMAINS_DIR, SKIP_MESSAGE } from './negotiation-domains.js';

describe.skipIf(!DOMAINS_DIR)(DOMAINS_DIR ? 'format detection and pairing' : SKIP_MESSAGE, () => {
  const dir = (name: string) => join(DOMAINS_DIR as string, name);

  it('pairs a folder by content and lists the files it skipped', () => {
    const anac = detectFormat(nodeFiles, dir('ANAC2014-10issues-nonlinear'));
    expect(anac.format).toBe('genius');
    expect(anac.domain).toBe(join(dir('ANAC2014-10issues-nonlinear'), '10issues-domain.xml'));
    expect(anac.profiles.map((p) => p.split(/[\\/]/).pop())).toEqual(['profile-1.xml', 'profile-2.xml']);
    expect(anac.ignored).toEqual([{ file: 'pareto.xml', reason: 'not XML' }]);
    const anl = detectFormat(nodeFiles, dir('ANL2023-domain00-json'));
    expect(anl.format).toBe('geniusweb');
    expect(anl.ignored.map((i) => i.file)).toEqual(['specials.json']);
    expect(detectFormat(nodeFiles, dir('EnglandZimbabwe-negmas-yaml')).format).toBe('negmas');
  });

  it('a domain file brings its profiles; a profile file brings its domain', () => {
    const folder = dir('EnglandZimbabwe');
    const byDomain = importPath(join(folder, 'EnglandZimbabwe_domain.xml'));
    expect(byDomain.scenario.parties.map((p) => p.id)).toEqual(['England', 'Zimbabwe']);
    const byProfile = importPath(join(folder, 'Zimbabwe.xml'));
    expect(byProfile.scenario.parties.map((p) => p.id)).toEqual(['Zimbabwe']);
    expect(byProfile.scenario.preferences[0]).toEqual(byDomain.scenario.preferences[1]);
    const webProfile = importPath(join(dir('Jobs-geniusweb-json'), 'jobsprofileB.json'));
    expect(webProfile.scenario.issues.length).toBe(6);
  });
});
