#!/usr/bin/env bash
# The Windows lane: Bun's own Windows build (npm @oven/bun-windows-x64) runs `bun test` under Wine
# against Wine's Winsock. Idempotent: installs what is missing (Debian's wine64 and mingw-w64 through
# apt-get, the bun.exe tarball through npm), builds the ProcessPrng stub DLL from tools/wine, prepares
# a private Wine prefix under .cache/wine, then runs
#
#     bun.exe test tools/wine/smoke.test.ts        (always, the lane's own gate)
#     bun.exe test <args>                          (when arguments are given, passed through as is)
#
# from the repository root. Works as root on a fresh Debian 12 with only apt and npm reachable.
#
# Environment knobs:
#   WINDOWS_LANE_TIMEOUT   seconds each Wine run may take (default 600)
#   WINDOWS_LANE_NO_SMOKE  set to 1 to skip the smoke test
#   WINDOWS_LANE_KEEP_SERVER set to 1 to leave the prefix's wineserver running afterwards
#   WINDOWS_LANE_JUNIT     a path: also write the tests' results there as JUnit XML
set -euo pipefail

BUN_WIN_VERSION=1.4.5
# sha512 of @oven/bun-windows-x64@1.4.5's npm tarball (the registry's "integrity", in hex).
BUN_WIN_SHA512=14dbe9972eb9d6f704fc61e0356cfa999be19a4c01baef07c39e2837303e090a20f875bee78dab5d0999a8d1d1905c5acc3f4bdf18be893b6f3b77a78008097f
TIMEOUT="${WINDOWS_LANE_TIMEOUT:-600}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CACHE="$ROOT/.cache"
NPM_DIR="$CACHE/npm"
WINE_DIR="$CACHE/wine"
BUN_DIR="$WINE_DIR/bun-$BUN_WIN_VERSION"
BUN_EXE="$BUN_DIR/bun.exe"
STUB_SRC="$ROOT/tools/wine/bcryptprimitives.c"
STUB_DEF="$ROOT/tools/wine/bcryptprimitives.def"
STUB_DLL="$BUN_DIR/bcryptprimitives.dll"

export WINEPREFIX="$WINE_DIR/prefix"
export WINEDEBUG="${WINEDEBUG:--all}"
# No Mono/Gecko prompts (they would want the network) and no display: bun.exe is a console program.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
unset DISPLAY WAYLAND_DISPLAY
export DEBIAN_FRONTEND=noninteractive

say() { printf '[windows-lane] %s\n' "$*"; }
fail() { printf '[windows-lane] FAIL: %s\n' "$*" >&2; exit 1; }

WINE=""
find_wine() {
  local c
  for c in "$(command -v wine64 || true)" /usr/lib/wine/wine64 /usr/bin/wine64 "$(command -v wine || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then WINE="$c"; return 0; fi
  done
  return 1
}

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "apt-get install $*"
  local i
  for i in 1 2 3; do
    if $sudo apt-get -o DPkg::Lock::Timeout=120 update -qq \
      && $sudo apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends "$@"; then
      return 0
    fi
    say "apt-get failed (attempt $i), retrying in 10s"
    sleep 10
  done
  fail "apt-get install $* did not succeed"
}

# 1. Wine and mingw-w64 from Debian.
missing=()
find_wine || missing+=(wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi
find_wine || fail "no wine64 binary after installing wine64"
command -v x86_64-w64-mingw32-gcc >/dev/null || fail "no x86_64-w64-mingw32-gcc after installing mingw-w64"

# 2. bun.exe from npm (Bun's own Windows build), checked against the pinned hash.
if [ ! -s "$BUN_EXE" ]; then
  mkdir -p "$NPM_DIR" "$BUN_DIR"
  tgz="$NPM_DIR/oven-bun-windows-x64-$BUN_WIN_VERSION.tgz"
  if [ ! -s "$tgz" ] || ! echo "$BUN_WIN_SHA512  $tgz" | sha512sum -c --status; then
    say "npm pack @oven/bun-windows-x64@$BUN_WIN_VERSION"
    rm -f "$tgz"
    (cd "$NPM_DIR" && npm pack --silent "@oven/bun-windows-x64@$BUN_WIN_VERSION" >/dev/null) \
      || fail "npm pack @oven/bun-windows-x64@$BUN_WIN_VERSION"
  fi
  echo "$BUN_WIN_SHA512  $tgz" | sha512sum -c --status || fail "checksum mismatch for $tgz"
  tar -xzf "$tgz" -C "$BUN_DIR" --strip-components=2 package/bin/bun.exe || fail "unpack bun.exe"
  chmod +x "$BUN_EXE"
fi

# 3. The ProcessPrng stub (Wine 8 has no bcryptprimitives.dll), rebuilt when its source changes.
if [ ! -s "$STUB_DLL" ] || [ "$STUB_SRC" -nt "$STUB_DLL" ] || [ "$STUB_DEF" -nt "$STUB_DLL" ]; then
  say "building bcryptprimitives.dll stub"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$STUB_DLL" "$STUB_SRC" "$STUB_DEF" -ladvapi32 \
    || fail "mingw build of $STUB_SRC"
fi

# 4. A private prefix, booted once.
if [ ! -f "$WINEPREFIX/.lane-ready" ]; then
  say "booting wine prefix (first run takes a while)"
  mkdir -p "$WINEPREFIX"
  t0=$(date +%s)
  timeout --kill-after=10 300 "$WINE" wineboot --init >/dev/null 2>&1 || fail "wineboot --init"
  touch "$WINEPREFIX/.lane-ready"
  say "wine prefix ready in $(( $(date +%s) - t0 ))s"
fi

cleanup() {
  if [ "${WINDOWS_LANE_KEEP_SERVER:-0}" != 1 ]; then
    local server
    server="$(dirname "$WINE")/wineserver"
    [ -x "$server" ] || server="$(command -v wineserver || true)"
    [ -n "$server" ] && timeout 20 "$server" -k >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

run_bun() {
  say "wine bun.exe $*"
  local rc=0
  timeout --kill-after=15 "$TIMEOUT" "$WINE" "$BUN_EXE" "$@" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    fail "bun.exe $* timed out after ${TIMEOUT}s"
  fi
  return "$rc"
}

version="$(timeout 120 "$WINE" "$BUN_EXE" --version 2>/dev/null | tr -d '\r')" \
  || fail "bun.exe --version did not run under wine"
say "bun.exe $version under $("$WINE" --version 2>/dev/null || echo wine)"

# The main bunfig.toml keeps the Linux run off the Wine-only tests; the lane uses its own config.
LANE_CONFIG=--config=tools/wine/bunfig.toml
if [ "${WINDOWS_LANE_NO_SMOKE:-0}" != 1 ]; then
  run_bun "$LANE_CONFIG" test ./tools/wine/smoke.test.ts || fail "smoke test (tools/wine/smoke.test.ts) under wine"
fi
if [ "$#" -gt 0 ]; then
  # WINDOWS_LANE_JUNIT=file also writes a JUnit report (bun run conformance:report reads it).
  REPORT=()
  if [ -n "${WINDOWS_LANE_JUNIT:-}" ]; then
    # bun.exe writes the report only to a Windows path (Z:\...), not to a relative or Unix one.
    out="$("$WINE" winepath.exe -w "$(realpath -m "$WINDOWS_LANE_JUNIT")" 2>/dev/null | tr -d '\r')"
    REPORT=(--reporter=junit "--reporter-outfile=$out")
  fi
  run_bun "$LANE_CONFIG" test "${REPORT[@]}" "$@" || fail "bun.exe test $* under wine"
fi
say "OK"
