-- Typo correction (petitions/service.ts correctedNeedle) takes a word no letter holds for a
-- mistyped one and reads it as the known words one slip away. The vocabulary held the words of
-- names and codes only, so a slip in an address or in the letter's own words ("xăng dầu", "lấn
-- chiếm") was never corrected. It now holds every word of the search text (1,300 more words than
-- names and codes alone at 100,000 petitions; about 45 s at a million).
insert into search_word (word)
  select distinct w from petition, unnest(string_to_array(search_text, ' ')) as w
  where length(w) between 2 and 40
  on conflict do nothing;
