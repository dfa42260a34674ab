#!/usr/bin/env bash
# Renders wasmcloud.conf.template into an nginx include, substituting only the WASMCLOUD_* variables.
# Usage: WASMCLOUD_DOMAIN=wasmcloud.app WASMCLOUD_RUN_HOST=run.wasmcloud.lgbt ... deploy/nginx/render.sh > wasmcloud.conf
# Also copy the wasmcloud-*.conf files beside the result (it includes them by name).
# WASMCLOUD_API_UPSTREAM and WASMCLOUD_EXECUTOR_UPSTREAM take one host:port or several, separated by spaces or commas.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

: "${WASMCLOUD_LISTEN_ADDRESS:=*}"
: "${WASMCLOUD_HTTP_PORT:=80}"
: "${WASMCLOUD_HTTPS_PORT:=443}"
: "${WASMCLOUD_API_UPSTREAM:=127.0.0.1:8080}"
: "${WASMCLOUD_EXECUTOR_UPSTREAM:=127.0.0.1:8081}"
: "${WASMCLOUD_PANEL_ROOT:=/srv/wasmcloud/panel}"
: "${WASMCLOUD_DOCS_ROOT:=/srv/wasmcloud/docs}"
# The socket between the run domain's public server and its relay (nginx's master creates it, as root, at start).
: "${WASMCLOUD_EXECUTOR_RELAY_SOCKET:=/run/nginx-wasmcloud-relay.sock}"
# Passive checks: after this many failed connections within fail_timeout, a server rests for fail_timeout.
: "${WASMCLOUD_MAX_FAILS:=3}"
: "${WASMCLOUD_FAIL_TIMEOUT:=10s}"

variables=(WASMCLOUD_LISTEN_ADDRESS WASMCLOUD_DOMAIN WASMCLOUD_RUN_HOST WASMCLOUD_TLS_CERT WASMCLOUD_TLS_KEY WASMCLOUD_HTTP_PORT
  WASMCLOUD_HTTPS_PORT WASMCLOUD_API_UPSTREAM WASMCLOUD_EXECUTOR_UPSTREAM WASMCLOUD_PANEL_ROOT WASMCLOUD_DOCS_ROOT
  WASMCLOUD_EXECUTOR_RELAY_SOCKET WASMCLOUD_MAX_FAILS WASMCLOUD_FAIL_TIMEOUT)
for name in "${variables[@]}"; do
  if [[ -z "${!name:-}" ]]; then
    echo "render.sh: $name is not set" >&2
    exit 2
  fi
done

# One `server` line per address, with the passive health check on each.
servers() {
  local address
  for address in ${1//,/ }; do
    printf '    server %s max_fails=%s fail_timeout=%s;\n' "$address" "$WASMCLOUD_MAX_FAILS" "$WASMCLOUD_FAIL_TIMEOUT"
  done
}
WASMCLOUD_API_SERVERS="$(servers "$WASMCLOUD_API_UPSTREAM")"
WASMCLOUD_EXECUTOR_SERVERS="$(servers "$WASMCLOUD_EXECUTOR_UPSTREAM")"
# The run host inside a regular expression, its dots literal.
WASMCLOUD_RUN_HOST_PATTERN="${WASMCLOUD_RUN_HOST//./\\.}"
export "${variables[@]}" WASMCLOUD_API_SERVERS WASMCLOUD_EXECUTOR_SERVERS WASMCLOUD_RUN_HOST_PATTERN

envsubst "$(printf '${%s} ' "${variables[@]}" WASMCLOUD_API_SERVERS WASMCLOUD_EXECUTOR_SERVERS WASMCLOUD_RUN_HOST_PATTERN)" \
  < "$here/wasmcloud.conf.template"
