import { readSecretServiceItems } from '../../electron/vault/secret-service/read-all';
import { startFakeBus } from '../../test-support/secret-service/fake-bus';
import { WRONG_ANSWERS } from '../../test-support/secret-service/hostile-answers';
import { connectDbusNext } from './dbus-next-bus';

// One process per wrong answer and client (`hostile.js <index> built-in|dbus-next <timeout ms>`):
// the batch read against a fake bus giving that answer. Prints {"items": null | count, "ms"} — or
// nothing, when the client crashes the process or never returns (the parent kills it).
const wrong = WRONG_ANSWERS[Number(process.argv[2])];
const client = process.argv[3];
const timeoutMs = Number(process.argv[4]);
if (wrong !== undefined) {
  void (async () => {
    const bus = await startFakeBus(
      [{ service: 'hostile', account: 'id-1', secret: 'JBSWY3DPEHPK3PXP' }],
      wrong.handlers,
      wrong.auth,
    );
    process.env.DBUS_SESSION_BUS_ADDRESS = bus.address;
    const t0 = performance.now();
    const items = await readSecretServiceItems('hostile', {
      timeoutMs,
      ...(client === 'dbus-next' ? { connect: connectDbusNext } : {}),
    });
    console.log(JSON.stringify({ items: items?.size ?? null, ms: Math.round(performance.now() - t0) }));
    await bus.close();
  })();
}
