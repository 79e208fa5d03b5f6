-- Script adherence of every ended call. Needs audit_calls (calls.sql).
--
-- The expected main steps of a script version come from the table
-- expected_steps when it has a row for it, e.g. from `safecall validate`:
--   INSERT INTO expected_steps VALUES ('fraud-alert@3', ['introduce', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question']);
-- (the script's main steps without `handoff`); otherwise from the step order
-- most verified calls of that version took (ties: the alphabetically first).
-- A verified call adheres when it took exactly those steps; a call that ended
-- early, when its steps are the start of them. A call whose challenge was
-- exhausted (and went on to the questions) is checked against the order
-- without consent, pesel-digit and mutual.
CREATE TABLE IF NOT EXISTS expected_steps (script_key VARCHAR PRIMARY KEY, steps VARCHAR[]);

CREATE OR REPLACE TABLE audit_adherence AS
WITH observed AS (
  SELECT script_key, steps, count(*) AS calls FROM audit_calls
  WHERE outcome = 'verified' AND NOT exhausted
  GROUP BY script_key, steps
),
ranked AS (
  SELECT script_key, steps,
    row_number() OVER (PARTITION BY script_key ORDER BY calls DESC, array_to_string(steps, ',') ASC) AS rank
  FROM observed
),
expected AS (
  SELECT k.script_key,
    coalesce(x.steps, r.steps) AS steps,
    CASE WHEN x.steps IS NOT NULL THEN 'script' WHEN r.steps IS NOT NULL THEN 'observed' END AS expected_from
  FROM (SELECT DISTINCT script_key FROM audit_calls) k
  LEFT JOIN expected_steps x ON x.script_key = k.script_key
  LEFT JOIN ranked r ON r.script_key = k.script_key AND r.rank = 1
),
checked AS (
  SELECT c.session_id, e.expected_from,
    CASE WHEN c.exhausted THEN list_filter(e.steps, s -> s NOT IN ('consent', 'pesel-digit', 'mutual')) ELSE e.steps END AS order_steps,
    c.steps, c.outcome
  FROM audit_calls c JOIN expected e ON e.script_key = c.script_key
)
SELECT session_id, expected_from,
  CASE
    WHEN order_steps IS NULL THEN NULL
    WHEN outcome = 'verified' THEN steps = order_steps
    ELSE len(steps) <= len(order_steps) AND steps = list_slice(order_steps, 1, len(steps))
  END AS adherent
FROM checked;
