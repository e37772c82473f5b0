-- This file has a deliberate mistake (FORM instead of FROM), to show what a diagnostic looks like.
SELECT user_id, COUNT(*) FORM clicks
GROUP BY user_id;
