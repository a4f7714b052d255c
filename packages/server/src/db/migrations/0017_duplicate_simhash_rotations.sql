-- Near-identical wording in the duplicate check (petitions/service.ts duplicateCandidateIds), as
-- in 0014: letters at most 3 bits apart in their 64-bit simhash share one of its four 16-bit
-- bands. Letters written on one pattern crowd a band (36,000 of a million in one), and the check
-- measured the distance of every one of them, each parsed from its hex text.
--
-- Band k's index now holds the simhash rotated left by 16 × k bits, as a bigint: band k is its
-- top 16 bits, so the band is a range of the index, and within it the letters are ordered by the
-- bands that follow. The check reads only the entries nearest its own simhash in that order, on
-- each side of it: those sharing the next band too, then more and more of the bits after it.
-- Rotating both sides keeps the Hamming distance, so it is measured on the index's bigint.
create index petition_simhash_rot0_idx on petition ((('x' || content_simhash)::bit(64)::bigint))
  include (id, content_simhash) where content_simhash <> '0000000000000000';
create index petition_simhash_rot1_idx on petition ((('x' || substr(content_simhash || content_simhash, 5, 16))::bit(64)::bigint))
  include (id, content_simhash) where content_simhash <> '0000000000000000';
create index petition_simhash_rot2_idx on petition ((('x' || substr(content_simhash || content_simhash, 9, 16))::bit(64)::bigint))
  include (id, content_simhash) where content_simhash <> '0000000000000000';
create index petition_simhash_rot3_idx on petition ((('x' || substr(content_simhash || content_simhash, 13, 16))::bit(64)::bigint))
  include (id, content_simhash) where content_simhash <> '0000000000000000';

drop index petition_simhash_band0_idx;
drop index petition_simhash_band1_idx;
drop index petition_simhash_band2_idx;
drop index petition_simhash_band3_idx;
