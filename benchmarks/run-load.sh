#!/usr/bin/env bash
# Builds Signet, starts it on a free loopback port with a temporary data directory, a benchmark relying party and
# seeded benchmark accounts, runs the load driver for each flow, prints the results and stops the server.
#
#   benchmarks/run-load.sh [--workers N] [--warmup 10s] [--duration 30s] [--users 20] [--flows "a b"]
#                          [--redis-url redis://127.0.0.1:6379] [--server-java /path/to/bin/java]
#                          [--database-url jdbc:postgresql://127.0.0.1:5432/signet]
#                          [--server-java-option -XX:StartFlightRecording=filename=/tmp/signet.jfr]
#                          [--charge-pid PID] [--aot-cache] [--production-flags] [--memory-report] [--no-build]
# --charge-pid adds a process (e.g. the redis-server behind --redis-url) to the CPU charged to the server.
# --database-url uses a PostgreSQL you started (user and password in SIGNET_BENCH_DB_USER, SIGNET_BENCH_DB_PASSWORD)
# instead of the embedded one; charge its postmaster with --charge-pid.
# The server runs from Spring Boot's extracted layout (java -Djarmode=tools -jar ... extract), as the container images
# run it. --aot-cache first makes a training start (stopped once the context is refreshed) that writes a JDK AOT cache
# (Java 25+: -XX:AOTCacheOutput), then times the start with it (-XX:AOTCache), as deploy/README.md "Faster start"
# describes for an image; with --database-url the timed start then finds the schema already migrated.
# --production-flags runs the server with what identity-server's Kubernetes manifests give it: the JVM flags of
# JAVA_TOOL_OPTIONS in deploy/kubernetes/base/identity-server/deployment.yaml and the password-hash concurrency of
# deploy/kubernetes/base/identity-server/settings.env (deploy/README.md "Memory"), so the benchmark runs what production
# runs.
# --memory-report runs the server with Native Memory Tracking and, after the flows, prints what its memory consists of
# (jcmd VM.native_memory summary), its threads and classes, and its live heap after a full GC (docs/benchmarks.md
# "Third round: memory and start-up"). Tracking costs a few MiB and some CPU: leave it off when timing.
#
# Flows: client-credentials client-credentials-pkjwt authorization-code refresh introspection (all by default);
# client-credentials-pkjwt is the client credentials grant with private_key_jwt (ES256); introspection-hinted sends
# token_type_hint=access_token. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

workers=4
warmup=10s
duration=30s
users=20
flows="client-credentials client-credentials-pkjwt authorization-code refresh introspection"
build=yes
argon2="t=2,m=19456,p=1"
redis_url=
database_url=
server_java=java
server_java_options=()
charge_pids=()
aot_cache=no
production_flags=no
memory_report=no
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --flows) flows="$2"; shift 2 ;;
    --argon2) argon2="$2"; shift 2 ;;
    --redis-url) redis_url="$2"; shift 2 ;;
    --database-url) database_url="$2"; shift 2 ;;
    --server-java) server_java="$2"; shift 2 ;;
    --server-java-option) server_java_options+=("$2"); shift 2 ;;
    --charge-pid) charge_pids+=(--server-pid "$2"); shift 2 ;;
    --aot-cache) aot_cache=yes; shift ;;
    --production-flags) production_flags=yes; shift ;;
    --memory-report) memory_report=yes; shift ;;
    --no-build) build=no; shift ;;
    *) echo "run-load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$production_flags" = yes ]; then
  manifest=deploy/kubernetes/base/identity-server/deployment.yaml
  jvm_flags=$(awk '/- name: JAVA_TOOL_OPTIONS/ {getline; sub(/^ *value: */, ""); gsub(/"/, ""); print; exit}' "$manifest")
  if [ -z "$jvm_flags" ]; then echo "No JAVA_TOOL_OPTIONS in $manifest" >&2; exit 1; fi
  for flag in $jvm_flags; do server_java_options+=("$flag"); done
  # Settings of the manifest's ConfigMap that size memory, passed as the pods get them: through the environment.
  hashes=$(sed -n 's/^SIGNET_PASSWORDS_MAXCONCURRENTHASHES=//p' deploy/kubernetes/base/identity-server/settings.env)
  if [ -n "$hashes" ]; then export SIGNET_PASSWORDS_MAXCONCURRENTHASHES="$hashes"; fi
  echo "Production flags: $jvm_flags${hashes:+, SIGNET_PASSWORDS_MAXCONCURRENTHASHES=$hashes}"
fi

if [ "$build" = yes ]; then
  echo "Building identity-server and benchmarks..."
  ./mvnw -q -B -ntp -pl identity-server,benchmarks -am package -DskipTests
fi
server_jar=$(ls identity-server/target/identity-server-*.jar | grep -v -e '-plain' -e '\.original' | head -1)
bench_jar=benchmarks/target/benchmarks.jar

work=$(mktemp -d /tmp/signet-load.XXXXXX)
server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_server EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
origin="http://127.0.0.1:$port"
redirect_uri="http://127.0.0.1/bench/callback"
client_id=bench-client
# Random per run; handed to the driver through the environment, never on a command line.
export SIGNET_BENCH_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
export SIGNET_BENCH_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')

echo "Writing $users seeded accounts and the benchmark relying party..."
java -cp "$bench_jar" dev.signet.bench.load.SeedAccounts "$work/accounts.json" "$users" \
  'bench-user-%d@example.test' "$argon2"
secret_hash=$(printf '%s' "$SIGNET_BENCH_CLIENT_SECRET" | sha256sum | cut -d' ' -f1)
pkjwt_public=$(java -cp "$bench_jar" dev.signet.bench.load.BenchClientKey "$work/bench-pkjwt.jwk.json")
cat > "$work/relying-parties.yml" <<YAML
relying-parties:
  - client-id: $client_id
    name: Benchmark relying party
    token-endpoint-auth-method: client_secret_basic
    client-secret-sha256: $secret_hash
    redirect-uris: [$redirect_uri]
    sector-identifier: bench.localhost
    grant-types: [authorization_code, refresh_token, client_credentials]
    scopes: [openid, email]
    allowed-vtr: [Cl.Cm, Cl]
  - client-id: bench-pkjwt
    name: Benchmark private_key_jwt relying party
    token-endpoint-auth-method: private_key_jwt
    jwks: '$pkjwt_public'
    sector-identifier: bench.localhost
    grant-types: [client_credentials]
YAML

redis_args=()
if [ -n "$redis_url" ]; then redis_args=(--signet.redis.url="$redis_url"); fi
if [ -n "$database_url" ]; then
  # Through the environment: the password never appears on a command line.
  export SPRING_DATASOURCE_URL="$database_url" SPRING_DATASOURCE_USERNAME="${SIGNET_BENCH_DB_USER:-signet}" \
    SPRING_DATASOURCE_PASSWORD="${SIGNET_BENCH_DB_PASSWORD:-}"
  # An external database needs the secrets a deployment keeps (docs/signing-keys.md, docs/claims-and-trust.md,
  # docs/credentials.md): the key sealing signing keys and TOTP secrets, the pairwise-sub salt, the codes' HMAC key.
  export SIGNET_KEYS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
  export SIGNET_SUBJECTS_PAIRWISE_SALT=$(head -c 32 /dev/urandom | base64)
  export SIGNET_CODES_HMAC_KEY=$(head -c 32 /dev/urandom | base64)
fi

# As the images run it: the extracted layout loads classes from plain jars, not through the nested-jar class loader.
java -Djarmode=tools -jar "$server_jar" extract --destination "$work/app" > /dev/null
server_jar="$work/app/$(basename "$server_jar")"
if [ "$memory_report" = yes ]; then server_java_options+=(-XX:NativeMemoryTracking=summary); fi
server_args=("${redis_args[@]}" --server.address=127.0.0.1 --server.port="$port" --signet.issuer="$origin"
  --signet.clients.file="file:$work/relying-parties.yml" --signet.accounts.seed-file="$work/accounts.json")
if [ "$aot_cache" = yes ]; then
  echo "Training start for the AOT cache (stops once the application context is refreshed)..."
  # Its own data directory, so that the timed start does the same work (an embedded database created) as without.
  "$server_java" "${server_java_options[@]}" -XX:AOTCacheOutput="$work/app/signet.aot" \
    -Dspring.context.exit=onRefresh -jar "$server_jar" --signet.data-directory="$work/training-data" \
    "${server_args[@]}" > "$work/training.log" 2>&1 \
    || { echo "The training start failed; its log:" >&2; tail -50 "$work/training.log" >&2; exit 1; }
  server_java_options+=(-XX:AOTCache="$work/app/signet.aot")
fi

echo "Starting Signet on $origin (data in $work/data${redis_url:+, Redis at $redis_url}${database_url:+, PostgreSQL at $database_url})..."
started_at=$(date +%s.%N)
"$server_java" "${server_java_options[@]}" -jar "$server_jar" --signet.data-directory="$work/data" "${server_args[@]}" \
  > "$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 400); do
  if curl -fsS "$origin/actuator/health/readiness" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "Signet did not start; its log:" >&2; tail -50 "$work/server.log" >&2; exit 1
  fi
  sleep 1
done
curl -fsS "$origin/actuator/health/readiness" > /dev/null || { echo "Signet is not ready after 400 s" >&2; exit 1; }
# Start-up: from launching the JVM to the readiness probe answering (migrations and key set-up included).
echo "start-up     $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" \
  "$started_at" "$(date +%s.%N)") to ready"

# The embedded PostgreSQL is not a child of the JVM (pg_ctl detaches it): charge its CPU to the server as well.
pids=(--server-pid "$server_pid")
postmaster_pid=$(head -1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)
if [ -n "$postmaster_pid" ]; then pids+=(--server-pid "$postmaster_pid"); fi
pids+=("${charge_pids[@]}")

echo "Server Java: $("$server_java" -version 2>&1 | head -1); CPUs: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
for flow in $flows; do
  echo
  echo "=== $flow"
  client=(--client-id "$client_id")
  driver_flow=$flow
  if [ "$flow" = client-credentials-pkjwt ]; then
    client=(--client-id bench-pkjwt --client-key "$work/bench-pkjwt.jwk.json")
    driver_flow=client-credentials
  elif [ "$flow" = introspection-hinted ]; then
    client=(--client-id "$client_id" --token-type-hint access_token)
    driver_flow=introspection
  fi
  java -cp "$bench_jar" dev.signet.bench.load.LoadDriver --target "$origin" --flow "$driver_flow" \
    --workers "$workers" --warmup "$warmup" --duration "$duration" "${pids[@]}" "${client[@]}" \
    --redirect-uri "$redirect_uri" --authorize-param 'vtr=["Cl"]' \
    --users "$users" --user-email 'bench-user-%d@example.test' || status=1
done
# Peak resident memory of the server JVM over the whole run (VmHWM), under the load just applied.
echo
echo "peak RSS     $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$server_pid/status") (server JVM)"
if [ "$memory_report" = yes ]; then
  jcmd_bin="$(dirname "$(readlink -f "$(command -v "$server_java")")")/jcmd"
  echo "threads      $(awk '/^Threads/ {print $2}' "/proc/$server_pid/status")"
  echo "resident     $(awk '/^(RssAnon|RssFile)/ {printf "%s %.0f MiB  ", $1, $2 / 1024}' "/proc/$server_pid/status")"
  # Collections over the whole run (before the class histogram's own full GC): young and full, count and seconds.
  echo "collections  $("$(dirname "$jcmd_bin")/jstat" -gcutil "$server_pid" | awk 'NR == 2 {
    printf "%s young (%.1f s), %s full (%.1f s)", $7, $8, $9, $10}')"
  echo "classes      $("$jcmd_bin" "$server_pid" VM.metaspace | awk '/^Total Usage/ {print $6; exit}') loaded"
  # The class histogram runs a full GC first: what the heap holds afterwards is the live set.
  "$jcmd_bin" "$server_pid" GC.class_histogram > /dev/null
  echo "live heap    $("$jcmd_bin" "$server_pid" GC.heap_info | awk '/ total / && match($0, /used [0-9]+K/) {
    used += substr($0, RSTART + 5, RLENGTH - 6)} END {printf "%.0f MiB after a full GC", used / 1024}')"
  echo
  "$jcmd_bin" "$server_pid" VM.native_memory summary scale=MB | grep -E '^(Total|-)' || true
fi
exit $status
