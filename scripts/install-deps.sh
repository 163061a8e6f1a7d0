#!/usr/bin/env bash
# Installs the Debian 12 packages Digipuls needs, only those that are missing.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the tests need (browser, node, PostgreSQL, load tools)
set -euo pipefail

BUILD_PKGS=(g++ make cmake pkg-config libboost-dev libsqlite3-dev libsqlitecpp-dev nlohmann-json3-dev
  libyaml-cpp-dev libcli11-dev libspdlog-dev libfmt-dev libkainjow-mustache-dev libxlsxwriter-dev
  libsodium-dev libcurl4-openssl-dev libicu-dev libcsv-dev zlib1g-dev libglpk-dev
  librsvg2-dev sqlite3 curl ca-certificates)
TEST_PKGS=(libgtest-dev libgmock-dev chromium nodejs npm nginx wrk postgresql-15 libpqxx-dev clang libclang-rt-14-dev clang-format
  fonts-dejavu-core python3)

want=("${BUILD_PKGS[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${TEST_PKGS[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere (nvm, NodeSource); do not install Debian's over them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
if [[ ${#missing[@]} -eq 0 ]]; then exit 0; fi

echo "Installing: ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
