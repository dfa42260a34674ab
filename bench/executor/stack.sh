# shellcheck shell=bash
# The set-up every executor bench shares, sourced (not run) by run.sh, isolation.sh and scale.sh after they set
# PORT and MANAGEMENT_PORT: build, embedded PostgreSQL, BenchDeploy, the executor jar, the metrics helper, and one
# trap that stops whatever was started. Kept in one place so the benches measure the same stack.
#
# Defines: java, jar, work (a temporary directory, removed at exit), pids (killed at exit), classpath, jdbc_url,
# executor_pid, metrics, and the functions stack_build, stack_database, deploy, stack_executor, wait_for, metric,
# load. Reads: JAVA_HOME, SKIP_BUILD, MAVEN_ARGS, JAVA_OPTS, EXECUTOR_ARGS, PORT, MANAGEMENT_PORT.

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
jar=executor/target/executor-exec.jar

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing (apt-get install curl)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Builds the jar and the executor's test classes (BenchDatabase lives there) unless SKIP_BUILD is set, then compiles
# BenchDeploy against the test classpath.
stack_build() {
  if [[ -z ${SKIP_BUILD:-} ]]; then
    # shellcheck disable=SC2086 # MAVEN_ARGS is a list of arguments
    ./mvnw -B -q -o ${MAVEN_ARGS:-} -pl executor -am -DskipTests -Dspotless.check.skip=true package >/dev/null
  fi
  [[ -f $jar && -d executor/target/test-classes ]] ||
    { echo "$jar or the executor's test classes are missing" >&2; exit 1; }
  # shellcheck disable=SC2086
  ./mvnw -B -q -o ${MAVEN_ARGS:-} -pl executor dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath" >/dev/null
  classpath="executor/target/test-classes:executor/target/classes:$(cat "$work/classpath")"
  "$JAVA_HOME/bin/javac" -d "$work/bench-classes" -cp "$classpath" bench/executor/BenchDeploy.java
}

# Starts the embedded PostgreSQL (with the schema and the public function "hello") and sets jdbc_url.
stack_database() {
  "$java" -cp "$classpath" app.wasmcloud.executor.BenchDatabase "$work/store" >"$work/database.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    grep -q '^JDBC_URL=' "$work/database.log" && break
    sleep 0.5
  done
  jdbc_url=$(sed -n 's/^JDBC_URL=//p' "$work/database.log")
  [[ -n $jdbc_url ]] || { echo "the database did not start:" >&2; cat "$work/database.log" >&2; exit 1; }
}

deploy() { # <function> <module.wasm> [--unique] [--no-notify] [--timeout-ms N] [--owner LOGIN] [--count N]
  "$java" -cp "$work/bench-classes:$classpath" BenchDeploy "$jdbc_url" "$work/store" "$@" >>"$work/deploy.log"
}

# Starts the executor jar against the database and the store: <extra executor arguments>... (before EXECUTOR_ARGS,
# so a caller's experiment can override them). Sets executor_pid and metrics; the caller waits for what it needs.
stack_executor() {
  # shellcheck disable=SC2086 # JAVA_OPTS and EXECUTOR_ARGS are lists of arguments
  "$java" ${JAVA_OPTS:-} -jar "$jar" \
    --spring.datasource.url="$jdbc_url" --spring.datasource.username=postgres --spring.datasource.password=postgres \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.address=127.0.0.1 --management.server.port="$MANAGEMENT_PORT" \
    --wasmcloud.executor.module-store-root="$work/store" \
    --wasmcloud.executor.service-token-secret="$(head -c 32 /dev/urandom | base64)" \
    "$@" --logging.level.root=WARN ${EXECUTOR_ARGS:-} >"$work/executor.log" 2>&1 &
  executor_pid=$!
  pids+=("$executor_pid")
  metrics="http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus"
}

wait_for() { # <url> [tries of 0.5 s, default 240]: until it answers 2xx; 1 if it never did
  for _ in $(seq 1 "${2:-240}"); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.5
  done
  curl -fs -o /dev/null "$1"
}

metric() { # <prometheus series, regex-escaped> -> its value, 0 when absent
  curl -s "$metrics" | awk -v series="$1" '$1 == series { print $2; found = 1 } END { if (!found) print 0 }'
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
