import { keytarSecretStore } from '../../electron/vault/keytar-store';
import { runSample } from './sample';

// One cold-process sample: keytar item by item, as the vault reads without the batch — the first
// read alone (it would show a locked keychain), then the rest in parallel.
runSample(async ({ service, ids }) => {
  const store = keytarSecretStore(service);
  const [first, ...rest] = ids;
  const items = new Map<string, string>();
  if (first === undefined) return items;
  const firstSecret = await store.get(first);
  const secrets = [firstSecret, ...(await Promise.all(rest.map((id) => store.get(id))))];
  ids.forEach((id, i) => {
    const secret = secrets[i];
    if (typeof secret === 'string') items.set(id, secret);
  });
  return items;
});
