import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { clients } from '../../../lib/background/providers';
import { providerIds } from '../../../lib/shared/providers';
import { createMocks } from '../../mock-providers/index';
import { planProvider, providerParts } from '../../build/new-provider';

// A provider is one unit: its descriptor, its client, a mock of its API, a recorded answer and
// its tests. `npm run new-provider` makes them all; this fails while any part is missing.
describe.each(providerIds)('provider %s', (id) => {
  it('has every part', () => {
    expect(providerParts(id).filter((part) => !fs.existsSync(part))).toEqual([]);
    expect(clients[id]).toBeDefined();
    expect(Object.keys(createMocks())).toContain(id);
  });
});

describe('the registries', () => {
  it('pair each descriptor with one client, and nothing else', () => {
    expect(Object.keys(clients).sort()).toEqual([...providerIds].sort());
  });
});

describe('npm run new-provider', () => {
  const { files, edits } = planProvider('hr-portal', 'HR Portal');

  it('plans every part the completeness check asks for, as valid TypeScript', () => {
    expect(files.map((f) => f.path)).toEqual(providerParts('hr-portal'));
    for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
      const { diagnostics } = ts.transpileModule(file.content, {
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext },
      });
      expect(diagnostics, file.path).toEqual([]);
    }
  });

  it('registers the provider in each registry, after the last import and inside the list', () => {
    for (const edit of edits) {
      const current = fs.readFileSync(edit.path, 'utf8');
      const updated = edit.apply(current);
      const added = updated.split('\n').filter((line) => !current.split('\n').includes(line));
      expect(added, edit.path).toHaveLength(2);
      expect(added[0]).toMatch(/^import \{ \w+ \} from '\.\/hr-portal';$/);
      expect(added[1]).toMatch(/^\s+'hr-portal': /);
      // Applying it twice adds nothing more.
      expect(edit.apply(updated)).toBe(updated);
    }
  });
});
