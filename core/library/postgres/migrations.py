"""The server library's schema, roles and row-level security, as numbered migrations.

``python main.py library server init --dsn DSN`` (run by the office's database
administrator, who owns the tables) applies the migrations the database lacks, each in its
own transaction, under an advisory lock so that two runs at once do not collide; running
it again changes nothing. Clerks log in with roles of their own that are members of
:data:`CLERK_ROLE` and are listed in ``library_members`` with their unit
(``library server member``).

Who sees what (row-level security, checked by the server on every row): a document, its
sections, its paragraphs and its kept files are visible to every clerk when ``shared``,
otherwise only to clerks of ``owner_unit``; a clerk adds rows for their own unit only,
corrects what they can see and removes their own unit's documents. Adding and removing
are written to ``library_log`` (who, when) by a trigger; clerks cannot read the log.

The tsvector columns hold our jieba tokens (core.text.language) with their positions,
written by the client as tsvector literals: the server's text parser never sees Chinese
text, so what is indexed does not depend on the server's locale or the ``simple``
configuration's parser; ``ts_rank_cd`` ranks and a GIN index answers.
"""

from __future__ import annotations

from core.library.postgres.connection import SCHEMA, ServerConnection

CLERK_ROLE = "baogao_clerk"
_LOCK_KEY = 0x62616F67  # pg_advisory_xact_lock key of `server init` ("baog")

_ROW_RULES = """
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY {table}_read ON {table} FOR SELECT USING (shared OR owner_unit = (SELECT library_unit()));
CREATE POLICY {table}_add ON {table} FOR INSERT WITH CHECK (owner_unit = (SELECT library_unit()));
CREATE POLICY {table}_correct ON {table} FOR UPDATE
    USING (shared OR owner_unit = (SELECT library_unit()))
    WITH CHECK (shared OR owner_unit = (SELECT library_unit()));
CREATE POLICY {table}_remove ON {table} FOR DELETE USING (owner_unit = (SELECT library_unit()));
"""

_VERSION_1 = (
    f"""
CREATE TABLE library_members (
    role_name name PRIMARY KEY,
    unit text NOT NULL,
    section text NOT NULL DEFAULT ''  -- 科室, optional
);
-- The unit of the clerk who logged in ('' for someone not listed: sees shared rows only). The
-- login (session_user), not current_user: the same inside the search functions below, which
-- run as the tables' owner.
CREATE FUNCTION library_unit() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT coalesce((SELECT unit FROM {SCHEMA}.library_members WHERE role_name = session_user), '') $$;
-- instr() as SQLite has it: the text scan's SQL is shared with the local library (core.library.search).
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT strpos(haystack, needle) $$;

CREATE TABLE documents (
    id bigserial PRIMARY KEY,
    sha256 text NOT NULL UNIQUE,
    text_sha text NOT NULL,
    file_name text NOT NULL,
    source text NOT NULL,
    kind text NOT NULL,
    year integer,
    unit text NOT NULL,
    title text NOT NULL,
    added_at text NOT NULL,
    owner_unit text NOT NULL DEFAULT library_unit(),
    owner_section text NOT NULL DEFAULT '',
    shared boolean NOT NULL DEFAULT true,
    added_by name NOT NULL DEFAULT current_user
);
CREATE INDEX documents_text_sha ON documents (text_sha);
CREATE INDEX documents_kind_year ON documents (kind, year);
CREATE TABLE sections (
    id bigserial PRIMARY KEY,
    doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    parent_id bigint,
    marker text NOT NULL,
    heading text,
    owner_unit text NOT NULL DEFAULT library_unit(),
    shared boolean NOT NULL DEFAULT true
);
CREATE INDEX sections_doc ON sections (doc_id);
CREATE TABLE paragraphs (
    id bigserial PRIMARY KEY,
    doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    section_id bigint NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    position integer NOT NULL,
    role text NOT NULL,
    text text NOT NULL,
    body tsvector NOT NULL,
    heading tsvector NOT NULL,
    owner_unit text NOT NULL DEFAULT library_unit(),
    shared boolean NOT NULL DEFAULT true
);
CREATE INDEX paragraphs_doc ON paragraphs (doc_id, position);
CREATE INDEX paragraphs_body ON paragraphs USING gin (body);
CREATE INDEX paragraphs_heading ON paragraphs USING gin (heading);
CREATE TABLE kept_files (
    sha256 text PRIMARY KEY,
    original bytea NOT NULL,
    record text NOT NULL,  -- the JSON record, as the local library keeps it beside its database
    owner_unit text NOT NULL DEFAULT library_unit(),
    shared boolean NOT NULL DEFAULT true
);
CREATE TABLE library_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    who name NOT NULL DEFAULT current_user,
    action text NOT NULL,  -- 'add' or 'remove'
    document_id bigint NOT NULL,
    sha256 text NOT NULL,
    file_name text NOT NULL,
    owner_unit text NOT NULL
);
CREATE FUNCTION log_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {SCHEMA}.library_log (action, document_id, sha256, file_name, owner_unit)
        VALUES ('add', NEW.id, NEW.sha256, NEW.file_name, NEW.owner_unit);
        RETURN NEW;
    END IF;
    INSERT INTO {SCHEMA}.library_log (action, document_id, sha256, file_name, owner_unit)
    VALUES ('remove', OLD.id, OLD.sha256, OLD.file_name, OLD.owner_unit);
    RETURN OLD;
END $$;
CREATE TRIGGER documents_logged AFTER INSERT OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION log_document_change();
ALTER TABLE library_log ENABLE ROW LEVEL SECURITY;
-- Clerks write their own entries (through the trigger) and read none.
CREATE POLICY library_log_add ON library_log FOR INSERT WITH CHECK (who = current_user);
"""
    + "".join(_ROW_RULES.format(table=table) for table in ("documents", "sections", "paragraphs", "kept_files"))
    + f"""
-- Full-text matching for clerks. Under row-level security PostgreSQL may not use the GIN index
-- for @@ (the operator is not leakproof, so it must wait until each row's policy has passed:
-- a scan of every paragraph). These functions run as the tables' owner, use the index, and
-- apply the same rule as the policies themselves (shared, or the caller's own unit), so they
-- return no more than the caller may read: ids and ranks of visible paragraphs.
CREATE FUNCTION match_paragraphs(
    query tsquery, in_headings boolean, heading_weight float8, kind text, year integer, unit text,
    role text, exclude_document bigint, newest integer
) RETURNS TABLE (id bigint, rank float8) LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
DECLARE
    joined text := '';
    conditions text := '(p.shared OR p.owner_unit = $9)';
    found bigint[];
BEGIN
    conditions := conditions || CASE WHEN in_headings THEN ' AND (p.body @@ $1 OR p.heading @@ $1)'
                                     ELSE ' AND p.body @@ $1' END;
    IF kind IS NOT NULL OR year IS NOT NULL OR unit IS NOT NULL THEN
        joined := ' JOIN documents d ON d.id = p.doc_id';
    END IF;
    IF kind IS NOT NULL THEN conditions := conditions || ' AND d.kind = $2'; END IF;
    IF year IS NOT NULL THEN conditions := conditions || ' AND d.year = $3'; END IF;
    IF unit IS NOT NULL THEN conditions := conditions || ' AND strpos(d.unit, $4) > 0'; END IF;
    IF role IS NOT NULL THEN conditions := conditions || ' AND p.role = $5'; END IF;
    IF exclude_document IS NOT NULL THEN conditions := conditions || ' AND p.doc_id <> $6'; END IF;
    -- The newest matches, from the GIN index: "id + 0" keeps the planner from walking the primary
    -- key backwards and testing every paragraph's words; only ids travel through the sort.
    EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM paragraphs p' || joined || ' WHERE ' || conditions
        || ' ORDER BY p.id + 0 DESC LIMIT $8) n'
        INTO found USING query, kind, year, unit, role, exclude_document, heading_weight, newest, library_unit();
    RETURN QUERY
        SELECT p.id, (ts_rank_cd(p.body, query, 1)
                      + CASE WHEN heading_weight = 0 THEN 0 ELSE heading_weight * ts_rank_cd(p.heading, query, 1) END)::float8
        FROM paragraphs p WHERE p.id = ANY(found);
END $$;
CREATE FUNCTION count_matching(query tsquery) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_catalog, pg_temp
    AS $$ SELECT count(*) FROM paragraphs p WHERE p.body @@ query AND (p.shared OR p.owner_unit = library_unit()) $$;
REVOKE ALL ON FUNCTION match_paragraphs(tsquery, boolean, float8, text, integer, text, text, bigint, integer),
    count_matching(tsquery) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION match_paragraphs(tsquery, boolean, float8, text, integer, text, text, bigint, integer),
    count_matching(tsquery) TO {CLERK_ROLE};

GRANT USAGE ON SCHEMA {SCHEMA} TO {CLERK_ROLE};
GRANT SELECT ON library_members TO {CLERK_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON documents, sections, paragraphs, kept_files TO {CLERK_ROLE};
GRANT INSERT ON library_log TO {CLERK_ROLE};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {CLERK_ROLE};
"""
)

# Version 2: the newest matches of a frequent word without visiting every match. The GIN index
# cannot hand out matches newest first, so a word in a quarter of all paragraphs made the
# server read and sort a quarter of the library for each search. The planner's estimate of
# the matches (its statistics of the tsvector column) decides: a word in one paragraph of
# sixteen or more, searched without document filters, is looked for by walking the newest
# paragraphs back by the primary key through a window just large enough to hold ``newest`` of
# them at that density (half as large again), the words checked on each; anything else, or a
# window that held too few, is answered by the index as before. Same arguments, same
# answers (the newest ``newest`` matches).
_VERSION_2 = f"""
CREATE OR REPLACE FUNCTION match_paragraphs(
    query tsquery, in_headings boolean, heading_weight float8, kind text, year integer, unit text,
    role text, exclude_document bigint, newest integer
) RETURNS TABLE (id bigint, rank float8) LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
DECLARE
    joined text := '';
    conditions text := '(p.shared OR p.owner_unit = $9)';
    found bigint[];
    plan json;
    expected float8;
    newest_id bigint;
    oldest_id bigint;
    window_rows bigint;
BEGIN
    conditions := conditions || CASE WHEN in_headings THEN ' AND (p.body @@ $1 OR p.heading @@ $1)'
                                     ELSE ' AND p.body @@ $1' END;
    IF kind IS NOT NULL OR year IS NOT NULL OR unit IS NOT NULL THEN
        joined := ' JOIN documents d ON d.id = p.doc_id';
    END IF;
    IF kind IS NOT NULL THEN conditions := conditions || ' AND d.kind = $2'; END IF;
    IF year IS NOT NULL THEN conditions := conditions || ' AND d.year = $3'; END IF;
    IF unit IS NOT NULL THEN conditions := conditions || ' AND strpos(d.unit, $4) > 0'; END IF;
    IF role IS NOT NULL THEN conditions := conditions || ' AND p.role = $5'; END IF;
    IF exclude_document IS NOT NULL THEN conditions := conditions || ' AND p.doc_id <> $6'; END IF;
    SELECT max(paragraphs.id), min(paragraphs.id) INTO newest_id, oldest_id FROM paragraphs;
    IF newest_id IS NULL THEN
        RETURN;
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT p.id FROM paragraphs p' || joined || ' WHERE ' || conditions
        INTO plan USING query, kind, year, unit, role, exclude_document, heading_weight, newest, library_unit();
    expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    window_rows := ceil(1.5 * newest * (newest_id - oldest_id + 1) / greatest(expected, 1))::bigint;
    -- Only a word in one paragraph of sixteen or more, and only without the document filters
    -- (their join is paid on every row of the window): elsewhere the index is the cheaper.
    IF joined = '' AND expected > 4 * newest AND window_rows <= 16 * newest THEN
        -- "OFFSET 0" keeps the planner from turning the window into an index search over every match.
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM (SELECT * FROM paragraphs w WHERE w.id > $10 OFFSET 0) p'
            || joined || ' WHERE ' || conditions || ' ORDER BY p.id DESC LIMIT $8) n'
            INTO found USING query, kind, year, unit, role, exclude_document, heading_weight, newest, library_unit(),
                             newest_id - window_rows;
    END IF;
    IF coalesce(cardinality(found), 0) < newest THEN
        -- From the GIN index ("id + 0" keeps the planner from walking the primary key backwards
        -- and testing every paragraph's words).
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM paragraphs p' || joined || ' WHERE ' || conditions
            || ' ORDER BY p.id + 0 DESC LIMIT $8) n'
            INTO found USING query, kind, year, unit, role, exclude_document, heading_weight, newest, library_unit();
    END IF;
    RETURN QUERY
        SELECT p.id, (ts_rank_cd(p.body, query, 1)
                      + CASE WHEN heading_weight = 0 THEN 0 ELSE heading_weight * ts_rank_cd(p.heading, query, 1) END)::float8
        FROM paragraphs p WHERE p.id = ANY(found);
END $$;
"""

# Version 3: the filters in the index. Kind, year and unit were conditions on the documents
# joined to every match, so a filtered search read every paragraph holding the words (at 10,000
# reports, 150–330 ms) before the filter threw most away. Each paragraph now carries its
# document's kind, year and unit and its own role as terms of a small tsvector (``meta``; the
# spaces keep them apart from any word of the text), indexed together with the words in one
# GIN index on (body, meta): the index answers words and filters at once, as FTS5's meta column
# does locally (core.library.search.meta_tokens). The unit filter is a part of the name
# ("组织部"), so it becomes the units whose names hold it, read from a small index on
# documents (one step per distinct unit). A trigger keeps ``meta`` right when 管理资料库
# corrects a document. Same arguments and answers as version 2.
_VERSION_3 = f"""
CREATE FUNCTION paragraph_meta(kind text, year integer, unit text, role text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(ARRAY['kind ' || kind, 'year ' || coalesce(year::text, 'none'),
                                         'unit ' || unit, 'role ' || role]) $$;
-- One term of meta as a tsquery, quoted as a lexeme (core.library.postgres.index._quoted): no
-- character of a unit's name acts as syntax.
CREATE FUNCTION meta_term(term text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CAST('''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || '''' AS tsquery) $$;
ALTER TABLE paragraphs ADD COLUMN meta tsvector;
UPDATE paragraphs p SET meta = paragraph_meta(d.kind, d.year, d.unit, p.role) FROM documents d WHERE d.id = p.doc_id;
ALTER TABLE paragraphs ALTER COLUMN meta SET NOT NULL;
CREATE INDEX paragraphs_words_meta ON paragraphs USING gin (body, meta);
DROP INDEX paragraphs_body;
CREATE INDEX documents_unit ON documents (unit);

CREATE FUNCTION follow_document_meta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {SCHEMA}.paragraphs SET meta = {SCHEMA}.paragraph_meta(NEW.kind, NEW.year, NEW.unit, role)
        WHERE doc_id = NEW.id;
    RETURN NEW;
END $$;
CREATE TRIGGER documents_meta_followed AFTER UPDATE OF kind, year, unit ON documents FOR EACH ROW
    WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.year IS DISTINCT FROM NEW.year OR OLD.unit IS DISTINCT FROM NEW.unit)
    EXECUTE FUNCTION follow_document_meta();

CREATE OR REPLACE FUNCTION match_paragraphs(
    query tsquery, in_headings boolean, heading_weight float8, kind text, year integer, unit text,
    role text, exclude_document bigint, newest integer
) RETURNS TABLE (id bigint, rank float8) LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
DECLARE
    conditions text := '(p.shared OR p.owner_unit = $4)';
    wanted tsquery;  -- the filters, as terms of meta
    units tsquery;
    found bigint[];
    plan json;
    expected float8;
    newest_id bigint;
    oldest_id bigint;
    window_rows bigint;
BEGIN
    -- An empty kind or unit filters nothing, as locally (core.library.search.Filters).
    IF nullif(kind, '') IS NOT NULL THEN
        wanted := meta_term('kind ' || kind);
    END IF;
    IF year IS NOT NULL THEN
        wanted := coalesce(wanted && meta_term('year ' || year), meta_term('year ' || year));
    END IF;
    IF nullif(unit, '') IS NOT NULL THEN
        -- The distinct units, by the index on documents (each step jumps to the next name).
        WITH RECURSIVE names (name) AS (
            SELECT min(d.unit) FROM documents d
            UNION ALL
            SELECT (SELECT min(d.unit) FROM documents d WHERE d.unit > names.name) FROM names
            WHERE names.name IS NOT NULL
        )
        SELECT CAST(string_agg(CAST(meta_term('unit ' || names.name) AS text), ' | ') AS tsquery) INTO units
        FROM names WHERE names.name IS NOT NULL AND strpos(names.name, unit) > 0;
        IF units IS NULL THEN
            RETURN;  -- no unit's name holds it
        END IF;
        wanted := coalesce(wanted && units, units);
    END IF;
    IF role IS NOT NULL THEN
        wanted := coalesce(wanted && meta_term('role ' || role), meta_term('role ' || role));
    END IF;
    conditions := conditions || CASE WHEN in_headings THEN ' AND (p.body @@ $1 OR p.heading @@ $1)'
                                     ELSE ' AND p.body @@ $1' END;
    IF wanted IS NOT NULL THEN
        conditions := conditions || ' AND p.meta @@ $2';
    END IF;
    IF exclude_document IS NOT NULL THEN
        conditions := conditions || ' AND p.doc_id <> $3';
    END IF;
    SELECT max(paragraphs.id), min(paragraphs.id) INTO newest_id, oldest_id FROM paragraphs;
    IF newest_id IS NULL THEN
        RETURN;
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT p.id FROM paragraphs p WHERE ' || conditions
        INTO plan USING query, wanted, exclude_document, library_unit();
    expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    window_rows := ceil(1.5 * newest * (newest_id - oldest_id + 1) / greatest(expected, 1))::bigint;
    -- Only where the planner expects a match in one paragraph of sixteen or more: elsewhere the
    -- index is the cheaper (version 2). The filters no longer cost a join on the window's rows.
    IF expected > 4 * newest AND window_rows <= 16 * newest THEN
        -- "OFFSET 0" keeps the planner from turning the window into an index search over every match.
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM (SELECT * FROM paragraphs w WHERE w.id > $5 OFFSET 0) p'
            || ' WHERE ' || conditions || ' ORDER BY p.id DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), newest_id - window_rows, newest;
    END IF;
    IF coalesce(cardinality(found), 0) < newest THEN
        -- From the GIN index ("id + 0" keeps the planner from walking the primary key backwards
        -- and testing every paragraph's words).
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM paragraphs p WHERE ' || conditions
            || ' ORDER BY p.id + 0 DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), NULL::bigint, newest;
    END IF;
    RETURN QUERY
        SELECT p.id, (ts_rank_cd(p.body, query, 1)
                      + CASE WHEN heading_weight = 0 THEN 0 ELSE heading_weight * ts_rank_cd(p.heading, query, 1) END)::float8
        FROM paragraphs p WHERE p.id = ANY(found);
END $$;
"""

# Version 4: a word of middling frequency (one paragraph in 10 to 1,000) without reading all its
# matches. The GIN index hands out every match unordered, and the newest ``newest`` were
# found by reading each matching row (30,000 rows for 乡村振兴 at 5,000 reports: 90 ms). The
# index's matches are now ANDed with the newest ids of the primary key, a span four times
# larger each time it holds too few; only a word too rare for any span to pay is read whole.
# Same arguments and answers (the newest ``newest`` matches) as versions 2 and 3.
_VERSION_4 = f"""
CREATE OR REPLACE FUNCTION match_paragraphs(
    query tsquery, in_headings boolean, heading_weight float8, kind text, year integer, unit text,
    role text, exclude_document bigint, newest integer
) RETURNS TABLE (id bigint, rank float8) LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
DECLARE
    conditions text := '(p.shared OR p.owner_unit = $4)';
    wanted tsquery;  -- the filters, as terms of meta
    units tsquery;
    found bigint[];
    plan json;
    expected float8;
    newest_id bigint;
    oldest_id bigint;
    window_rows bigint;
    span bigint;
BEGIN
    -- An empty kind or unit filters nothing, as locally (core.library.search.Filters).
    IF nullif(kind, '') IS NOT NULL THEN
        wanted := meta_term('kind ' || kind);
    END IF;
    IF year IS NOT NULL THEN
        wanted := coalesce(wanted && meta_term('year ' || year), meta_term('year ' || year));
    END IF;
    IF nullif(unit, '') IS NOT NULL THEN
        -- The distinct units, by the index on documents (each step jumps to the next name).
        WITH RECURSIVE names (name) AS (
            SELECT min(d.unit) FROM documents d
            UNION ALL
            SELECT (SELECT min(d.unit) FROM documents d WHERE d.unit > names.name) FROM names
            WHERE names.name IS NOT NULL
        )
        SELECT CAST(string_agg(CAST(meta_term('unit ' || names.name) AS text), ' | ') AS tsquery) INTO units
        FROM names WHERE names.name IS NOT NULL AND strpos(names.name, unit) > 0;
        IF units IS NULL THEN
            RETURN;  -- no unit's name holds it
        END IF;
        wanted := coalesce(wanted && units, units);
    END IF;
    IF role IS NOT NULL THEN
        wanted := coalesce(wanted && meta_term('role ' || role), meta_term('role ' || role));
    END IF;
    conditions := conditions || CASE WHEN in_headings THEN ' AND (p.body @@ $1 OR p.heading @@ $1)'
                                     ELSE ' AND p.body @@ $1' END;
    IF wanted IS NOT NULL THEN
        conditions := conditions || ' AND p.meta @@ $2';
    END IF;
    IF exclude_document IS NOT NULL THEN
        conditions := conditions || ' AND p.doc_id <> $3';
    END IF;
    SELECT max(paragraphs.id), min(paragraphs.id) INTO newest_id, oldest_id FROM paragraphs;
    IF newest_id IS NULL THEN
        RETURN;
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT p.id FROM paragraphs p WHERE ' || conditions
        INTO plan USING query, wanted, exclude_document, library_unit();
    expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
    window_rows := ceil(1.5 * newest * (newest_id - oldest_id + 1) / greatest(expected, 1))::bigint;
    -- Only where the planner expects a match in one paragraph of sixteen or more: elsewhere the
    -- index is the cheaper (version 2). The filters no longer cost a join on the window's rows.
    span := greatest(window_rows, 4 * newest);
    IF expected > 4 * newest AND window_rows <= 16 * newest THEN
        -- "OFFSET 0" keeps the planner from turning the window into an index search over every match.
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM (SELECT * FROM paragraphs w WHERE w.id > $5 OFFSET 0) p'
            || ' WHERE ' || conditions || ' ORDER BY p.id DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), newest_id - window_rows, newest;
        span := 4 * window_rows;  -- that window held too few if the index is asked below
    END IF;
    -- From the GIN index, the newest paragraphs first: the matches among the newest ``span``
    -- ids (the index's matches and the primary key's range ANDed before any row is read), the
    -- span four times larger while it holds too few; then every match. "id + 0" keeps the
    -- planner from walking the primary key backwards and testing every paragraph's words.
    WHILE coalesce(cardinality(found), 0) < newest AND span < newest_id - oldest_id + 1 LOOP
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM paragraphs p WHERE ' || conditions
            || ' AND p.id > $5 ORDER BY p.id + 0 DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), newest_id - span, newest;
        span := span * 4;
    END LOOP;
    IF coalesce(cardinality(found), 0) < newest THEN
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM paragraphs p WHERE ' || conditions
            || ' ORDER BY p.id + 0 DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), NULL::bigint, newest;
    END IF;
    RETURN QUERY
        SELECT p.id, (ts_rank_cd(p.body, query, 1)
                      + CASE WHEN heading_weight = 0 THEN 0 ELSE heading_weight * ts_rank_cd(p.heading, query, 1) END)::float8
        FROM paragraphs p WHERE p.id = ANY(found);
END $$;
"""

# Version 5: the newest matches of a word of middling frequency from the index and the range of
# newest ids ANDed as bitmaps. Seeing few rows in the range, the planner walked the primary key
# instead and read the words of every paragraph in it (意识形态 at 10,000 reports: 38,000 rows,
# 65 ms; as bitmaps 10 ms). Index scans are turned off for the span loop alone (the setting is
# put back after it: the window of version 2 and the ranking keep theirs). Version 4's function
# otherwise, word for word.
_SPAN_LOOP = """    WHILE coalesce(cardinality(found), 0) < newest AND span < newest_id - oldest_id + 1 LOOP
        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM paragraphs p WHERE ' || conditions
            || ' AND p.id > $5 ORDER BY p.id + 0 DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), newest_id - span, newest;
        span := span * 4;
    END LOOP;
"""


def _planner_setting_off(function: str, block: str, setting: str, kept_in: str, indent: str) -> str:
    """``function`` with the planner's ``setting`` turned off around ``block`` alone and put
    back after it (``kept_in``: the variable, declared after ``span``, that holds it)."""
    assert function.count(block) == 1 and function.count("    span bigint;\n") == 1
    return function.replace(
        "    span bigint;\n", f"    span bigint;\n    {kept_in} text := current_setting('{setting}');\n"
    ).replace(
        block,
        f"{indent}PERFORM set_config('{setting}', 'off', true);\n" + block + f"{indent}PERFORM set_config('{setting}', {kept_in}, true);\n",
    )


_VERSION_5 = _planner_setting_off(_VERSION_4, _SPAN_LOOP, "enable_indexscan", "index_scans", "    ")

# Version 6: paragraphs partitioned by id, PARAGRAPHS_PER_PARTITION ids to a partition, each
# with its own GIN index. A bitmap from a GIN index holds every match of a word, however few of
# them the search wants: at 100,000 reports (6.3 million paragraphs) the 525,000 of 乡村振兴
# took 70 ms to gather before the range of newest ids could narrow them. Searching the newest
# paragraphs now reads the newest partitions' indexes only (the planner leaves the others out
# by the id range), so the cost of the newest matches stops growing with the library.
# paragraph_room() adds partitions ahead of the ids the sequence hands out (one spare
# partition's worth always there), by CREATE TABLE and ATTACH PARTITION (which lets searches
# and adds go on meanwhile); clerks call it, outside their add's transaction, before adding.
# The rows are copied over once; everything else (columns, defaults, policies, grants,
# indexes, the search functions) is as before.
PARAGRAPHS_PER_PARTITION = 262_144
# The newest partition is read by the window of version 2 through its primary key: with the
# partition still filling, the planner took a scan of all of it for the few thousand rows
# wanted (36,000 rows read for 5,800, 18 ms against 4). Sequential scans are off for the window
# alone, as index scans are for the span loop (version 5). JIT is off for the search
# functions: compiling their plans cost more than running them (5 ms a search warm, 25 cold).
# And match_paragraphs plans its statements for the values at hand each time: from its sixth
# call a cached generic plan looked up the 1,000 ranked ids in every partition (the planner
# leaves partitions out only for an array it can see), 11 ms a search.
# Its bounds (newest and oldest id) and the planner's estimate of the matches are asked of the
# newest partitions only: asked of the whole table, each search planned and locked every
# partition and index (135 locks a search at 26 partitions, 32 now).
_WINDOW = """        EXECUTE 'SELECT array_agg(n.id) FROM (SELECT p.id FROM (SELECT * FROM paragraphs w WHERE w.id > $5 OFFSET 0) p'
            || ' WHERE ' || conditions || ' ORDER BY p.id DESC LIMIT $6) n'
            INTO found USING query, wanted, exclude_document, library_unit(), newest_id - window_rows, newest;
"""
_WHOLE_BOUNDS = """    SELECT max(paragraphs.id), min(paragraphs.id) INTO newest_id, oldest_id FROM paragraphs;
    IF newest_id IS NULL THEN
        RETURN;
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT p.id FROM paragraphs p WHERE ' || conditions
        INTO plan USING query, wanted, exclude_document, library_unit();
    expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
"""
_RECENT_BOUNDS = f"""    -- The bounds and the planner's estimate from the newest partitions alone (the last three, the
    -- spare one among them: paragraph_room), each a plan for that range of ids: the other
    -- partitions are neither planned nor locked. Only a library whose newest rows were removed
    -- is asked as a whole.
    recent_from := greatest(paragraphs_covered() - {3 * PARAGRAPHS_PER_PARTITION}, 0);
    EXECUTE 'SELECT max(id) FROM paragraphs WHERE id >= $1' INTO newest_id USING recent_from;
    IF newest_id IS NULL THEN
        SELECT max(paragraphs.id) INTO newest_id FROM paragraphs;
        IF newest_id IS NULL THEN
            RETURN;
        END IF;
        recent_from := 0;
    END IF;
    EXECUTE 'SELECT min(id) FROM paragraphs WHERE id < $1' INTO oldest_id USING {PARAGRAPHS_PER_PARTITION}::bigint;
    IF oldest_id IS NULL THEN
        SELECT min(paragraphs.id) INTO oldest_id FROM paragraphs;
    END IF;
    recent_from := greatest(recent_from, oldest_id);
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT p.id FROM paragraphs p WHERE ' || conditions || ' AND p.id >= $5'
        INTO plan USING query, wanted, exclude_document, library_unit(), recent_from;
    -- As many matches in the whole library as in the newest partitions, at their density.
    expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8 * (newest_id - oldest_id + 1) / (newest_id - recent_from + 1);
"""
assert _VERSION_5.count(_WHOLE_BOUNDS) == 1
_MATCHING_6 = _planner_setting_off(
    _VERSION_5.replace(_WHOLE_BOUNDS, _RECENT_BOUNDS).replace("    span bigint;\n", "    span bigint;\n    recent_from bigint;\n", 1),
    _WINDOW, "enable_seqscan", "seq_scans", "        ",
)
_PARAGRAPH_ROOM_KEY = 0x62616F68  # pg_advisory_xact_lock key of paragraph_room()
_VERSION_6 = (
    f"""
ALTER TABLE paragraphs RENAME TO paragraphs_unpartitioned;
CREATE TABLE paragraphs (LIKE paragraphs_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (id);
ALTER SEQUENCE paragraphs_id_seq OWNED BY paragraphs.id;
-- Ids written without the sequence (a copy restored by hand) still get their partition.
SELECT setval('paragraphs_id_seq', top) FROM (SELECT max(id) AS top FROM paragraphs_unpartitioned) t
    WHERE top > (SELECT last_value FROM paragraphs_id_seq);

-- The first id past the partitions there are (partition n holds ids from n to n + 1 times the size).
CREATE FUNCTION paragraphs_covered() RETURNS bigint LANGUAGE sql STABLE
SET search_path = {SCHEMA}, pg_catalog, pg_temp
    AS $$ SELECT (coalesce(max(substring(c.relname FROM '^paragraphs_part_([0-9]+)$')::bigint), -1) + 1)
                 * {PARAGRAPHS_PER_PARTITION}
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = CAST('{SCHEMA}.paragraphs' AS regclass) $$;
-- Partitions for the next ``coming`` ids and one spare partition beyond. Called in a statement
-- of its own, before an add's transaction: it waits for no lock while holding the add's.
CREATE FUNCTION paragraph_room(coming bigint) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
DECLARE
    needed bigint := (SELECT last_value FROM paragraphs_id_seq) + greatest(coming, 0) + {PARAGRAPHS_PER_PARTITION};
    covered bigint := paragraphs_covered();
    name text;
BEGIN
    IF covered > needed THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock({_PARAGRAPH_ROOM_KEY});
    covered := paragraphs_covered();  -- another clerk may have made them meanwhile
    WHILE covered <= needed LOOP
        name := 'paragraphs_part_' || (covered / {PARAGRAPHS_PER_PARTITION});
        EXECUTE format('CREATE TABLE %I (LIKE paragraphs INCLUDING DEFAULTS)', name);
        EXECUTE format('ALTER TABLE paragraphs ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)',
                       name, covered, covered + {PARAGRAPHS_PER_PARTITION});
        covered := covered + {PARAGRAPHS_PER_PARTITION};
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION paragraph_room(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION paragraph_room(bigint) TO {CLERK_ROLE};

SELECT paragraph_room(0);
INSERT INTO paragraphs SELECT * FROM paragraphs_unpartitioned;
DROP TABLE paragraphs_unpartitioned;
ALTER TABLE paragraphs ADD PRIMARY KEY (id);
ALTER TABLE paragraphs ADD FOREIGN KEY (doc_id) REFERENCES documents (id) ON DELETE CASCADE;
ALTER TABLE paragraphs ADD FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE;
CREATE INDEX paragraphs_doc ON paragraphs (doc_id, position);
CREATE INDEX paragraphs_words_meta ON paragraphs USING gin (body, meta);
CREATE INDEX paragraphs_heading ON paragraphs USING gin (heading);
"""
    + _ROW_RULES.format(table="paragraphs")
    + f"""
-- Clerks read and write through paragraphs (its policies); the partitions themselves grant nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON paragraphs TO {CLERK_ROLE};
ANALYZE paragraphs;
"""
    + _MATCHING_6
    + """
ALTER FUNCTION match_paragraphs(tsquery, boolean, float8, text, integer, text, text, bigint, integer) SET jit = off;
ALTER FUNCTION match_paragraphs(tsquery, boolean, float8, text, integer, text, text, bigint, integer)
    SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION count_matching(tsquery) SET jit = off;
"""
)

# (version, what it does, SQL). Append only; never edit one that has shipped.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "资料库表、全文索引、按单位的行级权限和收录/删除记录", _VERSION_1),
    (2, "常用词检索先查最新的段落，不再读取全部命中", _VERSION_2),
    (3, "类别、年份、单位作为检索词收入全文索引，筛选时不再读取全部命中", _VERSION_3),
    (4, "中等常用词按最新段落分段查找，不再读取全部命中", _VERSION_4),
    (5, "中等常用词分段查找时合并全文索引与编号范围，不再逐段读取", _VERSION_5),
    (6, "段落按编号分区，各区自有全文索引：查找最新段落只读最新的几个区", _VERSION_6),
)
LATEST = MIGRATIONS[-1][0]


def applied_version(server: ServerConnection) -> int:
    """The newest migration applied (0 for a database without the library)."""
    row = server.execute("SELECT to_regclass(?) IS NOT NULL", (f"{SCHEMA}.schema_migrations",)).fetchone()
    if not row[0]:
        return 0
    found = server.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(found[0])


def init_server(server: ServerConnection) -> list[str]:
    """Create or bring up to date the schema, the clerks' role and the policies; returns
    what was done (empty when the database was already up to date)."""
    done: list[str] = []

    def migrate(server: ServerConnection) -> None:
        with server.transaction():
            server.execute("SELECT pg_advisory_xact_lock(?)", (_LOCK_KEY,))
            server.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
            server.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version integer PRIMARY KEY, what text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            exists = server.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (CLERK_ROLE,)).fetchone()
            if exists is None:
                server.execute(f"CREATE ROLE {CLERK_ROLE} NOLOGIN")
                done.append(f"建立角色 {CLERK_ROLE}（各科室账户都加入它）")
            have = {int(row[0]) for row in server.execute("SELECT version FROM schema_migrations").fetchall()}
            for version, what, sql in MIGRATIONS:
                if version in have:
                    continue
                server.execute(sql)
                server.execute("INSERT INTO schema_migrations (version, what) VALUES (?, ?)", (version, what))
                done.append(f"第 {version} 版：{what}")
            # The app checks the version it finds before using the library.
            server.execute(f"GRANT SELECT ON schema_migrations TO {CLERK_ROLE}")

    server.run(migrate)
    return done


def add_member(server: ServerConnection, role: str, unit: str, section: str = "") -> None:
    """Let a login role use the library as a clerk of ``unit`` (the role is created, without
    a password, when missing: the administrator sets it with ALTER ROLE … PASSWORD)."""
    from psycopg import sql

    if not unit.strip():
        raise ValueError("unit")

    def grant(server: ServerConnection) -> None:
        with server.transaction():
            name = sql.Identifier(role).as_string(None)
            if server.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (role,)).fetchone() is None:
                server.execute(f"CREATE ROLE {name} LOGIN")
            server.execute(f"GRANT {CLERK_ROLE} TO {name}")
            server.execute(
                "INSERT INTO library_members (role_name, unit, section) VALUES (?, ?, ?)"
                " ON CONFLICT (role_name) DO UPDATE SET unit = excluded.unit, section = excluded.section",
                (role, unit.strip(), section.strip()),
            )

    server.run(grant)
