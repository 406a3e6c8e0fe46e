import type { ProtectedStore } from '../platform/security/protected-fields.ts';

/** What a rotation found once it was done: the values per key, and the keyring's keys nothing uses. */
export interface RotationReport {
  current: string;
  use: Record<string, number>;
  unused: string[];
}

/**
 * Seals every protected value again under the current key (each store skips
 * what already is: an interrupted run resumes by running again), reporting
 * progress through `say`, then counts which keys the values use and names the
 * keyring's keys that nothing uses any more: only those may be removed.
 */
export async function rotateDataKeys(
  stores: ProtectedStore[],
  keyring: { current: string; keyIds: string[] },
  say: (line: string) => void,
  options: { checkOnly?: boolean } = {},
): Promise<RotationReport> {
  if (!options.checkOnly) {
    say(`Sealing every protected value under the current key "${keyring.current}"…`);
    for (const store of stores)
      await store.rotateKeys(({ collection, scanned, resealed }) =>
        say(`  ${collection}: ${scanned} scanned, ${resealed} sealed again`),
      );
  }
  const use: Record<string, number> = {};
  for (const store of stores) for (const [id, n] of Object.entries(await store.keyUse())) use[id] = (use[id] ?? 0) + n;
  const unused = keyring.keyIds.filter((id) => id !== keyring.current && !use[id]);
  say(
    `Values per key: ${
      Object.entries(use)
        .map(([id, n]) => `${id} ${n}`)
        .join(', ') || 'none stored yet'
    }.`,
  );
  const stale = Object.keys(use).filter((id) => id !== keyring.current);
  if (stale.length)
    say(
      `Still in use: ${stale.join(', ')}. Keep ${stale.length > 1 ? 'them' : 'it'}; run this again once every API process runs with the current key.`,
    );
  if (unused.length)
    say(`Nothing uses ${unused.join(', ')} any more: ${unused.length > 1 ? 'they' : 'it'} may be removed from DATA_KEYS.`);
  return { current: keyring.current, use, unused };
}
