#!/usr/bin/env bash
# A month's round trip for every lead unit through the inbox alone, timed (issue 16):
# forms out (npm run forms, as the monthly job writes them), filled programmatically
# (test/scripts/fill.ts), committed into inbox/2020-07/ of a temporary git repository holding a
# copy of content/, then npm run inbox (import, validate, move, commit). Sample data: 2020-07.
#   bash tools/bench/inbox-roundtrip.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$PATH"
REPO="$(mktemp -d)"
trap 'rm -rf "$REPO"' EXIT
cp -r "$ROOT/content" "$ROOT/.gitignore" "$REPO/"
cd "$REPO"
git init -q -b main && git -c user.name=bench -c user.email=b@x add -A && git -c user.name=bench -c user.email=b@x commit -qm content
ms() { date +%s%N | cut -b1-13; }
t0=$(ms)
LUOSHI_TODAY=2020-08-07 node "$ROOT/scripts/forms.ts" --month 2020-07 --out inbox/2020-07 --content content
t1=$(ms)
node "$ROOT/test/scripts/fill.ts" inbox/2020-07 --filed 2020-08-05 && rm inbox/2020-07/.filled
git -c user.name=bench -c user.email=b@x add -A && git -c user.name=bench -c user.email=b@x commit -qm "上传 7 月表格"
t2=$(ms)
GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@x GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=b@x LUOSHI_TODAY=2020-08-07 node "$ROOT/scripts/inbox.ts"
t3=$(ms)
git log -1 --format=%s
echo "forms $((t1 - t0)) ms, fill+commit $((t2 - t1)) ms, inbox $((t3 - t2)) ms, total $((t3 - t0)) ms"
