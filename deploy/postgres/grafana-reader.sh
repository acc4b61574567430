#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: creates the read-only role the
# Grafana "ads" data source signs in with. It reads only the `reporting` schema: views over the
# ad statistics that the application's migrations create (V202612071800__reporting_views.sql)
# and grant to the group role reporting_reader. No table of the public schema (clients, keys,
# the admin's sessions and users) is readable by it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v reader="${GRAFANA_DB_USER:-grafana_reader}" -v password="${GRAFANA_DB_PASSWORD:-grafana_reader}" <<'SQL'
CREATE ROLE reporting_reader NOLOGIN;
CREATE ROLE :"reader" LOGIN PASSWORD :'password' IN ROLE reporting_reader;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"reader";
ALTER ROLE :"reader" SET search_path = reporting;
ALTER ROLE :"reader" SET default_transaction_read_only = on;
SQL
