#!/usr/bin/env bash
# A home trial driven through the sandbox's control API (curl + node for JSON), against
# a running `npm run demo`: order on the trial plan, hold, shipment, delivery, one pair returned,
# clock past the window, and the ledger with exactly one charge for the pair kept. After each
# clock move it waits until the app has done the work that came due (scripts/advance-clock.ts
# reads the demo's job table), never for a fixed time.
# Usage: scripts/trial-scenario.sh [http://127.0.0.1:4000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:-http://127.0.0.1:4000}"
S="$base/__sandbox"
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }
post() { curl -sf -X POST "$S$1" -H 'Content-Type: application/json' -d "${2:-{\}}"; }
advance_days() { (cd "$root" && npx tsx scripts/advance-clock.ts --days "$1" --sandbox "$base" >/dev/null); }
wait_for() { for _ in $(seq 1 60); do if eval "$1"; then return 0; fi; sleep 0.5; done; echo "timed out: $1" >&2; return 1; }

plan=$(curl -sf "$S/state" | json 'v.sellingPlanGroups.find(g=>g.appId==="fitting-room")?.plans[0]?.id ?? ""')
[ -n "$plan" ] || { echo "the app has not created its trial purchase option yet (is the demo installed?)" >&2; exit 1; }
echo "trial plan: $plan"

order=$(post /orders "{\"customerEmail\":\"olivia@example.com\",\"paymentMethod\":\"card_on_file\",\"lines\":[{\"handle\":\"little-black-heels\",\"size\":\"7.5\",\"sellingPlanId\":\"$plan\"},{\"handle\":\"five-shades-of-nude\",\"size\":\"8\",\"sellingPlanId\":\"$plan\"}]}")
id=$(echo "$order" | json 'v.id.split("/").pop()')
keep=$(echo "$order" | json 'v.lines[0].id')
back=$(echo "$order" | json 'v.lines[1].id')
gid=$(echo "$order" | json 'v.id')
echo "order $(echo "$order" | json 'v.name') ($gid), total $(echo "$order" | json 'v.total.amount')"
ledger() { curl -sf "$S/ledger" | json "v.filter(e=>e.orderGid==='$gid').map(e=>e.kind+(e.amount?' '+e.amount.amount:'')).join(', ')"; }

wait_for '[[ "$(ledger)" == *authorization* ]]'
echo "after the order:      $(ledger)"
post "/orders/$id/fulfil" >/dev/null
advance_days 2
post "/orders/$id/deliver" >/dev/null
advance_days 3
post "/orders/$id/returns" "{\"lineItemIds\":[\"$back\"]}" >/dev/null
post "/orders/$id/approve-return" >/dev/null
advance_days 2
post "/orders/$id/process-return" >/dev/null
echo "returned $back; keeping $keep"
# Day by day, as the app's worker lives it; each day's due work is done before the next.
for _ in 1 2 3 4; do advance_days 1; done
echo "after the window:     $(ledger)"
charges=$(curl -sf "$S/ledger" | json "v.filter(e=>e.orderGid==='$gid'&&(e.kind==='capture'||e.kind==='charge')).map(e=>e.amount.amount).join(' ')")
echo "charged:              $charges"
[ "$charges" = "245.00" ] && echo "OK: exactly one charge, for the pair kept" || { echo "UNEXPECTED: $charges" >&2; exit 1; }
