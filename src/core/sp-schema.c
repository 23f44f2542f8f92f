/* sp-schema.c: the project file's schema, as forward migrations.
 *
 * Migration N takes a project from user_version N-1 to N and runs in one
 * transaction. Never edit a migration that has shipped: add a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-schema-private.h"

static const char migration_1[] =
  /* Documents keep the normalised text the user sees; offsets everywhere
   * else are code points into it. */
  "CREATE TABLE documents ("
  "  id           INTEGER PRIMARY KEY,"
  "  title        TEXT NOT NULL,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('text','report','transcript','pdf','subtitles')),"
  "  source_name  TEXT NOT NULL,"
  "  sha256       TEXT NOT NULL UNIQUE,"
  "  imported_at  TEXT NOT NULL,"
  "  text         TEXT NOT NULL,"
  "  n_chars      INTEGER NOT NULL CHECK (n_chars >= 0),"
  /* Segments never change after import, so their counts are kept here
   * rather than counted on every listing of a large project. */
  "  n_segments   INTEGER NOT NULL DEFAULT 0,"
  "  n_turns      INTEGER NOT NULL DEFAULT 0,"
  "  n_pages      INTEGER NOT NULL DEFAULT 0,"
  "  n_paragraphs INTEGER NOT NULL DEFAULT 0,"
  "  n_footnotes  INTEGER NOT NULL DEFAULT 0,"
  "  warnings     TEXT NOT NULL DEFAULT '',"
  "  position     INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE stakeholders ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  role         TEXT NOT NULL DEFAULT '',"
  "  sector       TEXT NOT NULL DEFAULT '',"
  "  region       TEXT NOT NULL DEFAULT '',"
  "  color        TEXT NOT NULL DEFAULT '',"
  "  notes        TEXT NOT NULL DEFAULT '',"
  "  created_at   TEXT NOT NULL"
  ");"

  /* Other names a stakeholder goes by ("Mueller", "Professor Mueller"),
   * used to find mentions in reports. */
  "CREATE TABLE stakeholder_aliases ("
  "  id             INTEGER PRIMARY KEY,"
  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,"
  "  alias          TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(alias)) > 0),"
  "  UNIQUE (stakeholder_id, alias)"
  ");"
  "CREATE INDEX stakeholder_aliases_alias ON stakeholder_aliases(alias);"

  "CREATE TABLE segments ("
  "  id             INTEGER PRIMARY KEY,"
  "  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  ordinal        INTEGER NOT NULL,"
  "  kind           TEXT NOT NULL,"
  "  start          INTEGER NOT NULL CHECK (start >= 0),"
  "  end            INTEGER NOT NULL CHECK (end >= start),"
  "  level          INTEGER NOT NULL DEFAULT 0,"
  "  number         INTEGER NOT NULL DEFAULT 0,"
  "  timestamp_ms   INTEGER,"
  "  stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE SET NULL,"
  "  target_ordinal INTEGER,"
  "  href           TEXT,"
  "  UNIQUE (document_id, ordinal)"
  ");"
  "CREATE INDEX segments_document_start ON segments(document_id, start);"
  "CREATE INDEX segments_stakeholder ON segments(stakeholder_id) WHERE stakeholder_id IS NOT NULL;"

  /* The codebook: a tree of themes. Names are unique across the tree so a
   * name on the command line or in a brief always means one theme. */
  "CREATE TABLE themes ("
  "  id          INTEGER PRIMARY KEY,"
  "  parent_id   INTEGER REFERENCES themes(id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  statement   TEXT NOT NULL DEFAULT '',"
  "  color       TEXT NOT NULL DEFAULT '#3584e4',"
  "  shortcut    TEXT UNIQUE,"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  created_at  TEXT NOT NULL"
  ");"

  /* An annotation keeps its quote and some context around it, so it can be
   * found again should the document text ever change. */
  "CREATE TABLE annotations ("
  "  id             INTEGER PRIMARY KEY,"
  "  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  start          INTEGER NOT NULL CHECK (start >= 0),"
  "  end            INTEGER NOT NULL CHECK (end > start),"
  "  quote          TEXT NOT NULL,"
  "  prefix         TEXT NOT NULL DEFAULT '',"
  "  suffix         TEXT NOT NULL DEFAULT '',"
  "  stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE RESTRICT,"
  "  stance         TEXT CHECK (stance IN ('supports','opposes','mixed','neutral','unclear')),"
  "  memo           TEXT NOT NULL DEFAULT '',"
  "  author         TEXT NOT NULL DEFAULT '',"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX annotations_document_start ON annotations(document_id, start);"
  "CREATE INDEX annotations_stakeholder ON annotations(stakeholder_id);"

  "CREATE TABLE annotation_themes ("
  "  annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
  "  theme_id      INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (annotation_id, theme_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX annotation_themes_theme ON annotation_themes(theme_id, annotation_id);"

  "CREATE TABLE links ("
  "  id         INTEGER PRIMARY KEY,"
  "  source_id  INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
  "  target_id  INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('paraphrases','responds_to','contradicts','cites')),"
  "  created_at TEXT NOT NULL,"
  "  CHECK (source_id <> target_id),"
  "  UNIQUE (source_id, target_id, kind)"
  ");"
  "CREATE INDEX links_target ON links(target_id);"

  /* Project-wide settings that travel with the file (side-by-side pair,
   * divider position, …); per-user preferences live in GSettings. */
  "CREATE TABLE properties ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  /* Full text of the block segments (headings, paragraphs, list items,
   * footnotes), rowid = segments.id. It keeps its own copy of the text so a
   * search hit never has to read a whole document to make a snippet. */
  "CREATE VIRTUAL TABLE segments_fts USING fts5("
  "  text, document_id UNINDEXED,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"

  /* Annotation quotes and memos, rowid = annotations.id. */
  "CREATE VIRTUAL TABLE annotations_fts USING fts5("
  "  quote, memo,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");";

/* Attribution check (sp-attribution.c): the report passages an analyst
 * has looked at and found no source for among the proposed transcript
 * turns. Accepted ones need no row: they are "paraphrases" links. */
static const char migration_2[] =
  "CREATE TABLE attribution_rejections ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  start       INTEGER NOT NULL CHECK (start >= 0),"
  "  end         INTEGER NOT NULL CHECK (end > start),"
  "  created_at  TEXT NOT NULL,"
  "  UNIQUE (document_id, start, end)"
  ");";

static const char * const migrations[] = {
  migration_1,
  migration_2,
};

guint
sp_schema_get_version (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
sp_schema_get_migration (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);
  return migrations[version - 1];
}
