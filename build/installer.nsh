; Additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The installer is per-user, so everything goes under HKCU and the user's own PATH.
; https://www.electron.build/nsis#custom-nsis-script

!include WinMessages.nsh

; otpauth:// and otpauth-migration:// links open Keyfob. electron-builder writes no URL-protocol
; keys for NSIS, so they are written here. `--` ends Chromium's switch parsing before the link,
; so a crafted link can never be read as a command-line switch.
!macro keyfobRegisterScheme SCHEME
  WriteRegStr HKCU "Software\Classes\${SCHEME}" "" "URL:${SCHEME}"
  WriteRegStr HKCU "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\${SCHEME}\DefaultIcon" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}",0'
  WriteRegStr HKCU "Software\Classes\${SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!macroend

; The `keyfob` command: $INSTDIR\bin holds keyfob.cmd. PowerShell edits the user's Path value in
; the registry as it is stored (REG_EXPAND_SZ, %VARIABLES% unexpanded, no length limit), adding or
; removing exactly that one folder; the folder reaches it in an environment variable, so no quoting
; of the path is involved.
!macro keyfobEditUserPath ACTION
  System::Call 'Kernel32::SetEnvironmentVariable(t "KEYFOB_BIN", t "$INSTDIR\bin")i'
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "\
    $$key = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey(\"Environment\"); \
    $$old = [string]$$key.GetValue(\"Path\", \"\", \"DoNotExpandEnvironmentNames\"); \
    $$dirs = @($$old.Split(\";\") | Where-Object { $$_ -ne \"\" -and $$_ -ne $$env:KEYFOB_BIN }); \
    if (\"${ACTION}\" -eq \"add\") { $$dirs += $$env:KEYFOB_BIN }; \
    $$key.SetValue(\"Path\", ($$dirs -join \";\"), \"ExpandString\")"'
  Pop $0
  ; Tell running programs (Explorer, new terminals) that the environment changed.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  !insertmacro keyfobRegisterScheme "otpauth"
  !insertmacro keyfobRegisterScheme "otpauth-migration"
  !insertmacro keyfobEditUserPath "add"
!macroend

; An update runs the old uninstaller first: keep the links and PATH entry then. The vault (the
; account list in %APPDATA%\Keyfob and the keys in Credential Manager) is never touched here;
; electron-builder's --delete-app-data uninstaller flag removes the account list when asked.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegKey HKCU "Software\Classes\otpauth"
    DeleteRegKey HKCU "Software\Classes\otpauth-migration"
    !insertmacro keyfobEditUserPath "remove"
  ${endIf}
!macroend
