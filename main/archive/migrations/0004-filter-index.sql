-- Filters (status, format, presenter, reporter, last change) answered from a small index rather
-- than from the stories' rows, which carry whole scripts: counting a filtered list, or checking
-- each search match against the filters, no longer reads a page of the table per story.
-- Keyed by seq, so a search checks one match with one seek.
CREATE INDEX stories_filters ON stories (seq, status, format, presenter, reporter, updated_at);
