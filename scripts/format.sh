#!/usr/bin/env bash
# The house style (.clang-format) over every C++ file in git: rewrites them, or with --check lists
# the files that differ and fails (scripts/test.sh runs the check first).
# Usage: scripts/format.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "scripts/format.sh: needs clang-format (scripts/install-deps.sh --test)" >&2
  exit 1
fi
mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
if [[ "${1:-}" == "--check" ]]; then
  bad=()
  for f in "${files[@]}"; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if ((${#bad[@]})); then
    printf '%s: not in the house style (run scripts/format.sh)\n' "${bad[@]}" >&2
    exit 1
  fi
  echo "${#files[@]} files in the house style"
else
  clang-format -i "${files[@]}"
fi
