-- The whole current schema of a Study Reader library.
-- Upgrades from older versions live in library/store/migrations.py; this file is what a new
-- library is created from, and it always describes the newest version.

-- Lessons: what an import produced. user_title is the user's rename, kept apart.
CREATE TABLE lessons (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    user_title TEXT,
    source_name TEXT NOT NULL DEFAULT '',
    source_hash TEXT NOT NULL UNIQUE,
    encoding TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    translation_language TEXT,
    word_count INTEGER NOT NULL DEFAULT 0,
    glossary_heading TEXT NOT NULL DEFAULT '',
    -- 0 until the lesson's text is in the search tables (indexing runs after the import commits).
    indexed INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- The title in the translation's language, where the page gives one (schema 2).
    title_translation TEXT NOT NULL DEFAULT ''
);

-- The original bytes, so an import can be redone; apart from lessons to keep listing fast.
CREATE INDEX lessons_unindexed ON lessons(id) WHERE indexed = 0;

CREATE TABLE sources (
    lesson_id INTEGER PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);

CREATE TABLE captions (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (lesson_id, pos)
);

CREATE TABLE blocks (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph')),
    text TEXT NOT NULL,
    UNIQUE (lesson_id, pos)
);

-- Translations an import found, one per block and language.
CREATE TABLE translations (
    block_id INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (block_id, lang)
);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    marker TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    source_url TEXT,
    source_text TEXT NOT NULL DEFAULT '',
    anchor_block INTEGER,
    anchor_start INTEGER,
    anchor_end INTEGER
);
CREATE INDEX notes_lesson ON notes(lesson_id, pos);

CREATE TABLE glossary (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    term TEXT NOT NULL,
    part_of_speech TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL DEFAULT '',
    translation TEXT NOT NULL DEFAULT '',
    example TEXT NOT NULL DEFAULT ''
);
CREATE INDEX glossary_lesson ON glossary(lesson_id, pos);

-- Material the importer could not place (kept, shown, placed by hand) and page chrome
-- it set aside (kept so nothing is lost).
CREATE TABLE unplaced (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    text TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX unplaced_lesson ON unplaced(lesson_id, pos);

CREATE TABLE dropped (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (lesson_id, pos)
);

-- What the user writes, apart from what imports produce: a re-import never touches it.
-- Keyed by lesson and block position so it survives a redone import.
CREATE TABLE user_translations (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    block_pos INTEGER NOT NULL,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (lesson_id, block_pos, lang)
);

-- Learner profiles: several learners on one computer, each with their own words, reviews and
-- reading state over the same lessons. Profile 1 is made with the library.
CREATE TABLE profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO profiles (id, name) VALUES (1, 'Default');

-- Where each learner is in each lesson (per profile).
CREATE TABLE reading_state (
    profile_id INTEGER NOT NULL DEFAULT 1 REFERENCES profiles(id) ON DELETE CASCADE,
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    progress REAL NOT NULL DEFAULT 0,
    finished INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT,
    PRIMARY KEY (profile_id, lesson_id)
);
CREATE INDEX reading_state_opened ON reading_state(profile_id, opened_at);

CREATE TABLE tags (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (lesson_id, tag)
);

-- Full-text search. English is indexed by words (prefix queries find word starts);
-- Japanese, Chinese and Korean have no spaces between words, so their text is indexed by
-- trigrams, which give substring matches. Rows are (text, lesson, block position, kind),
-- kind being 'en', 'title', a language code, or 'user:' and a language code.
CREATE VIRTUAL TABLE search_en USING fts5(
    text,
    lesson_id UNINDEXED,
    block_pos UNINDEXED,
    kind UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The same CJK rows again as overlapping character pairs (中国企業 → 中国 国企 企業, and the
-- last character of a run alone): one- and two-character queries, too short for
-- trigrams and common in Japanese and Chinese, are then word matches. Results are read
-- from search_cjk, whose rowids these rows share.
CREATE VIRTUAL TABLE search_bigram USING fts5(
    grams,
    tokenize = 'unicode61'
);

CREATE VIRTUAL TABLE search_cjk USING fts5(
    text,
    lesson_id UNINDEXED,
    block_pos UNINDEXED,
    kind UNINDEXED,
    tokenize = 'trigram'
);

-- A tutor's edits of a lesson (library/editing.py), kept apart from what the import
-- produced and applied over it when the lesson is read, so a redone import keeps them.
-- Imported items are referred to by their import position; the user's own have none.
-- A NULL field in an override row means "as imported".
CREATE TABLE user_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo restores rows by id
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    import_pos INTEGER,
    marker TEXT,
    label TEXT,
    text TEXT,
    source_url TEXT,
    anchor_block INTEGER,
    anchor_start INTEGER,
    anchor_end INTEGER,
    -- the anchored words, to find the anchor again if a redone import moved them
    anchor_text TEXT,
    hidden INTEGER NOT NULL DEFAULT 0,
    UNIQUE (lesson_id, import_pos)
);
CREATE INDEX user_notes_lesson ON user_notes(lesson_id);

CREATE TABLE user_glossary (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo restores rows by id
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    import_pos INTEGER,
    term TEXT,
    part_of_speech TEXT,
    definition TEXT,
    translation TEXT,
    example TEXT,
    sort REAL,
    hidden INTEGER NOT NULL DEFAULT 0,
    UNIQUE (lesson_id, import_pos)
);
CREATE INDEX user_glossary_lesson ON user_glossary(lesson_id);

-- Imported translations the user removed (their own live in user_translations).
CREATE TABLE hidden_translations (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    block_pos INTEGER NOT NULL,
    lang TEXT NOT NULL,
    PRIMARY KEY (lesson_id, block_pos, lang)
);

-- What the user did with material the importer could not place: 'placed' or 'discarded'.
CREATE TABLE unplaced_actions (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    import_pos INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('placed', 'discarded')),
    PRIMARY KEY (lesson_id, import_pos)
);

-- Comprehension questions a tutor adds to a paragraph.
CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo restores rows by id
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    block_pos INTEGER NOT NULL,
    text TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    sort REAL NOT NULL DEFAULT 0
);
CREATE INDEX questions_lesson ON questions(lesson_id, block_pos, sort);

-- My words (the learner's own, per profile): a word or phrase with its lemma, status, note and
-- the sentence it was saved from. lesson_id is kept only as a pointer: deleting or re-importing
-- a lesson never removes a saved word.
CREATE TABLE words (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL DEFAULT 1 REFERENCES profiles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    lemma TEXT NOT NULL,
    -- the lemma's inflected forms, '|'-separated, so marking needs no inflection tables
    forms TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'learning', 'known', 'ignored')),
    note TEXT NOT NULL DEFAULT '',
    gloss TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    sentence_translation TEXT NOT NULL DEFAULT '',
    lesson_id INTEGER REFERENCES lessons(id) ON DELETE SET NULL,
    block_pos INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- where the meaning (gloss) came from: '' typed by the learner, 'dictionary' filled in from it
    gloss_source TEXT NOT NULL DEFAULT '',
    -- the marking of many words known at once that saved it (1, 2, … per learner); NULL otherwise
    seeding INTEGER,
    UNIQUE (profile_id, lemma)
);
CREATE INDEX words_seeding ON words(profile_id, seeding) WHERE seeding IS NOT NULL;

-- Each status change, so progress can show known words over time.
CREATE TABLE word_events (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL DEFAULT 1 REFERENCES profiles(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX word_events_profile ON word_events(profile_id, at);

-- The spaced-repetition card of a saved word (the scheduler's state as JSON) and every review.
CREATE TABLE review_cards (
    word_id INTEGER PRIMARY KEY REFERENCES words(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL DEFAULT 1 REFERENCES profiles(id) ON DELETE CASCADE,
    due TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX review_cards_due ON review_cards(profile_id, due);

CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL DEFAULT 1 REFERENCES profiles(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL,
    reviewed_at TEXT NOT NULL,
    next_due TEXT NOT NULL
);

-- Books (EPUB): one lesson per chapter, grouped under the book they came from. The book's
-- bytes are kept here once; each chapter's lesson keeps its own chapter's XHTML as its source.
CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    source_name TEXT NOT NULL DEFAULT '',
    source_hash TEXT NOT NULL UNIQUE,
    data BLOB NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE book_chapters (
    lesson_id INTEGER PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
    book_id INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
    chapter INTEGER NOT NULL,
    UNIQUE (book_id, chapter)
);

-- Word levels of each lesson (library/study/levels.py), worked out after an import commits:
-- running words per CEFR level (names are not levelled), sentences and syllables for the
-- readability grade; and how often each lemma occurs, to count a learner's known words.
-- levels_version is the stamp of the word levels they were worked out with (level_table.levels_stamp):
-- a lesson whose stamp is not the current one is levelled again, as one never levelled is.
CREATE TABLE lesson_levels (
    lesson_id INTEGER PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
    a1 INTEGER NOT NULL DEFAULT 0,
    a2 INTEGER NOT NULL DEFAULT 0,
    b1 INTEGER NOT NULL DEFAULT 0,
    b2 INTEGER NOT NULL DEFAULT 0,
    c1 INTEGER NOT NULL DEFAULT 0,
    c2 INTEGER NOT NULL DEFAULT 0,
    unlisted INTEGER NOT NULL DEFAULT 0,
    names INTEGER NOT NULL DEFAULT 0,
    sentences INTEGER NOT NULL DEFAULT 0,
    syllables INTEGER NOT NULL DEFAULT 0,
    levels_version TEXT NOT NULL DEFAULT ''
);

CREATE TABLE lesson_lemmas (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    lemma TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (lesson_id, lemma)
);
CREATE INDEX lesson_lemmas_lemma ON lesson_lemmas(lemma);

-- The parts' lemmas of each hyphenated compound of the lessons that the level list lacks ("ten-year":
-- ten, year): a learner who knows every part knows the compound (library/study/compounds.py).
CREATE TABLE compound_parts (
    lemma TEXT NOT NULL,
    slot INTEGER NOT NULL,  -- which part; a part is known when any of its lemmas is ("known": known, know)
    part TEXT NOT NULL,
    PRIMARY KEY (lemma, slot, part)
);
CREATE INDEX compound_parts_part ON compound_parts(part);

-- Running words of a lesson that a learner knows (my words known or ignored), kept up to date
-- when a status changes, so listing lessons with their difficulty reads one row each.
CREATE TABLE lesson_known (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    known INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (profile_id, lesson_id)
);

-- What the importer guessed (a title, site text, a translation's place, a list without a
-- heading), for the import report and the window's import review.
CREATE TABLE import_warnings (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (lesson_id, pos)
);

-- The user's decisions about a lesson's page lines (library/pages.py), in the order made: a
-- role (with, for a translation, the line starting the block it translates), a join with the
-- next line, a split at an offset, a new text, a deletion, a move. Each names its line by
-- number and text, so a redone import finds it again. 'end': the lesson ends before the line (the
-- rest was split off into a lesson of its own); 'swap': the page's languages swapped (schema 6).
-- The lesson is assembled from its source with these laid over the importer's lines (schema 4).
CREATE TABLE line_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo restores rows by id
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    op TEXT NOT NULL CHECK (op IN ('role', 'join', 'split', 'text', 'delete', 'move', 'end', 'swap')),
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    role TEXT,
    target_n INTEGER,
    target_text TEXT,
    at INTEGER,
    value TEXT
);
CREATE INDEX line_decisions_lesson ON line_decisions(lesson_id, id);

-- Exercises a page holds (a cloze passage, a quiz), each with its lines as the page wrote
-- them, one per line of `lines` (schema 5).
CREATE TABLE exercises (
    lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    lines TEXT NOT NULL,
    PRIMARY KEY (lesson_id, pos)
);

PRAGMA user_version = 9;
