-- One row per ended call, with what summarizeCalls counts for it.
-- Needs audit_events (events.sql). Definitions, as in summarizeCalls:
--   * a call is a session id from its first `call-started` to its first
--     `outcome` after it; events before the start (the log began mid-call) and
--     after the outcome are not counted, nor are calls without an outcome
--     (the SQL assumes one call per session id, which the library guarantees);
--   * a call first seen through a restored start has no start time (its time
--     to verify is unknown) and no implied `introduce` step;
--   * steps: the main steps entered (`step-entered`, without `handoff` and the
--     detours), consecutive repeats collapsed, after `introduce`;
--   * reached: a PESEL challenge issued or the pesel-digit/question step
--     entered; exhausted: a `challenge-exhausted` event that went on to the
--     questions.
CREATE OR REPLACE TABLE audit_calls AS
WITH starts AS (
  SELECT session_id, min(seq) AS start_seq FROM audit_events WHERE "type" = 'call-started' GROUP BY session_id
),
first_start AS (
  SELECT e.session_id, s.start_seq, e.agent_id, e.script_id, e.script_version, e.script_key, e.restored, e.at_ms AS start_ms
  FROM audit_events e JOIN starts s ON e.session_id = s.session_id AND e.seq = s.start_seq
),
ends AS (
  SELECT f.session_id, min(e.seq) AS end_seq
  FROM first_start f JOIN audit_events e ON e.session_id = f.session_id AND e.seq > f.start_seq AND e."type" = 'outcome'
  GROUP BY f.session_id
),
window_events AS (
  SELECT e.*
  FROM audit_events e
  JOIN first_start f ON e.session_id = f.session_id
  JOIN ends n ON e.session_id = n.session_id
  WHERE e.seq > f.start_seq AND e.seq <= n.end_seq
),
flags AS (
  SELECT session_id,
    bool_or(("type" = 'step-entered' AND step IN ('pesel-digit', 'question')) OR "type" = 'challenge-issued') AS reached,
    bool_or("type" = 'challenge-exhausted' AND then_step = 'questions') AS exhausted,
    bool_or("type" = 'safe-place') AS safe_asked,
    bool_or("type" = 'safe-place' AND NOT safe) AS unsafe,
    bool_or("type" = 'step-entered' AND step = 'mutual') AS mutual_offered,
    bool_or("type" = 'digits-revealed') AS mutual_used,
    bool_or("type" = 'mutual-result' AND NOT matches) AS mismatch
  FROM window_events GROUP BY session_id
),
main_steps AS (
  -- The implied first step, then every main step entered.
  SELECT session_id, start_seq AS seq, 'introduce' AS step FROM first_start WHERE NOT restored
  UNION ALL
  SELECT session_id, seq, step FROM window_events
  WHERE "type" = 'step-entered'
    AND step IN ('introduce', 'vip-substitute', 'purpose', 'caller-id', 'safe-place', 'consent', 'pesel-digit', 'mutual', 'question')
),
collapsed AS (
  SELECT session_id, seq, step, lag(step) OVER (PARTITION BY session_id ORDER BY seq) AS previous FROM main_steps
),
steps AS (
  SELECT session_id, list(step ORDER BY seq) AS steps FROM collapsed
  WHERE previous IS NULL OR previous <> step
  GROUP BY session_id
)
SELECT
  f.session_id, f.agent_id, f.script_id, f.script_version, f.script_key,
  CASE WHEN f.restored THEN NULL ELSE f.start_ms END AS start_ms,
  o.at_ms AS end_ms,
  CAST(epoch_ms(o.at_ms) AS DATE) AS end_day,
  o.kind AS outcome,
  coalesce(g.reached, false) AS reached,
  coalesce(g.exhausted, false) AS exhausted,
  coalesce(g.safe_asked, false) AS safe_asked,
  coalesce(g.unsafe, false) AS unsafe,
  coalesce(g.mutual_offered, false) AS mutual_offered,
  coalesce(g.mutual_used, false) AS mutual_used,
  coalesce(g.mismatch, false) AS mismatch,
  coalesce(s.steps, []::VARCHAR[]) AS steps,
  CASE WHEN o.kind = 'verified' AND NOT f.restored
       THEN greatest(0, round((o.at_ms - f.start_ms) / 1000.0))::BIGINT END AS ttv_seconds
FROM first_start f
JOIN ends n ON f.session_id = n.session_id
JOIN audit_events o ON o.seq = n.end_seq
LEFT JOIN flags g ON g.session_id = f.session_id
LEFT JOIN steps s ON s.session_id = f.session_id;
