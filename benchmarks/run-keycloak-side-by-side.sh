#!/usr/bin/env bash
# Runs the same load driver against Keycloak and against Signet on this machine, one after the other, each with its
# own PostgreSQL, and prints operations per server CPU-second, start-up time and peak resident memory of each.
#
#   benchmarks/run-keycloak-side-by-side.sh [--keycloak-version 26.7.3] [--java /path/to/jdk21+/bin/java]
#       [--heap 1g] [--workers 4] [--warmup 10s] [--duration 30s] [--users 20] [--flows "a b"] [--no-build]
#       [--signet-aot-cache] [--signet-production-flags]
#
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist, a zip) and needs Java 21 or newer; both
# servers run on that same Java, with the same maximum heap, so the comparison is of the servers and not of the JVMs.
# Both use one Debian PostgreSQL (postgresql-15 or newer, started here in a temporary directory, a database each) and
# Signet also a Debian redis-server, as a multi-instance deployment runs it; the CPU of the database (and of Redis) is
# charged to the server under load.
# Both sign tokens with ES256 (the realm's default signature algorithm is set to it; Keycloak's own default is
# RS256, which costs it more) and hash passwords with their own defaults: Keycloak Argon2id t=5, m=7 MiB, p=1;
# Signet Argon2id t=2, m=19 MiB, p=1 (OWASP's; at least as strong). See docs/benchmarks.md.
# Signet runs from the extracted jar layout, as its images do; --signet-aot-cache gives it a JDK AOT cache from a
# training start first (run-load.sh --aot-cache; deploy/README.md "Faster start"). Keycloak runs as kc.sh starts it
# after kc.sh build, with no AOT cache.
# --signet-production-flags runs Signet with the JVM flags and memory settings its Kubernetes manifests give it (the
# JAVA_TOOL_OPTIONS of deploy/kubernetes/base/identity-server/deployment.yaml and the password-hash concurrency of its
# settings.env, read from there by run-load.sh --production-flags; deploy/README.md "Memory") instead of --heap;
# Keycloak keeps --heap. Without it both run with the same maximum heap.
set -euo pipefail
cd "$(dirname "$0")/.."

keycloak_version=26.7.3
java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
heap=1g
workers=4
warmup=10s
duration=30s
users=20
flows="client-credentials authorization-code refresh introspection"
build=yes
signet_options=()
signet_memory=same-heap
while [ $# -gt 0 ]; do
  case "$1" in
    --keycloak-version) keycloak_version="$2"; shift 2 ;;
    --java) java_bin="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --flows) flows="$2"; shift 2 ;;
    --signet-aot-cache) signet_options+=(--aot-cache); shift ;;
    --signet-production-flags) signet_memory=production; shift ;;
    --no-build) build=no; shift ;;
    *) echo "run-keycloak-side-by-side.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

java_feature=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ -z "$java_feature" ] || [ "${java_feature%%.*}" -lt 21 ]; then
  echo "Keycloak needs Java 21 or newer; give one with --java (found: ${java_feature:-none} at $java_bin)" >&2
  exit 2
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ] || ! command -v redis-server > /dev/null; then
  echo "This benchmark runs the Debian PostgreSQL and Redis: apt-get install postgresql redis-server" >&2
  exit 2
fi

if [ "$build" = yes ]; then
  echo "Building identity-server and benchmarks..."
  ./mvnw -q -B -ntp -pl identity-server,benchmarks -am package -DskipTests
fi
bench_jar=benchmarks/target/benchmarks.jar

# Keycloak's distribution, downloaded once into benchmarks/target.
keycloak_home="benchmarks/target/keycloak-$keycloak_version"
if [ ! -x "$keycloak_home/bin/kc.sh" ]; then
  echo "Downloading Keycloak $keycloak_version from Maven Central..."
  ./mvnw -q -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" -DoutputDirectory=benchmarks/target
  (cd benchmarks/target && unzip -q -o "keycloak-quarkus-dist-$keycloak_version.zip")
fi
keycloak_home=$(cd "$keycloak_home" && pwd)

work=$(mktemp -d /tmp/signet-vs-keycloak.XXXXXX)
chmod 755 "$work"
keycloak_pid=
redis_pid=
postgres_started=no
stop_all() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
  if [ -n "$keycloak_pid" ] && kill -0 "$keycloak_pid" 2>/dev/null; then
    kill "$keycloak_pid"; wait "$keycloak_pid" 2>/dev/null || true
  fi
  if [ "$postgres_started" = yes ]; then
    run_as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop > /dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap stop_all EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
# initdb refuses to run as root: the Debian package's postgres user runs the database.
run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
seconds_since() {
  python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$1"
}

# Random per run, never on a command line that ps would show.
export SIGNET_BENCH_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
export SIGNET_BENCH_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
db_password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
redirect_uri="http://127.0.0.1/bench/callback"

echo "Starting PostgreSQL ($pg_bin) for both..."
pg_port=$(free_port)
mkdir -p "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
run_as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust > "$work/initdb.log"
run_as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -w start > /dev/null
postgres_started=yes
run_as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q \
  -c "CREATE ROLE keycloak LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE keycloak OWNER keycloak" \
  -c "CREATE ROLE signet LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE signet OWNER signet"
postmaster_pid=$(head -1 "$work/pg/postmaster.pid")

echo "Writing the bench realm ($users users, client bench-client, ES256)..."
python3 - "$work/bench-realm.json" "$users" "$redirect_uri" <<'PY'
import json, os, sys
path, users, redirect_uri = sys.argv[1], int(sys.argv[2]), sys.argv[3]
realm = {
    "realm": "bench", "enabled": True, "sslRequired": "none",
    "defaultSignatureAlgorithm": "ES256",
    "loginWithEmailAllowed": True, "bruteForceProtected": False,
    "clients": [{
        "clientId": "bench-client", "enabled": True, "publicClient": False,
        "clientAuthenticatorType": "client-secret", "secret": os.environ["SIGNET_BENCH_CLIENT_SECRET"],
        "redirectUris": [redirect_uri], "standardFlowEnabled": True, "serviceAccountsEnabled": True,
        "directAccessGrantsEnabled": False, "protocol": "openid-connect",
        "attributes": {"pkce.code.challenge.method": "S256", "access.token.signed.response.alg": "ES256",
                       "id.token.signed.response.alg": "ES256"},
        # Keycloak 26 introspects a token only for a client in its audience: put the client in its own tokens'
        # audience, as an operator would (Signet lets a client introspect the tokens issued to it).
        "protocolMappers": [{
            "name": "bench-client-audience", "protocol": "openid-connect",
            "protocolMapper": "oidc-audience-mapper",
            "config": {"included.client.audience": "bench-client", "access.token.claim": "true",
                       "introspection.token.claim": "true"},
        }],
    }],
    "users": [{
        "username": f"bench-user-{i}@example.test", "email": f"bench-user-{i}@example.test",
        "emailVerified": True, "enabled": True, "firstName": "Bench", "lastName": f"User {i}",
        "credentials": [{"type": "password", "value": os.environ["SIGNET_BENCH_PASSWORD"], "temporary": False}],
    } for i in range(1, users + 1)],
}
with open(path, "w") as out:
    json.dump(realm, out)
PY

export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
export JAVA_OPTS_KC_HEAP="-Xmx$heap"
keycloak_port=$(free_port)
management_port=$(free_port)
keycloak_options=(--db=postgres --db-url="jdbc:postgresql://127.0.0.1:$pg_port/keycloak" --db-username=keycloak
  --db-password="$db_password" --http-enabled=true --http-host=127.0.0.1 --http-port="$keycloak_port"
  --http-management-port="$management_port" --hostname="http://127.0.0.1:$keycloak_port" --health-enabled=true)

echo "Building Keycloak's optimised server image (kc.sh build)..."
"$keycloak_home/bin/kc.sh" build --db=postgres --health-enabled=true > "$work/keycloak-build.log" 2>&1 \
  || { tail -30 "$work/keycloak-build.log" >&2; exit 1; }
echo "Importing the realm (kc.sh import)..."
"$keycloak_home/bin/kc.sh" import --optimized --file "$work/bench-realm.json" "${keycloak_options[@]}" \
  > "$work/keycloak-import.log" 2>&1 || { tail -30 "$work/keycloak-import.log" >&2; exit 1; }

echo "Starting Keycloak on http://127.0.0.1:$keycloak_port ..."
started_at=$(date +%s.%N)
"$keycloak_home/bin/kc.sh" start --optimized "${keycloak_options[@]}" > "$work/keycloak.log" 2>&1 &
keycloak_pid=$!
for _ in $(seq 1 2000); do
  if curl -fsS "http://127.0.0.1:$management_port/health/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$keycloak_pid" 2>/dev/null; then
    echo "Keycloak did not start; its log:" >&2; tail -50 "$work/keycloak.log" >&2; exit 1
  fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$management_port/health/ready" > /dev/null \
  || { echo "Keycloak is not ready after 400 s" >&2; exit 1; }
keycloak_startup=$(seconds_since "$started_at")
# kc.sh runs java as its child unless it execs it: charge whichever holds the JVM.
keycloak_jvm=$(pgrep -P "$keycloak_pid" java || echo "$keycloak_pid")

echo
echo "##### Keycloak $keycloak_version on $("$java_bin" -version 2>&1 | head -1), heap -Xmx$heap"
echo "start-up     $keycloak_startup s to ready"
for flow in $flows; do
  echo
  echo "=== $flow"
  java -cp "$bench_jar" dev.signet.bench.load.LoadDriver --provider keycloak --realm bench \
    --target "http://127.0.0.1:$keycloak_port" --flow "$flow" --workers "$workers" --warmup "$warmup" \
    --duration "$duration" --server-pid "$keycloak_pid" --server-pid "$postmaster_pid" --client-id bench-client \
    --redirect-uri "$redirect_uri" --users "$users" --user-email 'bench-user-%d@example.test' || true
done
echo
echo "peak RSS     $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$keycloak_jvm/status") (server JVM)"
kill "$keycloak_pid"; wait "$keycloak_pid" 2>/dev/null || true
keycloak_pid=

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize no \
  > "$work/redis.log" 2>&1 &
redis_pid=$!

signet_java_options=(--server-java-option "-Xmx$heap")
signet_memory_label="heap -Xmx$heap"
if [ "$signet_memory" = production ]; then
  # run-load.sh reads them from the manifests (JAVA_TOOL_OPTIONS and the settings that size memory).
  signet_java_options=(--production-flags)
  signet_memory_label="production flags of deploy/kubernetes/base/identity-server"
fi

echo
echo "##### Signet on the same Java, $signet_memory_label, same PostgreSQL, Redis $(redis-server --version | cut -d' ' -f3)"
SIGNET_BENCH_DB_USER=signet SIGNET_BENCH_DB_PASSWORD="$db_password" benchmarks/run-load.sh --no-build \
  --server-java "$java_bin" "${signet_java_options[@]}" \
  --database-url "jdbc:postgresql://127.0.0.1:$pg_port/signet" --charge-pid "$postmaster_pid" \
  --redis-url "redis://127.0.0.1:$redis_port" --charge-pid "$redis_pid" \
  --workers "$workers" --warmup "$warmup" --duration "$duration" --users "$users" --flows "$flows" \
  "${signet_options[@]}"
