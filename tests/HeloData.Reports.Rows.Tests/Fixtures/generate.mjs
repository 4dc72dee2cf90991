// Writes the DuckDB parquet fixtures of ParquetFixtureTests, and beside each the csv of the rows
// every reader must return (the documented columns, spelled as docs/artifacts.md says).
// Run from a folder where @duckdb/node-api is installed (see README.md); writes next to this file.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { DuckDBInstance } = await import(createRequire(join(process.cwd(), 'x.js')).resolve('@duckdb/node-api'));
const here = dirname(fileURLToPath(import.meta.url));
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
// One thread and a fixed order: the same bytes at every run with the same DuckDB.
await c.run('SET threads = 1');
await c.run("SET TimeZone = 'UTC'");

// Columns no row type knows, of every kind a reader must keep or skip without failing the row.
const extras = `,
  {'k': i, 'tags': ['a', 'b']} AS extra_struct,
  MAP {'x': i, 'y': i * 2} AS extra_map,
  [i, i + 1] AS extra_list,
  ('{"n": ' || i || '}')::JSON AS extra_json,
  ('\\x00\\xFF' || i::VARCHAR)::BLOB AS extra_blob,
  to_days(i) + to_hours(2) AS extra_interval,
  make_time(3, 5, (i % 10) + 0.5) AS extra_time,
  CASE WHEN i % 3 = 0 THEN NULL ELSE 'note ' || i END AS extra_text`;

const sources = {
  traffic: (n, x, day = 'i // 40') => `SELECT DATE '2026-05-01' + (${day})::INT AS date,
      'su_' || lpad(((i // 4) % 10)::VARCHAR, 4, '0') AS subuser_id,
      ['residential', 'mobile', 'datacenter', 'isp'][i % 4 + 1] AS product,
      (i * 1000003 + 7)::BIGINT AS bandwidth_bytes,
      (i * 31)::BIGINT AS requests${x}
    FROM range(${n}) t(i)`,
  requests: (n, x, day) => `SELECT TIMESTAMPTZ '2026-05-01 03:05:46+00' + to_seconds(i * 97) AS timestamp,
      'su_' || lpad((i % 7)::VARCHAR, 4, '0') AS subuser_id,
      ['residential', 'mobile', 'datacenter', 'isp'][i % 4 + 1] AS product,
      'h' || (i % 5) || '.example.net' AS target_host,
      ['BR', 'NL', 'US'][i % 3 + 1] AS country,
      [200, 204, 404][i % 3 + 1]::INTEGER AS status_code,
      (i * 517)::BIGINT AS bytes,
      (10 + i % 300)::INTEGER AS latency_ms${x}
    FROM range(${n}) t(i)`,
  invoices: (n, x, day = '0') => `SELECT 'inv_' || (i // 5) AS invoice_id,
      'li_' || i AS line_id,
      DATE '2026-05-28' + (${day})::INT AS issued_on,
      DATE '2026-05-01' + (${day})::INT AS period_start,
      DATE '2026-05-28' + (${day})::INT AS period_end,
      ['residential', 'mobile', 'datacenter', 'isp'][i % 4 + 1] AS product,
      'Line ' || i || ', "quoted", 2026-05-01 to 2026-05-28' AS description,
      (i * 1.125 + 0.688)::DECIMAL(18, 3) AS quantity,
      'GB' AS unit,
      (3.45 + i / 100)::DECIMAL(18, 4) AS unit_price_usd,
      round((i * 1.125 + 0.688) * (3.45 + i / 100), 2)::DECIMAL(18, 2) AS amount_usd${x}
    FROM range(${n}) t(i)`,
};

// The documented columns as the csv spells them.
const expected = {
  traffic: "strftime(date, '%Y-%m-%d') AS date, subuser_id, product, bandwidth_bytes, requests",
  requests: "strftime(timestamp, '%Y-%m-%dT%H:%M:%SZ') AS timestamp, subuser_id, product, target_host, country, status_code, bytes, latency_ms",
  invoices: "invoice_id, line_id, strftime(issued_on, '%Y-%m-%d') AS issued_on, strftime(period_start, '%Y-%m-%d') AS period_start, " +
    "strftime(period_end, '%Y-%m-%d') AS period_end, product, description, quantity::VARCHAR AS quantity, unit, unit_price_usd::VARCHAR AS unit_price_usd, amount_usd::VARCHAR AS amount_usd",
};

// [report, rows, parquet version, compression, day]; more than 2,048 rows make several row groups (DuckDB cuts
// them at whole vectors): those files leave the extra columns out and gzip their csv, to stay small. DuckDB
// writes a date column with few distinct days as a dictionary; the "-dates" files change the day every row
// or two, so their dates are DELTA_BINARY_PACKED in v2.
const fixtures = [
  ['traffic', 12, 'V1', 'snappy'],
  ['traffic', 12, 'V2', 'zstd'],
  ['traffic', 2100, 'V2', 'gzip'],
  ['requests', 12, 'V1', 'gzip'],
  ['requests', 12, 'V2', 'snappy'],
  ['requests', 2100, 'V1', 'zstd'],
  ['invoices', 12, 'V1', 'zstd'],
  ['invoices', 12, 'V2', 'gzip'],
  ['traffic', 12, 'V2', 'snappy', 'i // 2'],
  ['invoices', 12, 'V2', 'zstd', 'i'],
];

for (const [report, rows, version, compression, day] of fixtures) {
  const groups = rows > 2048;
  const name = `${report}-${version.toLowerCase()}-${compression}${groups ? '-groups' : ''}${day ? '-dates' : ''}`;
  await c.run(`CREATE OR REPLACE TABLE t AS ${sources[report](rows, groups ? '' : extras, day)}`);
  await c.run(`COPY t TO '${join(here, name + '.parquet')}' (FORMAT parquet, PARQUET_VERSION ${version}, COMPRESSION ${compression}, ROW_GROUP_SIZE 2048)`);
  await c.run(`COPY (SELECT ${expected[report]} FROM t) TO '${join(here, name + (groups ? '.csv.gz' : '.csv'))}' (HEADER, DELIMITER ',', NEW_LINE '\\r\\n'${groups ? ", COMPRESSION gzip" : ''})`);
  const written = await c.runAndReadAll(`SELECT count(DISTINCT row_group_id) FROM parquet_metadata('${join(here, name + '.parquet')}')`);
  console.log(`${name}: ${rows} rows, ${written.getRows()[0][0]} row group(s)`);
}
