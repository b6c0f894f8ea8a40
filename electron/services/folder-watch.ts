import { watch, type FSWatcher } from 'node:fs';

/** A stoppable watch. */
export interface FolderWatch {
  close(): void;
}

/**
 * Files whose changes never matter to the account list: ours, the lock and its waiting tickets and
 * breaker (`accounts.json.lock.wait-<nonce>`, `….lock.break`), and editors' scratch files.
 */
const IGNORED = /^(settings\.json|window-state\.json)$|\.(tmp|lock)$|\.lock\.(break|wait-[0-9a-f]+)$|^\.|~$/u;

/**
 * Calls `onChange` once things settle (`debounceMs` after the last event) whenever a file in
 * `folder` changes. Renames count: the vault writes its metadata by renaming a temp file over it.
 * Watch failures (folder removed, inotify limits) stop the watch quietly — the list then simply
 * refreshes on the next action instead of live.
 */
export function watchFolder(folder: string, onChange: () => void, debounceMs = 200): FolderWatch {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | null = null;
  const close = (): void => {
    clearTimeout(timer);
    watcher?.close();
    watcher = null;
  };
  try {
    watcher = watch(folder, { persistent: false }, (_event, filename) => {
      if (filename !== null && IGNORED.test(filename)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', close);
  } catch {
    console.warn('[keyfob] cannot watch the vault folder; outside changes show after the next action');
  }
  return { close };
}
