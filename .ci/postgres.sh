#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1:5432 for the PostgreSQL tests, installing Debian's package
# when the machine lacks it, and creates the role and database the tests use. Needs root (as CI is).
set -euo pipefail
if [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'evident') THEN
    CREATE ROLE evident LOGIN PASSWORD 'evident-test';
  END IF;
END
$$;
SQL
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'evident_test'\"" | grep -q 1; then
  su postgres -c "createdb -O evident evident_test"
fi
