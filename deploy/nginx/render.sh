#!/usr/bin/env bash
# Renders wasmcloud.conf.template into an nginx include, substituting only the WASMCLOUD_* variables.
# Usage: WASMCLOUD_DOMAIN=wasmcloud.app WASMCLOUD_RUN_HOST=run.wasmcloud.lgbt ... deploy/nginx/render.sh > wasmcloud.conf
# Also copy wasmcloud-proxy.conf beside the result (it is included by name).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

: "${WASMCLOUD_LISTEN_ADDRESS:=*}"
: "${WASMCLOUD_HTTP_PORT:=80}"
: "${WASMCLOUD_HTTPS_PORT:=443}"
: "${WASMCLOUD_API_UPSTREAM:=127.0.0.1:8080}"
: "${WASMCLOUD_EXECUTOR_UPSTREAM:=127.0.0.1:8081}"
: "${WASMCLOUD_PANEL_ROOT:=/srv/wasmcloud/panel}"
: "${WASMCLOUD_DOCS_ROOT:=/srv/wasmcloud/docs}"
export WASMCLOUD_LISTEN_ADDRESS WASMCLOUD_HTTP_PORT WASMCLOUD_HTTPS_PORT WASMCLOUD_API_UPSTREAM WASMCLOUD_EXECUTOR_UPSTREAM \
  WASMCLOUD_PANEL_ROOT WASMCLOUD_DOCS_ROOT

variables=(WASMCLOUD_LISTEN_ADDRESS WASMCLOUD_DOMAIN WASMCLOUD_RUN_HOST WASMCLOUD_TLS_CERT WASMCLOUD_TLS_KEY WASMCLOUD_HTTP_PORT
  WASMCLOUD_HTTPS_PORT WASMCLOUD_API_UPSTREAM WASMCLOUD_EXECUTOR_UPSTREAM WASMCLOUD_PANEL_ROOT WASMCLOUD_DOCS_ROOT)
for name in "${variables[@]}"; do
  if [[ -z "${!name:-}" ]]; then
    echo "render.sh: $name is not set" >&2
    exit 2
  fi
done

envsubst "$(printf '${%s} ' "${variables[@]}")" < "$here/wasmcloud.conf.template"
