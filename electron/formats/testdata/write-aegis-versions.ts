import type { Token } from '../../../shared/otp-types';
import { aegisEntry } from '../aegis-db';
import type { Randomness } from '../aegis';
import type { JsonObject } from '../json-input';

/** Which group (if any) each canonical account is put in, to exercise group parsing. */
const GROUP_OF: Record<string, string | undefined> = {
  github: 'Work',
  aws: 'Work',
  vpn: 'Work',
  bank: 'Private',
};

/**
 * Aegis content objects of each db version, as Aegis wrote them over time (Vault.java, VaultEntry.java):
 * v1 — entries with type/uuid/name/issuer/icon/info only; v2 — adds note, favorite and `group` (a
 * name); v3 — top-level `groups: [{uuid, name}]` and `entry.groups: [uuid…]`, plus `icons_optimized`.
 */
export function aegisDbVersion(
  version: 1 | 2 | 3,
  tokens: readonly Token[],
  keys: readonly string[],
  random: Randomness,
): JsonObject {
  const groups = [...new Set(Object.values(GROUP_OF))].map((name) => ({
    uuid: random.uuid(),
    name: name ?? '',
  }));
  const entries = tokens.map((t, i) => {
    const { note, favorite, groups: _g, ...v1 } = aegisEntry(t, random.uuid);
    const group = GROUP_OF[keys[i] ?? ''];
    if (version === 1) return v1;
    if (version === 2) return { ...v1, note, favorite, ...(group === undefined ? {} : { group }) };
    return { ...v1, note, favorite, groups: groups.filter((g) => g.name === group).map((g) => g.uuid) };
  });
  if (version === 3) return { version, entries, groups, icons_optimized: true };
  return { version, entries };
}
