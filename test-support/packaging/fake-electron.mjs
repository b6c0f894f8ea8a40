// Test double for the `electron` module, preloaded with `node --import` so the built
// out/main/index.js can start under plain Node and show how it dispatches its command line.
// It offers only what the launch checks and the command-line mode use; anything else the
// desktop start-up would touch throws, so reaching the desktop path is a visible failure.
import Module from 'node:module';

const end = process.argv.indexOf('--');
const switches = (end === -1 ? process.argv : process.argv.slice(0, end))
  .filter((arg) => arg.startsWith('--'))
  .map((arg) => arg.slice(2).split('=')[0]);

const app = {
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  commandLine: { hasSwitch: (name) => switches.includes(name) },
  dock: undefined,
  setPath: () => undefined,
  exit: (code) => process.exit(code),
};
const unavailable = (name) => () => {
  throw new Error(`fake electron: ${name} is not available here`);
};
const fakeApp = new Proxy(app, {
  get: (target, key) => (key in target ? target[key] : unavailable(`app.${String(key)}`)),
});
const fake = new Proxy({ app: fakeApp }, { get: (target, key) => (key in target ? target[key] : {}) });

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};
