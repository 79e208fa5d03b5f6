-- The numbers of summarizeCalls, overall and per agent, script version and
-- day, from audit_calls and audit_adherence (run events.sql, calls.sql and
-- adherence.sql first). Rates are NULL when their denominator is 0; the time
-- to verify is in seconds, median and 90th percentile by nearest rank.
CREATE OR REPLACE MACRO call_stats(by_what) AS TABLE
WITH calls AS (
  SELECT c.*, a.adherent, CASE by_what WHEN 'agent' THEN c.agent_id WHEN 'script' THEN c.script_key ELSE 'all' END AS grp
  FROM audit_calls c LEFT JOIN audit_adherence a ON a.session_id = c.session_id
),
ttv AS (
  SELECT grp, ttv_seconds,
    row_number() OVER (PARTITION BY grp ORDER BY ttv_seconds) AS rn,
    count(*) OVER (PARTITION BY grp) AS n
  FROM calls WHERE ttv_seconds IS NOT NULL
),
quantiles AS (
  SELECT grp,
    max(ttv_seconds) FILTER (WHERE rn = greatest(1, ceil(0.5 * n))) AS ttv_median_s,
    max(ttv_seconds) FILTER (WHERE rn = greatest(1, ceil(0.9 * n))) AS ttv_p90_s
  FROM ttv GROUP BY grp
)
SELECT
  c.grp,
  count(*) AS calls,
  count(*) FILTER (WHERE outcome = 'verified') AS verified_calls,
  count(*) FILTER (WHERE outcome = 'failed') AS failed,
  count(*) FILTER (WHERE outcome = 'locked') AS locked,
  count(*) FILTER (WHERE outcome = 'wrong-person') AS wrong_person,
  count(*) FILTER (WHERE outcome = 'callback-scheduled') AS callback_scheduled,
  count(*) FILTER (WHERE outcome = 'customer-will-call-back') AS customer_will_call_back,
  count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
  count(*) FILTER (WHERE reached) AS reached,
  count(*) FILTER (WHERE reached AND outcome = 'verified') AS verified,
  (count(*) FILTER (WHERE reached AND outcome = 'verified')) / nullif(count(*) FILTER (WHERE reached), 0) AS pass_rate,
  count(ttv_seconds) AS ttv_count,
  any_value(q.ttv_median_s) AS ttv_median_s,
  any_value(q.ttv_p90_s) AS ttv_p90_s,
  count(*) FILTER (WHERE safe_asked) AS safe_asked,
  count(*) FILTER (WHERE unsafe) AS unsafe,
  (count(*) FILTER (WHERE unsafe)) / nullif(count(*) FILTER (WHERE safe_asked), 0) AS unsafe_rate,
  (count(*) FILTER (WHERE outcome = 'callback-scheduled')) / count(*) AS callback_rate,
  count(*) FILTER (WHERE mutual_offered) AS mutual_offered,
  count(*) FILTER (WHERE mutual_used) AS mutual_used,
  count(*) FILTER (WHERE mismatch) AS mismatches,
  count(adherent) AS adherence_checked,
  count(*) FILTER (WHERE adherent) AS adherent,
  (count(*) FILTER (WHERE adherent)) / nullif(count(adherent), 0) AS adherence_rate
FROM calls c LEFT JOIN quantiles q ON q.grp = c.grp
GROUP BY c.grp
ORDER BY c.grp;

-- Overall:
SELECT * FROM call_stats('all');
-- Per agent (summary.byAgent) and per script version (summary.byScript):
SELECT * FROM call_stats('agent');
SELECT * FROM call_stats('script');
-- Per UTC day of the calls' end (summary.byDay):
SELECT end_day AS day, count(*) AS calls,
  count(*) FILTER (WHERE outcome = 'verified') AS verified,
  count(*) FILTER (WHERE safe_asked) AS safe_asked,
  count(*) FILTER (WHERE unsafe) AS unsafe,
  count(*) FILTER (WHERE outcome = 'callback-scheduled') AS callbacks
FROM audit_calls GROUP BY end_day ORDER BY end_day;
