#!/usr/bin/env bash
# Takes executors that are not ready out of nginx's executor upstream and puts them back once they are ready again.
# Open-source nginx has only passive checks, which notice a dead executor but never a saturated one or one without
# its database: this asks each executor's /actuator/health/readiness and marks the ones that say no as `down` in
# the configuration render.sh wrote, then reloads nginx (running requests finish in the old workers). With the
# consistent hash, a down executor's functions go to its neighbours on the ring until it is back.
#
# Usage: readiness.sh [--once] /etc/nginx/conf.d/wasmcloud.conf
#   --once  check and apply once, then exit (without it: every WASMCLOUD_READINESS_INTERVAL, forever)
# Environment:
#   WASMCLOUD_EXECUTOR_MANAGEMENT_PORT  the executors' management port (default 9081)
#   WASMCLOUD_EXECUTOR_READINESS_URLS   "host:port=url ..." for executors whose readiness is elsewhere
#   WASMCLOUD_READINESS_INTERVAL        seconds between checks (default 2)
#   WASMCLOUD_NGINX_RELOAD              the command that reloads nginx (default: nginx -s reload)
# When no executor is ready, every one stays in: nginx then still reaches the ones that can answer something.
set -euo pipefail

once=false
if [[ "${1:-}" == "--once" ]]; then
  once=true
  shift
fi
conf="${1:?usage: readiness.sh [--once] <rendered wasmcloud.conf>}"
: "${WASMCLOUD_EXECUTOR_MANAGEMENT_PORT:=9081}"
: "${WASMCLOUD_EXECUTOR_READINESS_URLS:=}"
: "${WASMCLOUD_READINESS_INTERVAL:=2}"
: "${WASMCLOUD_NGINX_RELOAD:=nginx -s reload}"

# The executors' addresses: the server lines of the wasmcloud_executor upstream.
executors() {
  sed -n '/^upstream wasmcloud_executor {/,/^}/s/^    server \([^ ;]*\).*/\1/p' "$conf"
}

readiness_url() {
  local address="$1" entry
  for entry in $WASMCLOUD_EXECUTOR_READINESS_URLS; do
    if [[ "${entry%%=*}" == "$address" ]]; then
      echo "${entry#*=}"
      return
    fi
  done
  echo "http://${address%:*}:${WASMCLOUD_EXECUTOR_MANAGEMENT_PORT}/actuator/health/readiness"
}

check_once() {
  local address ready=() unready=()
  for address in $(executors); do
    if curl -fsS --max-time 1 -o /dev/null "$(readiness_url "$address")" 2>/dev/null; then
      ready+=("$address")
    else
      unready+=("$address")
    fi
  done
  if [[ ${#ready[@]} -eq 0 ]]; then
    unready=()
  fi

  # Each executor's server line, with " down" exactly when it is not ready.
  local script="" line
  for address in $(executors); do
    line="^\(    server $(printf '%s' "$address" | sed 's/[][\.*^$/]/\\&/g') .*\)"
    script+="/^upstream wasmcloud_executor {/,/^}/s/${line} down;$/\1;/;"
    if [[ " ${unready[*]:-} " == *" $address "* ]]; then
      script+="/^upstream wasmcloud_executor {/,/^}/s/${line};$/\1 down;/;"
    fi
  done
  local updated
  updated="$(sed "$script" "$conf")"
  if [[ "$updated" != "$(cat "$conf")" ]]; then
    printf '%s\n' "$updated" > "$conf.readiness" && mv "$conf.readiness" "$conf"
    echo "readiness.sh: executors out of rotation: ${unready[*]:-none}"
    $WASMCLOUD_NGINX_RELOAD
  fi
}

if $once; then
  check_once
  exit 0
fi
while true; do
  check_once || echo "readiness.sh: check failed; trying again" >&2
  sleep "$WASMCLOUD_READINESS_INTERVAL"
done
