#!/usr/bin/env bash
# The HTTP API with curl: a session, an event, recommendations, a checkout.
#
#   npm start                         # in another terminal: engine on http://localhost:8080
#   bash examples/curl.sh             # or SHOP_URL=http://host:port bash examples/curl.sh
#
# Needs curl and sed only (no jq). Every step fails loudly (curl -f) and prints the answer;
# test/sdk/shop-client.test.ts runs this script against a test engine.
set -euo pipefail
BASE="${SHOP_URL:-http://localhost:8080}"
field() { sed -nE "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/p" | head -n 1; }

echo "# a new shopper"
session=$(curl -fsS -X POST "$BASE/api/session")
echo "$session"
token=$(printf '%s' "$session" | field token)
auth=(-H "Authorization: Bearer $token")

echo "# a product that is in stock"
product=$(curl -fsS "$BASE/api/products?limit=1&sort=popularity")
item=$(printf '%s' "$product" | field itemId)
echo "itemId=$item"

echo "# events: a view and a cart add (answered once the log stored them)"
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "{\"id\":\"curl-view-1\",\"kind\":\"view\",\"itemId\":\"$item\"}" "$BASE/api/events"; echo
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "{\"id\":\"curl-cart-1\",\"kind\":\"cart_add\",\"itemId\":\"$item\",\"qty\":1}" "$BASE/api/events"; echo

echo "# recommendations for this shopper, in the context of the item"
curl -fsS "${auth[@]}" "$BASE/api/recommendations?k=4&itemId=$item"; echo

echo "# checkout of the cart; a retry with the same Idempotency-Key reports the same order"
key="curl-$(date +%s)-$RANDOM"
order=$(curl -fsS "${auth[@]}" -H "Idempotency-Key: $key" -X POST "$BASE/api/checkout")
echo "$order"
again=$(curl -fsS "${auth[@]}" -H "Idempotency-Key: $key" -X POST "$BASE/api/checkout")
[ "$(printf '%s' "$order" | field orderId)" = "$(printf '%s' "$again" | field orderId)" ] || { echo "a retry placed another order" >&2; exit 1; }

echo "# a typed error: an unknown item"
curl -sS "$BASE/api/products/no-such-item"; echo
echo "ok"
