#!/usr/bin/env bash
# Published statistics for the demo (and the public-site tests and benchmark): the imported
# history of the 2021 report, generated answers for the 2021 campaign, its key figures computed
# and published. Run after `digipuls init`.
# Usage: scripts/publish-demo.sh BINARY DB [PROFILE]
#   PROFILE: disclosure profile (instruments/disclosure.yaml); default reproduce-2021, as the 2021
#   report published every group, so single municipalities' answers are public too.
set -euo pipefail
bin=$1; db=$2; profile=${3:-reproduce-2021}
# Already published (a second `make demo` on the same database): nothing to do.
if "$bin" stats runs --db "$db" --campaign ehalsa-2021 --format csv | awk -F, 'NR > 1 && $5 != "" {found = 1} END {exit !found}'; then
  echo "ehalsa-2021: already published"
  exit 0
fi
"$bin" stats history import --db "$db"
"$bin" generate --db "$db" --campaign ehalsa-2021 --seed 2021
"$bin" stats compute --db "$db" --campaign ehalsa-2021 --profile "$profile"
# Figures are published only from a closed campaign, once their disclosure audit passes.
"$bin" campaigns open --db "$db" --campaign ehalsa-2021 2>/dev/null || true
"$bin" campaigns close --db "$db" --campaign ehalsa-2021
"$bin" stats publish --db "$db" --campaign ehalsa-2021
