-- The audit trail as a table, one row per event, in the order it was written,
-- with the fields the quality numbers need (`data` read as a struct of them;
-- keys of other event types are ignored).
--
-- Set the files first (one file, a glob, or a list), e.g. in the duckdb shell:
--   SET VARIABLE audit_files = '/var/log/safecall/*.jsonl';
--   .read examples/sql/events.sql
--
-- Lines that are not JSON (a writer died mid-write: a torn line) are skipped,
-- as safecall's reader skips them. `seq` keeps the order of the lines, which
-- is each call's own order; files are read in the order of the list or glob.
CREATE OR REPLACE TABLE audit_events AS
SELECT
  row_number() OVER () AS seq,
  epoch_ms("at"::TIMESTAMPTZ) AS at_ms,
  sessionId AS session_id,
  scriptId AS script_id,
  scriptVersion AS script_version,
  scriptId || '@' || scriptVersion AS script_key,
  step,
  "type",
  data.agentId AS agent_id,
  data.restored AS restored,
  data.safe AS safe,
  data."then" AS then_step,
  data.matches AS matches,
  data.kind AS kind
FROM read_json(
  getvariable('audit_files'),
  format = 'newline_delimited',
  ignore_errors = true,
  columns = {
    "at": 'VARCHAR', sessionId: 'VARCHAR', scriptId: 'VARCHAR', scriptVersion: 'BIGINT', step: 'VARCHAR', "type": 'VARCHAR',
    data: 'STRUCT(agentId VARCHAR, restored BOOLEAN, safe BOOLEAN, "then" VARCHAR, matches BOOLEAN, kind VARCHAR)'
  }
)
WHERE "type" IS NOT NULL;
