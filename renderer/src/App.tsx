import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountView } from '../../shared/ipc/shapes';
import { AccountList } from './components/AccountList';
import { call, errorData } from './bridge';
import { ConfirmDeleteDialog } from './components/ConfirmDeleteDialog';
import { EditDialog } from './components/EditDialog';
import { EmptyState } from './components/EmptyState';
import { Header } from './components/Header';
import { ManualEntryDialog } from './components/ManualEntryDialog';
import { ScanDialog } from './components/ScanDialog';
import { RowMenu } from './components/RowMenu';
import { ReplaceKeyDialog } from './components/ReplaceKeyDialog';
import { ShowQrDialog } from './components/ShowQrDialog';
import { Toasts } from './components/Toasts';
import { RecoveryNotice } from './components/RecoveryNotice';
import { SettingsDialog } from './components/settings/SettingsDialog';
import { SettingsNotice } from './components/SettingsNotice';
import { VaultBanner } from './components/VaultBanner';
import { useAccountActions } from './hooks/useAccountActions';
import { useAccountSearch } from './hooks/useAccountSearch';
import { useBackupDialogs } from './hooks/useBackupDialogs';
import { BackupDialogs } from './components/BackupDialogs';
import { BackupReminder } from './components/BackupReminder';
import { ClockBanner } from './components/ClockBanner';
import { useCodes } from './hooks/useCodes';
import { useGlobalKeys } from './hooks/useGlobalKeys';
import { useKeyReplacements } from './hooks/useKeyReplacements';
import { useOpenedScan } from './hooks/useOpenedScan';
import { useSearchFocusRequest } from './hooks/useSearchFocusRequest';
import { useSettings } from './hooks/useSettings';
import { useTrayPins } from './hooks/useTrayPins';
import { useWindowCommands } from './hooks/useWindowCommands';
import { UNDO_DELETE_MS, usePendingDeletes } from './hooks/usePendingDeletes';
import { useToasts } from './hooks/useToasts';
import { useVault } from './hooks/useVault';
import { markFilterStart, markPainted } from './lib/perf';
import { replacedText, scanSummary } from './lib/save-summary';
import { accountTitle } from '../../shared/account-name';

type Modal =
  | { kind: 'scan' }
  | { kind: 'add' }
  | { kind: 'edit'; account: AccountView }
  | { kind: 'delete'; account: AccountView }
  | { kind: 'replace-key'; account: AccountView }
  | { kind: 'qr'; account: AccountView; image: string }
  | { kind: 'settings' }
  | null;

const NO_ACCOUNTS: AccountView[] = [];

/** The accounts screen: header, vault banner, the list (or empty state), dialogs and toasts. */
export function App() {
  const vault = useVault();
  const { codes, unavailable, refresh: refreshCodes } = useCodes(vault.version, vault.accounts !== null);
  const { toasts, show: showToast, dismiss } = useToasts();
  const [query, setQuery] = useState('');
  const [modal, setModal] = useState<Modal>(null);
  // The row menu: its account, its button, and when it opened (whether a replaced key can still be restored).
  const [menu, setMenu] = useState<{ id: string; anchor: HTMLElement; atMs: number } | null>(null);
  // A row to focus once it is on screen; given up if a list loaded after the request lacks it.
  const [focusReq, setFocusReq] = useState<{ id: string; version: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const version = vault.version;
  const setFocusId = useCallback(
    (id: string | null) => setFocusReq(id === null ? null : { id, version }),
    [version],
  );

  const onDeleteFailed = useCallback(
    (e: { message: string }) => showToast({ message: e.message, tone: 'error', durationMs: 6_000 }),
    [showToast],
  );
  const deletes = usePendingDeletes(vault.reload, onDeleteFailed);
  const all = vault.accounts ?? NO_ACCOUNTS;
  const listed = useMemo(() => all.filter((a) => !deletes.pending.has(a.id)), [all, deletes.pending]);
  const { visibleIds } = useAccountSearch(listed, query);

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  const requestSearch = useSearchFocusRequest(searchRef, vault.accounts !== null);
  const clearSearch = useCallback(() => {
    if (query === '') return false;
    markFilterStart();
    setQuery('');
    return true;
  }, [query]);
  const backup = useBackupDialogs(version, showToast);
  const keys = useKeyReplacements({
    putAccount: vault.putAccount,
    reload: vault.reload,
    refreshCodes,
    showToast,
  });
  const prefs = useSettings();
  const openSettings = useCallback(() => setModal({ kind: 'settings' }), []);
  useGlobalKeys(searchRef, modal !== null || backup.open !== null, openSettings);
  // Links and the tray's screen scan open the Scan dialog on what they found; the tray and the
  // global shortcut ask for Settings, the search field, or an error to be shown. Commands given
  // while Keyfob was locked (or before this mounted) are carried out as it mounts.
  const links = useOpenedScan(() => setModal((m) => (m?.kind === 'scan' ? m : { kind: 'scan' })));
  useWindowCommands({
    'focus-search': () => {
      if (modal === null && backup.open === null) requestSearch();
    },
    settings: openSettings,
    scan: () => void links.take(),
    'scan-screen': () => void links.screens(),
    notice: ({ message }) => showToast({ message, tone: 'error', durationMs: 6_000 }),
  });
  const pins = useTrayPins(prefs, showToast);

  const { actions, busy } = useAccountActions({
    all,
    visibleIds,
    reorder: vault.reorder,
    refreshCodes,
    showToast,
    openMenu: (id, anchor) => setMenu({ id, anchor, atMs: Date.now() }),
    edit: (account) => setModal({ kind: 'edit', account }),
    remove: (account) => setModal({ kind: 'delete', account }),
    clearSearch,
    focusSearch,
  });

  const confirmDelete = (account: AccountView) => {
    const at = visibleIds.indexOf(account.id);
    setFocusId(visibleIds[at + 1] ?? visibleIds[at - 1] ?? null);
    setModal(null);
    deletes.schedule(account.id);
    showToast({
      message: `Deleted ${accountTitle(account)}`,
      durationMs: UNDO_DELETE_MS,
      action: { label: 'Undo', run: () => deletes.undo(account.id) && setFocusId(account.id) },
    });
  };

  const saved = (account: AccountView, verb: string) => {
    setModal(null);
    setFocusId(account.id);
    void vault.reload();
    showToast({ message: `${verb} ${accountTitle(account)}` });
  };

  // "Show QR…": main asks with a native dialog first; a refusal (null) just leaves things as they were.
  const showQr = async (account: AccountView) => {
    try {
      const reveal = await call('accounts:show-qr', account.id);
      if (reveal !== null) setModal({ kind: 'qr', account, image: reveal.image });
    } catch (e) {
      showToast({ message: errorData(e).message, tone: 'error', durationMs: 6_000 });
    }
  };

  // A key replaced (scan, form, row menu): the row shows its new code, the toast offers Undo.
  const replaced = (account: AccountView) => {
    setModal(null);
    setFocusId(account.id);
    keys.announce([account], { message: replacedText([account]) ?? '' });
  };

  // Focus a row once it is on screen (after add, undo, or a neighbour's deletion); each request
  // is served once, by the row or, when its account is gone, by the search field.
  const served = useRef<typeof focusReq>(null);
  useEffect(() => {
    if (focusReq === null || focusReq === served.current || modal !== null) return;
    const row = document.querySelector<HTMLElement>(
      `[data-row-id="${CSS.escape(focusReq.id)}"]:not([hidden])`,
    );
    if (row) {
      served.current = focusReq;
      row.focus();
    } else if (version > focusReq.version && !all.some((a) => a.id === focusReq.id)) {
      served.current = focusReq;
      searchRef.current?.focus();
    }
  }, [focusReq, modal, listed, all, version]);

  useEffect(() => {
    if (listed.length > 0) markPainted('list');
    if (codes.size > 0) markPainted('codes');
  }, [listed.length, codes.size]);

  const menuAccount = menu ? all.find((a) => a.id === menu.id) : undefined;
  const loaded = vault.accounts !== null;

  return (
    <div className={prefs.settings?.blurCodes === true ? 'app blur-codes' : 'app'}>
      <Header
        ref={searchRef}
        query={query}
        onQuery={(q) => {
          markFilterStart();
          setQuery(q);
        }}
        onLeaveSearch={() => setFocusId(visibleIds[0] ?? null)}
        onAdd={(method) => setModal(method === 'scan' ? { kind: 'scan' } : { kind: 'add' })}
        showSearch={listed.length > 0 || query !== ''}
        onBackup={backup.start}
        canExport={all.length > 0}
        onSettings={openSettings}
      />
      <main className="content">
        {vault.status && !vault.status.ok && <VaultBanner error={vault.status.error} onRetry={vault.retry} />}
        <RecoveryNotice lines={vault.status?.ok ? vault.status.recovered : []} />
        {prefs.status?.notice && (
          <SettingsNotice
            message={prefs.status.notice}
            onOpenSettings={openSettings}
            onKeep={() => void prefs.update({}).catch(() => undefined)}
          />
        )}
        {vault.listError && (vault.status?.ok ?? true) && (
          <VaultBanner error={vault.listError} onRetry={vault.retry} />
        )}
        <ClockBanner
          onCodesMoved={refreshCodes}
          setCorrectedTime={(useCorrectedTime) => prefs.update({ useCorrectedTime })}
        />
        {backup.remind && (
          <BackupReminder onExport={() => backup.start('export')} onDismiss={backup.dismissReminder} />
        )}
        {loaded && listed.length === 0 && !vault.listError && (
          <EmptyState onAdd={() => setModal({ kind: 'add' })} />
        )}
        {listed.length > 0 && (
          <AccountList
            accounts={listed}
            visibleIds={visibleIds}
            revealId={focusReq?.id ?? null}
            codes={codes}
            unavailable={unavailable}
            busy={busy}
            actions={actions}
          />
        )}
        {listed.length > 0 && visibleIds.length === 0 && (
          <p className="no-match" role="status">
            No accounts match “{query}”.
          </p>
        )}
      </main>
      {menu && menuAccount && (
        <RowMenu
          account={menuAccount}
          anchor={menu.anchor}
          openedAtMs={menu.atMs}
          at={visibleIds.indexOf(menu.id)}
          count={visibleIds.length}
          pinLabel={pins.label(menuAccount)}
          onClose={() => setMenu(null)}
          run={{
            copy: () => actions.copy(menu.id),
            edit: () => actions.edit(menu.id),
            replaceKey: () => setModal({ kind: 'replace-key', account: menuAccount }),
            restoreKey: () => void keys.restore([menuAccount]),
            showQr: () => void showQr(menuAccount),
            togglePin: () => pins.toggle(menuAccount),
            move: (delta) => actions.move(menu.id, delta),
            remove: () => actions.remove(menu.id),
          }}
        />
      )}
      {modal?.kind === 'add' && (
        <ManualEntryDialog
          onSaved={(a) => saved(a, 'Added')}
          onReplaced={replaced}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'scan' && (
        <ScanDialog
          opened={links.opened}
          onSaved={(r) => {
            setModal(null);
            links.clear();
            void vault.reload();
            const first = r.added[0] ?? r.replaced[0];
            if (first) setFocusId(first.id);
            keys.announce(r.replaced, { message: scanSummary(r) });
          }}
          onClose={() => {
            setModal(null);
            links.clear();
          }}
        />
      )}
      {modal?.kind === 'settings' && <SettingsDialog state={prefs} onClose={() => setModal(null)} />}
      {modal?.kind === 'edit' && (
        <EditDialog
          account={modal.account}
          onSaved={(a) => {
            vault.putAccount(a);
            saved(a, 'Saved');
          }}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'qr' && (
        <ShowQrDialog account={modal.account} image={modal.image} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'replace-key' && (
        <ReplaceKeyDialog account={modal.account} onSaved={replaced} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'delete' && (
        <ConfirmDeleteDialog
          account={modal.account}
          onConfirm={() => confirmDelete(modal.account)}
          onClose={() => setModal(null)}
        />
      )}
      <BackupDialogs
        state={backup}
        accounts={all}
        reload={() => void vault.reload()}
        showToast={showToast}
        announce={keys.announce}
      />
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
