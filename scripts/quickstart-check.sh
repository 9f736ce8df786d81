#!/usr/bin/env bash
# Runs the README's quick start the way a newcomer would: `npm start`, then the two curl
# commands it prints, pasted as they are; then Ctrl-C, and a second `npm start` that must
# find the same report (the data persists under .data/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OUT=$(mktemp)
START_PID=""
stop_start() {
  [[ -n "$START_PID" ]] || return 0
  # Ctrl-C reaches the whole foreground process group; npm forwards it to the orchestrator.
  kill -INT -- "-$START_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$START_PID" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$START_PID" 2>/dev/null; then echo "quick start: npm start did not stop on Ctrl-C" >&2; exit 1; fi
  START_PID=""
}
trap 'stop_start; rm -f "$OUT"' EXIT

start() {
  : >"$OUT"
  setsid npm start >"$OUT" 2>&1 &
  START_PID=$!
  for _ in $(seq 1 180); do
    grep -q "is running" "$OUT" && return 0
    kill -0 "$START_PID" 2>/dev/null || { cat "$OUT"; echo "quick start: npm start exited early" >&2; exit 1; }
    sleep 1
  done
  cat "$OUT"; echo "quick start: npm start not ready after 180 s" >&2; exit 1
}

start
# The printed tokens, pasted as printed; the curl commands below read them.
eval "$(grep -E '^export (APP|MODERATOR|SUPPORT)_TOKEN=' "$OUT")"
[[ -n "${APP_TOKEN:-}" && -n "${MODERATOR_TOKEN:-}" && -n "${SUPPORT_TOKEN:-}" ]] || { cat "$OUT"; echo "quick start: no tokens printed" >&2; exit 1; }
# The two printed commands, as printed (the first spans two lines).
FILE_CMD=$(grep -A1 '^curl .*v1/reports -H' "$OUT" | sed 's/ \\$//' | tr '\n' ' ')
APPROVE_CMD=$(grep '^curl .*/approve' "$OUT")
echo "quick start: $FILE_CMD"
FILED=$(bash -c "$FILE_CMD")
echo "  -> $FILED"
grep -q '"reportId"' <<<"$FILED" || { echo "quick start: filing failed" >&2; exit 1; }
echo "quick start: $APPROVE_CMD"
APPROVED=$(bash -c "$APPROVE_CMD")
echo "  -> $APPROVED"
# A re-run on kept data answers 409 already decided; both mean the report is approved.
grep -Eq '"status":"approved"|REPORT_ALREADY_DECIDED' <<<"$APPROVED" || { echo "quick start: approval failed" >&2; exit 1; }
REPORT_ID=$(sed -E 's/.*"reportId":"([^"]+)".*/\1/' <<<"$FILED")
# The block and the ticket follow the decision asynchronously: give them a few seconds.
followed_up() {
  curl -s -H "Authorization: Bearer $APP_TOKEN" localhost:3000/v1/users/alice/blocks | grep -q '"blockedUserId":"dave"' &&
    curl -s -H "Authorization: Bearer $SUPPORT_TOKEN" "localhost:3000/v1/cs/tickets?reportId=$REPORT_ID" | grep -q '"kind":"report_decided"'
}
for _ in $(seq 1 40); do followed_up && break; sleep 0.5; done
followed_up || { echo "quick start: no auto-block or no CS ticket" >&2; exit 1; }
# Temporal holds the report's payloads encrypted; the Web UI's codec, the API's /codec served on
# the UI's own origin (so the support session cookie reaches it), answers support staff.
HISTORY=$(.tools/bin/temporal workflow show --workflow-id "report-$REPORT_ID" -o json)
grep -q '"YmluYXJ5L2VuY3J5cHRlZA=="' <<<"$HISTORY" ||
  { echo "quick start: the history's payloads are not binary/encrypted" >&2; exit 1; }
CODEC=$(curl -s -X POST -H "Authorization: Bearer $SUPPORT_TOKEN" -H 'content-type: application/json' \
  -d '{"payloads":[]}' localhost:8233/codec/decode)
grep -q '{"payloads":\[\]}' <<<"$CODEC" || { echo "$CODEC"; echo "quick start: the Web UI's origin does not serve /codec/decode" >&2; exit 1; }
curl -sf localhost:3000/console | grep -q '<h1>Report console</h1>' || { echo "quick start: /console does not answer" >&2; exit 1; }
curl -sf localhost:3000/console/settings.json | grep -q '"temporalUiReportUrl":"http://localhost:8233/namespaces/default/workflows/report-{reportId}"' ||
  { echo "quick start: the console does not link reports to the Temporal UI" >&2; exit 1; }
stop_start
grep -q '\[start\] stopped' "$OUT" || { cat "$OUT"; echo "quick start: Ctrl-C did not stop cleanly" >&2; exit 1; }

start
curl -s -H "Authorization: Bearer $APP_TOKEN" "localhost:3000/v1/reports/$REPORT_ID" | grep -q '"status":"approved"' || { echo "quick start: second start lost the report" >&2; exit 1; }
stop_start
echo "quick start: ok (filed, approved, blocked, ticketed, stopped, restarted with the same data)"
