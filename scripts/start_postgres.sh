#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster for the store tests (CI runs as root) and prints its URL on stdout.
# A `spinlens` role with a password and CREATEDB lets each test make and drop its own database.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
	pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || pg_ctlcluster "$version" main status >&2
for _ in $(seq 30); do
	runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
	sleep 1
done
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spinlens') THEN
    CREATE ROLE spinlens LOGIN PASSWORD 'spinlens' CREATEDB;
  END IF;
END $$;
SQL
if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'spinlens'" | grep -q 1; then
	runuser -u postgres -- createdb -O spinlens spinlens
fi
echo "postgresql://spinlens:spinlens@127.0.0.1:5432/spinlens"
