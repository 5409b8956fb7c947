#!/usr/bin/env bash
# Signet's whole production shape on one machine, on loopback only: PostgreSQL and Redis (Debian's packages), an SMTP
# sink, two identity-server instances sharing them with deploy/config/identity-server-production.yml and generated
# secrets, nginx in front of both as the load balancer, and admin-api. Every server runs as an unprivileged process
# with its data in one directory; nothing is installed as a system service.
#
#   deploy/local/full-stack.sh [start] [--dir DIR] [--base-port N] [--java PATH] [--build]
#                                      [--relying-parties FILE] [--seed-file FILE]
#   deploy/local/full-stack.sh status [--dir DIR]
#   deploy/local/full-stack.sh stop [--dir DIR] [--purge]
#
# --dir          where everything lives (default /tmp/signet-full-stack); start again with the same --dir to reuse
#                its data and secrets; stop --purge deletes it
# --base-port    ports N (nginx) to N+17 on 127.0.0.1 (default 18000; see "Ports" in deploy/README.md)
# --java         the java that runs the servers (default: java on the PATH; JDK 21+ signs tokens faster)
# --build        rebuild the jars (by default they are built only when missing)
# --relying-parties  your own relying-party file instead of the generated local-demo client
# --seed-file    accounts to create at start-up (Auth0 bulk-import format, docs/credentials.md)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
command=start
case "${1:-}" in start|stop|status) command=$1; shift ;; esac

dir=/tmp/signet-full-stack
base=18000
java=java
build=if-missing
relying_parties=
seed_file=
purge=no
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --base-port) base=$2; shift 2 ;;
    --java) java=$2; shift 2 ;;
    --build) build=yes; shift ;;
    --relying-parties) relying_parties=$(realpath "$2"); shift 2 ;;
    --seed-file) seed_file=$(realpath "$2"); shift 2 ;;
    --purge) purge=yes; shift ;;
    *) echo "full-stack.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
dir=$(realpath -m "$dir")

# Ports, all on 127.0.0.1.
nginx_port=$base
server_ports=($((base + 1)) $((base + 2)))
server_management_ports=($((base + 11)) $((base + 12)))
admin_port=$((base + 3))
admin_management_port=$((base + 13))
postgres_port=$((base + 15))
redis_port=$((base + 16))
smtp_port=$((base + 17))
issuer="http://127.0.0.1:$nginx_port"
demo_redirect_uri="http://127.0.0.1:$((base + 9))/callback"

# PostgreSQL refuses to run as root, and none of these servers needs to: as root, run them all as nobody.
# as_user is a command prefix (setpriv execs, so a recorded pid is the server's own).
if [ "$(id -u)" = 0 ]; then
  run_user=nobody
  as_user=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups --)
else
  run_user=$(id -un)
  as_user=()
fi
run_as() { "${as_user[@]}" "$@"; }

say() { printf '%s\n' "$*"; }
fail() { printf 'full-stack.sh: %s\n' "$*" >&2; exit 1; }

postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || fail "no PostgreSQL server found under /usr/lib/postgresql"
  printf '%s' "$bin"
}

install_packages() {
  local missing=()
  ls -d /usr/lib/postgresql/*/bin > /dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server > /dev/null || missing+=(redis-server)
  command -v nginx > /dev/null || missing+=(nginx)
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || fail "missing ${missing[*]}: sudo apt-get install ${missing[*]}"
  say "Installing ${missing[*]} from Debian's packages (only the programs are used: no system service is started)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > "$dir/logs/apt.log"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

random_secret() { openssl rand -hex "$1"; }

wait_for() { # wait_for NAME URL PIDFILE LOG
  local name=$1 url=$2 pid_file=$3 log=$4
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2> /dev/null; then return 0; fi
    if ! kill -0 "$(head -1 "$pid_file")" 2> /dev/null; then
      tail -40 "$log" >&2
      fail "$name stopped during start-up (log: $log)"
    fi
    sleep 1
  done
  fail "$name is not ready after 4 minutes (log: $log)"
}

running() { [ -f "$1" ] && kill -0 "$(head -1 "$1")" 2> /dev/null; }

start_postgres() {
  local bin
  bin=$(postgres_bin)
  if [ ! -f "$dir/postgres/PG_VERSION" ]; then
    say "Creating a PostgreSQL cluster in $dir/postgres..."
    mkdir -p "$dir/postgres" && chown "$run_user" "$dir/postgres" && chmod 700 "$dir/postgres"
    run_as "$bin/initdb" -D "$dir/postgres" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 > "$dir/logs/initdb.log"
    cat >> "$dir/postgres/postgresql.conf" <<CONF
# full-stack.sh: loopback only; the socket (trust for the superuser) only in a directory no one else can enter.
listen_addresses = '127.0.0.1'
port = $postgres_port
unix_socket_directories = '$dir/run'
unix_socket_permissions = 0700
max_connections = 100
# Statements per sign-in for the capacity model (docs/capacity.md).
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
CONF
    run_as "$bin/pg_ctl" -D "$dir/postgres" -l "$dir/logs/postgres.log" -w start > /dev/null
    # The password goes on standard input, never on a command line; this session is not tracked by
    # pg_stat_statements, which would otherwise keep the statement's text.
    run_as "$bin/psql" -q -h "$dir/run" -p "$postgres_port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
SET pg_stat_statements.track = none;
CREATE ROLE signet LOGIN PASSWORD '$SPRING_DATASOURCE_PASSWORD';
CREATE DATABASE signet OWNER signet;
\connect signet
CREATE EXTENSION pg_stat_statements;
SQL
  else
    running "$dir/postgres/postmaster.pid" \
      || run_as "$bin/pg_ctl" -D "$dir/postgres" -l "$dir/logs/postgres.log" -w start > /dev/null
  fi
}

start_redis() {
  cat > "$dir/redis.conf" <<CONF
bind 127.0.0.1
port $redis_port
protected-mode yes
requirepass $redis_password
daemonize yes
pidfile $dir/run/redis.pid
logfile $dir/logs/redis.log
dir $dir/redis
save ""
appendonly yes
CONF
  chown "$run_user" "$dir/redis.conf" && chmod 600 "$dir/redis.conf"
  running "$dir/run/redis.pid" || run_as redis-server "$dir/redis.conf"
  for _ in $(seq 1 50); do [ -f "$dir/run/redis.pid" ] && return 0; sleep 0.1; done
  fail "Redis did not start (log: $dir/logs/redis.log)"
}

start_smtp() {
  running "$dir/run/smtp.pid" && return 0
  # Debian's python3 (a per-user one, e.g. pyenv's under /root, is not readable by the unprivileged user).
  local python
  python=$(command -v /usr/bin/python3 || command -v python3) || fail "python3 is needed for the SMTP sink"
  # Python's smtpd (3.11 and older) prints every message: sign-up and reset codes are read in logs/mail.log.
  if "$python" -W ignore -c 'import smtpd' 2> /dev/null; then
    (exec "${as_user[@]}" "$python" -W ignore -u -m smtpd -n -c DebuggingServer "127.0.0.1:$smtp_port") \
      > "$dir/logs/mail.log" 2>&1 &
  else
    "$python" -c 'import aiosmtpd' 2> /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      python3-aiosmtpd > /dev/null || fail "no SMTP sink: apt-get install python3-aiosmtpd"
    (exec "${as_user[@]}" "$python" -u -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Debugging \
      stdout) > "$dir/logs/mail.log" 2>&1 &
  fi
  echo $! > "$dir/run/smtp.pid"
  for _ in $(seq 1 50); do port_free "$smtp_port" || return 0; sleep 0.1; done
  cat "$dir/logs/mail.log" >&2
  fail "the SMTP sink did not start (log: $dir/logs/mail.log)"
}

start_identity_server() { # start_identity_server N
  local n=$1 pid_file="$dir/run/identity-server-$1.pid" log="$dir/logs/identity-server-$1.log"
  local port=${server_ports[$((n - 1))]} management=${server_management_ports[$((n - 1))]}
  running "$pid_file" && return 0
  mkdir -p "$dir/identity-server-$n" && chown "$run_user" "$dir/identity-server-$n"
  local seed=()
  # Only the first instance imports the seed file, so two instances never race to create the same accounts.
  if [ -n "$seed_file" ] && [ "$n" = 1 ]; then seed=(SIGNET_ACCOUNTS_SEED_FILE="$seed_file"); fi
  say "Starting identity-server $n on 127.0.0.1:$port (management $management)..."
  # The heap and collector of the Kubernetes manifests (deploy/README.md "Memory").
  (
    set -a
    . "$dir/secrets.env"
    set +a
    exec env "${seed[@]}" \
      SPRING_CONFIG_ADDITIONAL_LOCATION="file:$repo/deploy/config/identity-server-production.yml" \
      SIGNET_ISSUER="$issuer" \
      SIGNET_DATA_DIRECTORY="$dir/identity-server-$n" \
      SIGNET_CLIENTS_FILE="file:$dir/relying-parties.yml" \
      SIGNET_MAIL_FROM="Signet (local) <no-reply@signet.localhost>" \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$postgres_port/signet" \
      SPRING_DATASOURCE_USERNAME=signet \
      SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$smtp_port" SIGNET_MAIL_STARTTLS=false \
      SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$port" \
      MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT="$management" \
      SIGNET_DATABASE_POOL_SIZE=10 SIGNET_PASSWORDS_MAXCONCURRENTHASHES=2 \
      "${as_user[@]}" "$java" -XX:+UseSerialGC -Xmx144m -Xmn32m -XX:+ExitOnOutOfMemoryError \
      -Djava.io.tmpdir="$dir/identity-server-$n" \
      -jar "$server_jar"
  ) > "$log" 2>&1 &
  echo $! > "$pid_file"
  wait_for "identity-server $n" "http://127.0.0.1:$management/actuator/health/readiness" "$pid_file" "$log"
}

start_admin_api() {
  local pid_file="$dir/run/admin-api.pid" log="$dir/logs/admin-api.log"
  running "$pid_file" && return 0
  say "Starting admin-api on 127.0.0.1:$admin_port (management $admin_management_port)..."
  (
    exec env SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$admin_port" \
      SIGNET_ADMIN_ISSUER="$issuer" \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$postgres_port/signet" \
      SPRING_DATASOURCE_USERNAME=signet \
      MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT="$admin_management_port" \
      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true \
      "${as_user[@]}" "$java" -Xmx256m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$dir/run" -jar "$admin_jar"
  ) > "$log" 2>&1 &
  echo $! > "$pid_file"
  wait_for admin-api "http://127.0.0.1:$admin_management_port/actuator/health/readiness" "$pid_file" "$log"
}

start_nginx() {
  mkdir -p "$dir/nginx" && chown "$run_user" "$dir/nginx"
  cat > "$dir/nginx/nginx.conf" <<CONF
# full-stack.sh: the load balancer in front of both identity-server instances, as in production (round robin; any
# instance serves any request because sessions and authorization state are in Redis).
daemon on;
worker_processes 1;
pid $dir/run/nginx.pid;
error_log $dir/logs/nginx-error.log warn;
events { worker_connections 512; }
http {
  log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr \${request_time}s';
  access_log $dir/logs/nginx-access.log upstream;
  client_body_temp_path $dir/nginx/client-body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  upstream identity_server {
    server 127.0.0.1:${server_ports[0]} max_fails=2 fail_timeout=5s;
    server 127.0.0.1:${server_ports[1]} max_fails=2 fail_timeout=5s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://identity_server;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # Without it Tomcat takes the default port of X-Forwarded-Proto (80) and redirects lose :$nginx_port.
      proxy_set_header X-Forwarded-Port \$server_port;
      # Another instance takes over when one is down; a POST is never sent twice (non_idempotent is off).
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
  if running "$dir/run/nginx.pid"; then
    kill -HUP "$(head -1 "$dir/run/nginx.pid")" # reload the configuration just written
    return 0
  fi
  run_as nginx -p "$dir/nginx" -e "$dir/logs/nginx-error.log" -c "$dir/nginx/nginx.conf"
  for _ in $(seq 1 50); do [ -f "$dir/run/nginx.pid" ] && return 0; sleep 0.1; done
  fail "nginx did not start (log: $dir/logs/nginx-error.log)"
}

write_secrets() {
  [ -f "$dir/secrets.env" ] && return 0
  say "Generating secrets into $dir/secrets.env (mode 600)..."
  local database_password redis_password
  database_password=$(random_secret 24)
  redis_password=$(random_secret 24)
  umask 077
  cat > "$dir/secrets.env" <<ENV
# Generated by full-stack.sh for this local stack only. Every secret of deploy/config/identity-server-production.yml.
SIGNET_KEYS_ENCRYPTION_KEY=$(openssl rand -base64 32)
SIGNET_SUBJECTS_PAIRWISE_SALT=$(random_secret 32)
SIGNET_CODES_HMAC_KEY=$(openssl rand -base64 32)
SPRING_DATASOURCE_PASSWORD=$database_password
LOCAL_REDIS_PASSWORD=$redis_password
SIGNET_REDIS_URL=redis://:$redis_password@127.0.0.1:$redis_port/0
ENV
  printf '%s' "$(random_secret 24)" > "$dir/local-demo-client-secret"
  umask 022
  chown "$run_user" "$dir/secrets.env" "$dir/local-demo-client-secret"
}

write_relying_parties() {
  if [ -n "$relying_parties" ]; then
    cp "$relying_parties" "$dir/relying-parties.yml"
  else
    local digest
    digest=$(printf '%s' "$(cat "$dir/local-demo-client-secret")" | sha256sum | cut -d' ' -f1)
    cat > "$dir/relying-parties.yml" <<YAML
# Generated by full-stack.sh: one confidential client for trying the local stack. Its secret is in
# $dir/local-demo-client-secret; only its SHA-256 is here.
relying-parties:
  - client-id: local-demo
    name: Local demo service
    token-endpoint-auth-method: client_secret_basic
    client-secret-sha256: $digest
    redirect-uris: [$demo_redirect_uri]
    sector-identifier: local-demo.localhost
    grant-types: [authorization_code, refresh_token, client_credentials]
    scopes: [openid, email]
    allowed-vtr: [Cl.Cm, Cl]
YAML
  fi
  chown "$run_user" "$dir/relying-parties.yml"
}

print_urls() {
  cat <<TEXT

Signet's full stack is running (data and logs in $dir):
  Signet, through nginx    $issuer   (discovery: $issuer/.well-known/openid-configuration)
  identity-server 1        http://127.0.0.1:${server_ports[0]}   health: http://127.0.0.1:${server_management_ports[0]}/actuator/health/readiness
  identity-server 2        http://127.0.0.1:${server_ports[1]}   health: http://127.0.0.1:${server_management_ports[1]}/actuator/health/readiness
  admin-api                http://127.0.0.1:$admin_port   health: http://127.0.0.1:$admin_management_port/actuator/health/readiness
  PostgreSQL               127.0.0.1:$postgres_port, database signet, user signet (password in $dir/secrets.env)
  Redis                    127.0.0.1:$redis_port (password in $dir/secrets.env)
  SMTP sink                127.0.0.1:$smtp_port, every email in $dir/logs/mail.log
  Relying party            local-demo, secret in $dir/local-demo-client-secret, redirect URI $demo_redirect_uri
  Logs                     $dir/logs (nginx-access.log shows which instance served each request)
Stop it with: $0 stop --dir $dir
TEXT
}

stop_pid_file() { # stop_pid_file NAME FILE [SIGNAL]
  local name=$1 file=$2 signal=${3:-TERM} pid
  [ -f "$file" ] || return 0
  pid=$(head -1 "$file")
  if kill -0 "$pid" 2> /dev/null; then
    say "Stopping $name (pid $pid)..."
    kill "-$signal" "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2> /dev/null; then kill -KILL "$pid"; fi
  fi
  rm -f "$file"
}

stop_all() {
  [ -d "$dir" ] || { say "Nothing to stop in $dir"; return 0; }
  stop_pid_file nginx "$dir/run/nginx.pid" QUIT
  stop_pid_file "identity-server 1" "$dir/run/identity-server-1.pid"
  stop_pid_file "identity-server 2" "$dir/run/identity-server-2.pid"
  stop_pid_file admin-api "$dir/run/admin-api.pid"
  stop_pid_file "SMTP sink" "$dir/run/smtp.pid"
  stop_pid_file Redis "$dir/run/redis.pid"
  if [ -f "$dir/postgres/postmaster.pid" ]; then
    say "Stopping PostgreSQL..."
    run_as "$(postgres_bin)/pg_ctl" -D "$dir/postgres" -m fast -w stop > /dev/null || true
  fi
  if [ "$purge" = yes ]; then
    rm -rf "$dir"
    say "Deleted $dir"
  fi
}

status() {
  for name in identity-server-1 identity-server-2 admin-api nginx redis smtp; do
    if running "$dir/run/$name.pid"; then state="running (pid $(head -1 "$dir/run/$name.pid"))"; else state=stopped; fi
    printf '  %-18s %s\n' "$name" "$state"
  done
  if running "$dir/postgres/postmaster.pid"; then state=running; else state=stopped; fi
  printf '  %-18s %s\n' postgresql "$state"
}

case "$command" in
  stop) stop_all; exit 0 ;;
  status) status; exit 0 ;;
esac

mkdir -p "$dir/logs" "$dir/run" "$dir/redis"
chmod 700 "$dir"
chown "$run_user" "$dir" "$dir/logs" "$dir/run" "$dir/redis"
install_packages
if ! status | grep running > /dev/null; then
  for port in "$nginx_port" "${server_ports[@]}" "${server_management_ports[@]}" "$admin_port" \
              "$admin_management_port" "$postgres_port" "$redis_port" "$smtp_port"; do
    port_free "$port" || fail "port $port on 127.0.0.1 is in use: choose another --base-port"
  done
fi

server_jar=$(ls "$repo"/identity-server/target/identity-server-*.jar 2> /dev/null | grep -v -e '-plain' | head -1 || true)
admin_jar=$(ls "$repo"/admin-api/target/admin-api-*-exec.jar 2> /dev/null | head -1 || true)
if [ "$build" = yes ] || [ -z "$server_jar" ] || [ -z "$admin_jar" ]; then
  say "Building identity-server and admin-api..."
  (cd "$repo" && ./mvnw -q -B -ntp -pl identity-server,admin-api -am package -DskipTests)
  server_jar=$(ls "$repo"/identity-server/target/identity-server-*.jar | grep -v -e '-plain' | head -1)
  admin_jar=$(ls "$repo"/admin-api/target/admin-api-*-exec.jar | head -1)
fi

write_secrets
set -a
. "$dir/secrets.env"
set +a
redis_password=$LOCAL_REDIS_PASSWORD
write_relying_parties
start_postgres
start_redis
start_smtp
# One after the other: the first applies the Flyway migrations and creates the first signing key.
start_identity_server 1
start_identity_server 2
start_admin_api
start_nginx
wait_for nginx "$issuer/.well-known/openid-configuration" "$dir/run/nginx.pid" "$dir/logs/nginx-error.log"
print_urls
