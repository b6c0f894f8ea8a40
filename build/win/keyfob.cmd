@echo off
rem keyfob: Keyfob's command-line tool, installed as <install folder>\bin\keyfob.cmd (on the
rem user's PATH). The app runs the CLI itself (its RunAsNode fuse is off): --keyfob-cli selects
rem that mode and -- ends Chromium's switches. Keyfob.exe is a GUI program; started from a batch
rem file, cmd.exe waits for it, its output reaches this console and its exit code is returned.
setlocal
"%~dp0..\Keyfob.exe" --keyfob-cli -- %*
exit /b %ERRORLEVEL%
