import { readSecretServiceItems } from '../../electron/vault/secret-service/read-all';
import { runSample } from './sample';

// One cold-process sample: the batch read over Keyfob's built-in D-Bus client.
runSample(({ service, indexFile }) => readSecretServiceItems(service, { indexFile }));
