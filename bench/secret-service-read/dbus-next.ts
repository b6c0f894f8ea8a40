import { readSecretServiceItems } from '../../electron/vault/secret-service/read-all';
import { connectDbusNext } from './dbus-next-bus';
import { runSample } from './sample';

// One cold-process sample: the same batch read, its calls carried by dbus-next.
runSample(({ service, indexFile }) =>
  readSecretServiceItems(service, { indexFile, connect: connectDbusNext }),
);
