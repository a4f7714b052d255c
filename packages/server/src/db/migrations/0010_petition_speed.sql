-- Petition lists at scale (quality target: a list page under 50 ms at p95 with millions of
-- petitions). Each list order (sort column, then id as the tie-break, see petitions/service.ts
-- orderedIds) gets an index that returns it already sorted, so a page reads its fifty entries
-- (or skips the offset on the index alone) instead of sorting every petition of the scope.

-- Due date, nearest first (`due_on asc nulls last, id asc`), within one agency: the leader's
-- "what is due" list. Replaces the partial (agency_id, due_on) index, which it contains.
create index petition_agency_due_id_idx on petition (agency_id, due_on, id);
drop index petition_agency_due_idx;

-- A state filter (with kind, kept in the index so it is checked without reading the row), newest
-- first. Replaces (agency_id, state, received_on desc), which it contains.
create index petition_agency_state_received_idx on petition (agency_id, state, received_on desc, id desc) include (kind);
drop index petition_agency_state_idx;
