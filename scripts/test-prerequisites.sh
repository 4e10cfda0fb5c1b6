#!/usr/bin/env bash
# Runs before `npm test` (npm's pretest): makes sure what the tests talk to is there, so the README's one test command
# works on a fresh machine of this project's kind. Installs from Debian's packages only when run as root and something
# is missing; otherwise says what is missing and lets the tests report it.
set -uo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The storage-outage tests start and kill their own redis-server and PostgreSQL cluster (initdb + pg_ctl).
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)

if ((${#missing[@]})); then
	if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
		echo "test prerequisites: installing ${missing[*]} from Debian's packages (once)…"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || echo "test prerequisites: could not install ${missing[*]}"
	else
		echo "test prerequisites: missing ${missing[*]}; install them with apt-get (the tests that need them will fail)"
	fi
fi

# PostgreSQL (database test, user postgres, trust auth) and Redis on 127.0.0.1: start them if they are installed here
# but stopped. Where they run elsewhere, TEST_POSTGRES_URL and TEST_REDIS_URL point the tests at them.
if [[ -z ${TEST_POSTGRES_URL:-} ]] && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && [[ -d /etc/postgresql ]]; then
	pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || echo "test prerequisites: PostgreSQL is not running on 127.0.0.1:5432"
fi
if [[ -z ${TEST_REDIS_URL:-} ]] && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1; then
	mkdir -p /tmp/redis-test
	redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp/redis-test >/dev/null || echo "test prerequisites: Redis is not running on 127.0.0.1:6379"
fi
exit 0
