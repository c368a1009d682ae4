#!/usr/bin/env bash
# Installs the system packages the test suite drives: PostgreSQL 15 (a throwaway cluster per test
# session) and Debian's Chromium (browser tests through Playwright). Idempotent and quick when both
# are present. Without root it only says what is missing: the tests then skip those areas with a
# reason locally, and fail on CI (CI=true) so no area is skipped quietly.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "note: install ${need[*]} (apt-get install ${need[*]}) to run every test; skipping those areas" >&2
  exit 0
fi
echo "installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
