import type { ConcernHandlers, HandlerContext } from './handlers';

/** The settings channels: read and change the user's preferences. */
export const settingsChannels = ({ settings }: HandlerContext) =>
  ({
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
  }) satisfies ConcernHandlers;
