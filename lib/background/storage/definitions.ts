import { type ProviderDefinition, definitionSchema } from '../../shared/custom/definition';
import { createLock } from '../lock';
import type { StorageProblem } from '../../shared/model';
import { createRegistry, type Registry } from '../providers/registry';
import { firstIssue } from '../../shared/zod-issues';
import { definitionsItem } from './items';
import { t } from '../../shared/i18n';

// User-defined providers: data only, validated on every read like the accounts.
const withLock = createLock();

async function readEntries(): Promise<unknown[]> {
  const value = await definitionsItem.getValue();
  return Array.isArray(value) ? [...value] : [];
}

export const definitionsStore = {
  async read(): Promise<{ definitions: ProviderDefinition[]; problems: StorageProblem[] }> {
    const definitions: ProviderDefinition[] = [];
    const problems: StorageProblem[] = [];
    (await readEntries()).forEach((entry, index) => {
      const parsed = definitionSchema.safeParse(entry);
      if (parsed.success) definitions.push(parsed.data);
      else
        problems.push({
          key: `definition ${index + 1}`,
          message: t('background.definitionDamaged', { number: index + 1, issue: firstIssue(parsed.error) }),
        });
    });
    return { definitions, problems };
  },

  /** The id of every stored definition, readable or not. */
  async storedIds(): Promise<string[]> {
    return (await readEntries()).map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
  },

  /** Adds the definition, or replaces the one with its id. */
  save(definition: ProviderDefinition): Promise<void> {
    return withLock(async () => {
      const entries = await readEntries();
      const index = entries.findIndex((e) => (e as { id?: unknown } | null)?.id === definition.id);
      if (index === -1) entries.push(definition);
      else entries[index] = definition;
      await definitionsItem.setValue(entries);
    });
  },

  remove(id: string): Promise<boolean> {
    return withLock(async () => {
      const entries = await readEntries();
      const kept = entries.filter((e) => (e as { id?: unknown } | null)?.id !== id);
      await definitionsItem.setValue(kept);
      return kept.length !== entries.length;
    });
  },
};

export async function loadRegistry(): Promise<Registry> {
  return createRegistry((await definitionsStore.read()).definitions);
}
