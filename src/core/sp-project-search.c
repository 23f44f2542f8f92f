/* sp-project-search.c: searching document text and annotations.
 *
 * The query a person types is parsed here and rebuilt as an FTS5 query in
 * which every word is a quoted string, so punctuation never reaches FTS5's
 * own parser and every mistake gets a message that says what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-search.h"

/* Marks snippet() puts around matches; control characters that imported
 * text never holds. */
#define MARK_OPEN  "\x02"
#define MARK_CLOSE "\x03"
#define SNIPPET_TOKENS 16

void
sp_search_hit_free (SpSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->document_title);
  g_free (hit->stakeholder);
  g_free (hit->snippet);
  g_clear_pointer (&hit->highlights, g_array_unref);
  g_free (hit);
}

/* The query parser. */

static gboolean
has_word_chars (const char *text,
                gsize       len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_string (GString    *fts,
               const char *text,
               gsize       len,
               gboolean    prefix)
{
  g_string_append_c (fts, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (fts, '"');
      g_string_append_c (fts, text[i]);
    }
  g_string_append_c (fts, '"');
  if (prefix)
    g_string_append_c (fts, '*');
}

static gboolean
is_operator (const char *word,
             gsize       len)
{
  return (len == 3 && strncmp (word, "AND", 3) == 0) ||
         (len == 2 && strncmp (word, "OR", 2) == 0) ||
         (len == 3 && strncmp (word, "NOT", 3) == 0);
}

static gboolean
is_word_end (char c)
{
  return c == '\0' || g_ascii_isspace (c) || c == '"' || c == '(' || c == ')';
}

char *
sp_search_query_to_fts (const char  *query,
                        GError     **error)
{
  g_autoptr(GString) fts = g_string_new (NULL);
  gboolean want_operand = TRUE;  /* at the start, after an operator or "(" */
  gboolean any_operand = FALSE;
  char last_operator[4] = "";
  int depth = 0;
  const char *p = query;

  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("The search is not valid UTF-8 text"));
      return NULL;
    }

#define FAIL(...) G_STMT_START { \
    g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, __VA_ARGS__); \
    return NULL; \
  } G_STMT_END

#define BEGIN_OPERAND() G_STMT_START { \
    if (!want_operand) \
      g_string_append (fts, " AND "); \
    want_operand = FALSE; \
    any_operand = TRUE; \
  } G_STMT_END

  while (*p != '\0')
    {
      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }

      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');
          gboolean prefix;

          if (close == NULL)
            FAIL (_("Unbalanced quote in the search: the phrase that starts with “%s” is never closed"),
                  p);
          if (!has_word_chars (p + 1, (gsize) (close - p - 1)))
            FAIL (_("The phrase \"%.*s\" in the search has no words to look for"),
                  (int) (close - p - 1), p + 1);
          prefix = close[1] == '*';
          BEGIN_OPERAND ();
          append_string (fts, p + 1, (gsize) (close - p - 1), prefix);
          p = close + 1 + (prefix ? 1 : 0);
          continue;
        }

      if (*p == '(')
        {
          BEGIN_OPERAND ();
          want_operand = TRUE;
          g_string_append_c (fts, '(');
          depth++;
          p++;
          continue;
        }

      if (*p == ')')
        {
          if (depth == 0)
            FAIL (_("Unbalanced parenthesis in the search: “)” without a “(” before it"));
          if (want_operand)
            FAIL (_("Nothing to look for before “)” in the search"));
          g_string_append_c (fts, ')');
          depth--;
          p++;
          continue;
        }

      /* A word: everything up to white space, a quote or a parenthesis. */
      {
        const char *start = p;
        gsize len;
        gboolean prefix = FALSE;

        while (!is_word_end (*p))
          p++;
        len = (gsize) (p - start);

        if (is_operator (start, len))
          {
            if (want_operand || *p == '\0')
              {
                while (*p != '\0' && g_ascii_isspace (*p))
                  p++;
                if (want_operand || *p == '\0')
                  FAIL (_("“%.*s” in the search must stand between two words or phrases"),
                        (int) len, start);
              }
            g_string_append_printf (fts, " %.*s ", (int) len, start);
            memcpy (last_operator, start, len);
            last_operator[len] = '\0';
            want_operand = TRUE;
            continue;
          }

        if (len == 4 && strncmp (start, "NEAR", 4) == 0 && *p == '(')
          FAIL (_("NEAR(…) is not supported in the search; put the words in quotes "
                  "to find them as a phrase"));

        while (len > 0 && start[len - 1] == '*')
          {
            prefix = TRUE;
            len--;
          }

        if (!has_word_chars (start, len))
          {
            if (prefix)
              FAIL (_("A “*” in the search must follow the start of a word, as in contr*"));
            /* A dash or other lone punctuation: nothing to look for. */
            continue;
          }

        BEGIN_OPERAND ();
        append_string (fts, start, len, prefix);
      }
    }

#undef BEGIN_OPERAND
#undef FAIL

  if (depth > 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Unbalanced parenthesis in the search: a “(” is never closed"));
      return NULL;
    }
  if (!any_operand)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("The search has no words to look for"));
      return NULL;
    }
  if (want_operand)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” at the end of the search needs a word or phrase after it"),
                   last_operator);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&fts), FALSE);
}

/* Running a search. */

/* Splits snippet()'s marked text into plain text and highlight ranges. */
static void
parse_snippet (SpSearchHit *hit,
               const char  *marked)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  guint n_chars = 0;
  SpSearchHighlight current = { 0, 0 };

  hit->highlights = g_array_new (FALSE, FALSE, sizeof (SpSearchHighlight));

  for (const char *p = marked; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == MARK_OPEN[0])
        current.start = n_chars;
      else if (*p == MARK_CLOSE[0])
        {
          current.end = n_chars;
          if (current.end > current.start)
            g_array_append_val (hit->highlights, current);
        }
      else
        {
          g_string_append_len (plain, p, g_utf8_next_char (p) - p);
          n_chars++;
        }
    }

  /* Paragraph text may hold line breaks; a snippet is one line. */
  g_strdelimit (plain->str, "\n\t", ' ');
  hit->snippet = g_string_free (g_steal_pointer (&plain), FALSE);
}

static int
compare_hit_id (gconstpointer a,
                gconstpointer b)
{
  const SpSearchHit *x = *(SpSearchHit * const *) a, *y = *(SpSearchHit * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
add_snippets (sqlite3     *db,
              GPtrArray   *hits,
              const char  *table,
              const char  *fts_query,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree char *sql = NULL;
  guint next = 0;
  int rc;

  if (hits->len == 0)
    return TRUE;

  /* One query for all the hits, scanning the matches between the first
   * and the last: a lookup by rowid per hit would run the query again each
   * time, and a prefix query (contr*) costs a millisecond or more to set
   * up. snippet() is made only for the hits. */
  g_ptr_array_sort (hits, compare_hit_id);
  json = g_string_new ("[");
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            ((SpSearchHit *) hits->pdata[i])->id);
  g_string_append_c (json, ']');

  sql = g_strdup_printf ("SELECT rowid, snippet(%s, -1, '" MARK_OPEN "', '" MARK_CLOSE "', '…', %d)"
                         " FROM %s WHERE %s MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
                         " AND +rowid IN (SELECT value FROM json_each(?4)) ORDER BY rowid",
                         table, SNIPPET_TOKENS, table, table);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ((SpSearchHit *) hits->pdata[0])->id);
  sqlite3_bind_int64 (stmt, 3, ((SpSearchHit *) hits->pdata[hits->len - 1])->id);
  sqlite3_bind_text (stmt, 4, json->str, (int) json->len, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (; next < hits->len && ((SpSearchHit *) hits->pdata[next])->id <= id; next++)
        {
          SpSearchHit *hit = hits->pdata[next];

          parse_snippet (hit, hit->id == id ? (const char *) sqlite3_column_text (stmt, 1) : "");
        }
    }
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return FALSE;
    }
  for (; next < hits->len; next++)
    parse_snippet (hits->pdata[next], "");
  return TRUE;
}

typedef struct
{
  SpSearchHit *hit;
  gint64       position;  /* of the document, for reading order */
} SortableHit;

/* Steps @stmt (columns: id, document, title, start, end, rank,
 * stakeholder id and name, document position) into @out. */
static gboolean
collect_hits (sqlite3          *db,
              sqlite3_stmt     *stmt,
              SpSearchHitKind   kind,
              GArray           *out,
              GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SortableHit sortable;
      SpSearchHit *hit = g_new0 (SpSearchHit, 1);

      hit->kind = kind;
      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->document_id = sqlite3_column_int64 (stmt, 1);
      hit->document_title = sp_db_column_dup (stmt, 2);
      hit->start = sqlite3_column_int64 (stmt, 3);
      hit->end = sqlite3_column_int64 (stmt, 4);
      hit->rank = sqlite3_column_double (stmt, 5);
      hit->stakeholder_id = sqlite3_column_int64 (stmt, 6);
      hit->stakeholder = sp_db_column_dup (stmt, 7);
      sortable.hit = hit;
      sortable.position = sqlite3_column_int64 (stmt, 8);
      g_array_append_val (out, sortable);
    }

  if (rc != SQLITE_DONE)
    {
      /* The parser lets through only what FTS5 accepts, so this is not the
       * user's doing; still say which search failed. */
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_hits_query (sqlite3               *db,
                const char            *sql,
                SpSearchHitKind        kind,
                const char            *fts_query,
                const SpSearchFilter  *filter,
                guint                  limit,
                GArray                *out,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, filter->document_id);
  sqlite3_bind_int64 (stmt, 3, filter->stakeholder_id);
  sqlite3_bind_int64 (stmt, 4, filter->theme_id);
  if (filter->stance != SP_STANCE_NONE)
    sqlite3_bind_text (stmt, 5, sp_stance_to_string (filter->stance), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : -1);

  return collect_hits (db, stmt, kind, out, error);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const SortableHit *x = a, *y = b;

  if (x->hit->rank != y->hit->rank)
    return x->hit->rank < y->hit->rank ? -1 : 1;
  if (x->hit->kind != y->hit->kind)
    return x->hit->kind == SP_SEARCH_HIT_ANNOTATION ? -1 : 1;
  return x->hit->id < y->hit->id ? -1 : x->hit->id > y->hit->id;
}

static int
compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const SortableHit *x = a, *y = b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  if (x->hit->document_id != y->hit->document_id)
    return x->hit->document_id < y->hit->document_id ? -1 : 1;
  if (x->hit->start != y->hit->start)
    return x->hit->start < y->hit->start ? -1 : 1;
  if (x->hit->kind != y->hit->kind)
    return x->hit->kind == SP_SEARCH_HIT_TEXT ? -1 : 1;
  return x->hit->id < y->hit->id ? -1 : x->hit->id > y->hit->id;
}

/* ?1 query, ?2 document, ?3 stakeholder, ?4 theme, ?5 stance, ?6 limit;
 * columns: id, document, title, start, end, rank, stakeholder id and name,
 * document position. */
#define TEXT_SQL \
  "SELECT id, document_id, title, start, end, rank, who, name, position FROM (" \
  " SELECT s.id, s.document_id, d.title, s.start, s.end, f.rank, d.position," \
  "  CASE WHEN ?3 = 0 THEN 0 ELSE" \
  "  (SELECT t.stakeholder_id FROM segments t WHERE t.document_id = s.document_id" \
  "    AND t.kind = 'turn' AND t.start <= s.start AND t.end >= s.end" \
  "    ORDER BY t.start DESC LIMIT 1) END AS who," \
  "  NULL AS name" \
  " FROM segments_fts f JOIN segments s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id" \
  " WHERE segments_fts MATCH ?1 AND (?2 = 0 OR s.document_id = ?2)" \
  "   AND ?4 = 0 AND ?5 IS NULL)" \
  " WHERE ?3 = 0 OR who = ?3"

/* The same, for the common case of ranked hits with no speaker filter:
 * only the best ?6 matches are kept while they are scored, so a common
 * word no longer joins every one of its thousands of matches. bm25() is
 * the rank FTS5 would give; asked for as a function, SQLite sorts the
 * scores, which is several times faster than FTS5's own ORDER BY rank for
 * prefix queries. Same parameters and columns as TEXT_SQL. */
#define TEXT_TOP_SQL \
  "SELECT s.id, s.document_id, d.title, s.start, s.end, f.score, 0, NULL, d.position" \
  " FROM (SELECT rowid, bm25(segments_fts) AS score FROM segments_fts" \
  "       WHERE segments_fts MATCH ?1 AND (?2 = 0 OR document_id = ?2)" \
  "         AND ?3 = 0 AND ?4 = 0 AND ?5 IS NULL" \
  "       ORDER BY score, rowid LIMIT ?6) f" \
  " JOIN segments s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id" \
  " ORDER BY f.score"

#define ANNOTATION_SQL \
  "SELECT a.id, a.document_id, d.title, a.start, a.end, f.rank, a.stakeholder_id, k.name, d.position" \
  " FROM annotations_fts f JOIN annotations a ON a.id = f.rowid" \
  " JOIN documents d ON d.id = a.document_id LEFT JOIN stakeholders k ON k.id = a.stakeholder_id" \
  " WHERE annotations_fts MATCH ?1 AND (?2 = 0 OR a.document_id = ?2)" \
  "   AND (?3 = 0 OR a.stakeholder_id = ?3)" \
  "   AND (?4 = 0 OR EXISTS (SELECT 1 FROM annotation_themes x" \
  "                          WHERE x.annotation_id = a.id AND x.theme_id = ?4))" \
  "   AND (?5 IS NULL OR a.stance = ?5)"

/* The speaker of each text hit's turn is looked up only for the hits that
 * are kept: doing it for every match of a common word costs more than
 * the search itself. */
static gboolean
fill_stakeholder_names (sqlite3    *db,
                        GArray     *hits,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) turn = NULL;

  if ((stmt = sp_db_prepare (db, "SELECT name FROM stakeholders WHERE id = ?1", error)) == NULL)
    return FALSE;
  turn = sp_db_prepare (db,
                        "SELECT t.stakeholder_id FROM segments t WHERE t.document_id = ?1"
                        " AND t.kind = 'turn' AND t.start <= ?2 AND t.end >= ?3"
                        " ORDER BY t.start DESC LIMIT 1",
                        error);
  if (turn == NULL)
    return FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      SpSearchHit *hit = g_array_index (hits, SortableHit, i).hit;

      if (hit->kind == SP_SEARCH_HIT_TEXT && hit->stakeholder_id == 0)
        {
          sqlite3_reset (turn);
          sqlite3_bind_int64 (turn, 1, hit->document_id);
          sqlite3_bind_int64 (turn, 2, hit->start);
          sqlite3_bind_int64 (turn, 3, hit->end);
          if (sqlite3_step (turn) == SQLITE_ROW)
            hit->stakeholder_id = sqlite3_column_int64 (turn, 0);
        }

      if (hit->stakeholder_id == 0 || hit->stakeholder != NULL)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, hit->stakeholder_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        hit->stakeholder = sp_db_column_dup (stmt, 0);
    }
  return TRUE;
}

/* Searches with very many matches.
 *
 * Scoring one match with bm25 costs a microsecond or two, so a common word
 * in a large project (every one of 100,000 annotations saying "consensus")
 * costs far more to rank, join and sort than to find. When the caller asks
 * for the first few hits and one side matches more than MAX_RANKED rows,
 * that side ranks a bounded candidate set instead: the first MAX_RANKED
 * matches that pass the filters in the order FTS5 keeps them (rowid: the
 * order text was imported in, the order annotations were made in), which
 * FTS5 serves with a scan that stops early. The filters backed by an index
 * (theme, stakeholder, document) become sets of ids before that scan, so
 * whenever no more than MAX_RANKED matches pass them the result is exactly
 * what ranking every match would give. */
#define MAX_RANKED SP_SEARCH_RANKED_MAX

/* "f.rowid BETWEEN ?2 AND ?3" (the FTS5 table is always "f"), left out
 * for the whole table: a range FTS5 need not check makes it several
 * times slower. */
#define RANGE_SQL(lo, hi) ((lo) > 1 || (hi) < G_MAXINT64 ? " AND f.rowid BETWEEN ?2 AND ?3" : "")

static void
bind_range (sqlite3_stmt *stmt,
            gint64        lo,
            gint64        hi)
{
  if (lo > 1 || hi < G_MAXINT64)
    {
      sqlite3_bind_int64 (stmt, 2, lo);
      sqlite3_bind_int64 (stmt, 3, hi);
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
id_set_contains (GArray *set,
                 gint64  id)
{
  guint lo = 0, hi = set->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 value = g_array_index (set, gint64, mid);

      if (value == id)
        return TRUE;
      if (value < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* The ids @sql yields with ?1 = @p1 and ?2 = @p2 (where it has them),
 * sorted and without repeats. */
static GArray *
query_id_set (sqlite3     *db,
              const char  *sql,
              gint64       p1,
              gint64       p2,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 0;

  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, p1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, p2);
  if (sp_db_collect_ids (db, stmt, ids, _("Could not search the project"), error) == NULL)
    return NULL;

  g_array_sort (ids, compare_int64);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
  return g_steal_pointer (&ids);
}

/* Keeps in @set (NULL: everything) only the ids also in @other; takes
 * both and returns the result. */
static GArray *
id_set_intersect (GArray *set,
                  GArray *other)
{
  guint i = 0, j = 0, n = 0;

  if (set == NULL)
    return other;
  while (i < set->len && j < other->len)
    {
      gint64 a = g_array_index (set, gint64, i), b = g_array_index (other, gint64, j);

      if (a == b)
        g_array_index (set, gint64, n++) = a;
      i += a <= b;
      j += b <= a;
    }
  g_array_set_size (set, n);
  g_array_unref (other);
  return set;
}

/* How many rows of @table with rowid in [@lo, @hi] match @fts_query,
 * counting no further than MAX_RANKED + 1. */
static gboolean
count_matches (sqlite3     *db,
               const char  *table,
               const char  *fts_query,
               gint64       lo,
               gint64       hi,
               gint64      *n,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT count(*) FROM (SELECT f.rowid FROM %s f WHERE %s MATCH ?1%s LIMIT %d)",
                         table, table, RANGE_SQL (lo, hi), MAX_RANKED + 1);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  bind_range (stmt, lo, hi);
  return sp_db_query_int64 (db, stmt, n, _("Could not search the project"), error);
}

/* The ids of a document's segments. One import writes them all in one
 * transaction, in order, so they are one run of ids from its first
 * segment to its last; *@exact says the run holds as many ids as the
 * document has segments, else the range is of no use. */
static gboolean
document_segment_range (sqlite3   *db,
                        gint64     document_id,
                        gint64    *lo,
                        gint64    *hi,
                        gboolean  *exact,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_db_prepare (db,
                        "SELECT (SELECT id FROM segments WHERE document_id = ?1 ORDER BY ordinal LIMIT 1),"
                        " (SELECT id FROM segments WHERE document_id = ?1 ORDER BY ordinal DESC LIMIT 1),"
                        " n_segments FROM documents WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return FALSE;
    }
  *exact = FALSE;
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *lo = sqlite3_column_int64 (stmt, 0);
      *hi = sqlite3_column_int64 (stmt, 1);
      *exact = *hi >= *lo && *hi - *lo + 1 == sqlite3_column_int64 (stmt, 2);
    }
  else if (rc == SQLITE_DONE || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      /* No such document, or one without segments: nothing to find. */
      *lo = 1;
      *hi = 0;
      *exact = TRUE;
    }
  return TRUE;
}

typedef struct
{
  gint64 document_id;
  gint64 start;
  gint64 end;
  gint64 max_end;  /* the furthest end of this turn and those before it in its document */
} Turn;

/* Whether a turn in @turns (sorted by document and start) holds
 * [start, end) of @document_id. */
static gboolean
turns_contain (GArray *turns,
               gint64  document_id,
               gint64  start,
               gint64  end)
{
  guint lo = 0, hi = turns->len;

  /* The last turn that starts at or before @start. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Turn *t = &g_array_index (turns, Turn, mid);

      if (t->document_id < document_id || (t->document_id == document_id && t->start <= start))
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i > 0; i--)
    {
      const Turn *t = &g_array_index (turns, Turn, i - 1);

      if (t->document_id != document_id || t->max_end < end)
        return FALSE;
      if (t->end >= end)
        return TRUE;
    }
  return FALSE;
}

static GArray *
load_turns (sqlite3     *db,
            gint64       stakeholder_id,
            gint64       document_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) turns = g_array_new (FALSE, FALSE, sizeof (Turn));
  int rc;

  stmt = sp_db_prepare (db,
                        "SELECT document_id, start, end FROM segments"
                        " WHERE stakeholder_id = ?1 AND kind = 'turn' AND (?2 = 0 OR document_id = ?2)"
                        " ORDER BY document_id, start",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  sqlite3_bind_int64 (stmt, 2, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Turn t = {
        .document_id = sqlite3_column_int64 (stmt, 0),
        .start = sqlite3_column_int64 (stmt, 1),
        .end = sqlite3_column_int64 (stmt, 2),
      };
      const Turn *before = turns->len > 0 ? &g_array_index (turns, Turn, turns->len - 1) : NULL;

      t.max_end = before != NULL && before->document_id == t.document_id ? MAX (before->max_end, t.end) : t.end;
      g_array_append_val (turns, t);
    }
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return NULL;
    }
  return g_steal_pointer (&turns);
}

/* The text side's candidates: matches of @fts_query that pass @filter, in
 * rowid order, at most MAX_RANKED. *@filtered says some matches between
 * the first and the last candidate were left out; *@unmatched that the
 * candidates are the (at most MAX_RANKED) rows passing the filter, some
 * of which may not match at all. */
static gboolean
text_candidates (sqlite3               *db,
                 const char            *fts_query,
                 const SpSearchFilter  *filter,
                 GArray                *ids,
                 gboolean              *filtered,
                 gboolean              *unmatched,
                 GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) set = NULL;    /* segments the stakeholder speaks */
  g_autoptr(GArray) turns = NULL;  /* or, when that is most of them, their turns */
  gint64 lo = 1, hi = G_MAXINT64;
  gboolean check_document = FALSE;
  int rc;

  *filtered = FALSE;
  if (filter->document_id != 0)
    {
      gboolean exact;

      if (!document_segment_range (db, filter->document_id, &lo, &hi, &exact, error))
        return FALSE;
      if (!exact)
        {
          lo = 1;
          hi = G_MAXINT64;
          check_document = TRUE;
        }
    }

  if (filter->stakeholder_id != 0)
    {
      g_autoptr(sqlite3_stmt) count = NULL;
      gint64 mine, all;

      /* A speaker of few turns: the segments in them, from the index on
       * speakers; one of most turns: a look at each match's turn. */
      count = sp_db_prepare (db,
                             "SELECT (SELECT count(*) FROM segments WHERE stakeholder_id = ?1 AND kind = 'turn'"
                             "         AND (?2 = 0 OR document_id = ?2)),"
                             " (SELECT total(n_turns) FROM documents WHERE ?2 = 0 OR id = ?2)",
                             error);
      if (count == NULL)
        return FALSE;
      sqlite3_bind_int64 (count, 1, filter->stakeholder_id);
      sqlite3_bind_int64 (count, 2, filter->document_id);
      if ((rc = sqlite3_step (count)) != SQLITE_ROW)
        {
          sp_db_set_error (error, db, rc, _("Could not search the project"));
          return FALSE;
        }
      mine = sqlite3_column_int64 (count, 0);
      all = sqlite3_column_int64 (count, 1);

      if (mine * 2 <= all)
        {
          set = query_id_set (db,
                              "SELECT s.id FROM segments t JOIN segments s ON s.document_id = t.document_id"
                              "  AND s.start >= t.start AND s.start <= t.end AND s.end <= t.end"
                              " WHERE t.stakeholder_id = ?1 AND t.kind = 'turn' AND (?2 = 0 OR t.document_id = ?2)",
                              filter->stakeholder_id, filter->document_id, error);
          if (set == NULL)
            return FALSE;
          if (set->len == 0)
            return TRUE;
          lo = MAX (lo, g_array_index (set, gint64, 0));
          hi = MIN (hi, g_array_index (set, gint64, set->len - 1));
          check_document = FALSE;  /* the set holds only the document's segments */
        }
      else if ((turns = load_turns (db, filter->stakeholder_id, filter->document_id, error)) == NULL)
        return FALSE;
      *filtered = TRUE;
    }
  *filtered |= check_document;

  /* Few enough segments: the ranking itself keeps the ones that match. */
  if (set != NULL && set->len <= MAX_RANKED)
    {
      g_array_append_vals (ids, set->data, set->len);
      *unmatched = TRUE;
      return TRUE;
    }

  sql = g_strdup_printf ("%s WHERE segments_fts MATCH ?1%s ORDER BY f.rowid",
                         turns != NULL || check_document
                         ? "SELECT f.rowid, s.document_id, s.start, s.end FROM segments_fts f"
                           " JOIN segments s ON s.id = f.rowid"
                         : "SELECT f.rowid FROM segments_fts f",
                         RANGE_SQL (lo, hi));
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  bind_range (stmt, lo, hi);

  while (ids->len < MAX_RANKED && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (set != NULL && !id_set_contains (set, id))
        continue;
      if (check_document && sqlite3_column_int64 (stmt, 1) != filter->document_id)
        continue;
      if (turns != NULL &&
          !turns_contain (turns, sqlite3_column_int64 (stmt, 1),
                          sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3)))
        continue;
      g_array_append_val (ids, id);
    }
  if (ids->len < MAX_RANKED && rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return FALSE;
    }
  return TRUE;
}

/* The same for annotations. */
static gboolean
annotation_candidates (sqlite3               *db,
                       const char            *fts_query,
                       const SpSearchFilter  *filter,
                       GArray                *ids,
                       gboolean              *filtered,
                       gboolean              *unmatched,
                       GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) set = NULL;
  struct { gint64 value; const char *sql; } sets[] = {
    { filter->theme_id, "SELECT annotation_id FROM annotation_themes WHERE theme_id = ?1" },
    { filter->stakeholder_id, "SELECT id FROM annotations WHERE stakeholder_id = ?1" },
    { filter->document_id, "SELECT id FROM annotations WHERE document_id = ?1" },
  };
  gint64 lo = 1, hi = G_MAXINT64;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      GArray *some;

      if (sets[i].value == 0)
        continue;
      if ((some = query_id_set (db, sets[i].sql, sets[i].value, 0, error)) == NULL)
        return FALSE;
      set = id_set_intersect (set, some);
    }
  if (set != NULL)
    {
      if (set->len == 0)
        return TRUE;
      lo = g_array_index (set, gint64, 0);
      hi = g_array_index (set, gint64, set->len - 1);
    }
  *filtered = set != NULL || filter->stance != SP_STANCE_NONE;

  if (set != NULL && set->len <= MAX_RANKED && filter->stance == SP_STANCE_NONE)
    {
      g_array_append_vals (ids, set->data, set->len);
      *unmatched = TRUE;
      return TRUE;
    }

  sql = g_strdup_printf ("%s WHERE annotations_fts MATCH ?1%s%s ORDER BY f.rowid",
                         filter->stance != SP_STANCE_NONE
                         ? "SELECT f.rowid FROM annotations_fts f JOIN annotations a ON a.id = f.rowid"
                         : "SELECT f.rowid FROM annotations_fts f",
                         RANGE_SQL (lo, hi),
                         filter->stance != SP_STANCE_NONE ? " AND a.stance = ?4" : "");
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  bind_range (stmt, lo, hi);
  if (filter->stance != SP_STANCE_NONE)
    sqlite3_bind_text (stmt, 4, sp_stance_to_string (filter->stance), -1, SQLITE_STATIC);

  while (ids->len < MAX_RANKED && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (set == NULL || id_set_contains (set, id))
        g_array_append_val (ids, id);
    }
  if (ids->len < MAX_RANKED && rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return FALSE;
    }
  return TRUE;
}

/* @ids as a JSON array, for json_each(): SQLite's way to take a list. */
static char *
ids_to_json (GArray *ids)
{
  GString *json = g_string_sized_new (ids->len * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

typedef struct
{
  gint64 id;
  double rank;
} RankedId;

static int
compare_ranked_id (gconstpointer a,
                   gconstpointer b)
{
  return compare_int64 (&((const RankedId *) a)->id, &((const RankedId *) b)->id);
}

/* bm25 of the candidates @ids (ascending), best first, at most @limit
 * (0: all) of them. bm25() is called as a function rather than through
 * FTS5's rank column, so only rows that pass the id filter are scored;
 * the scores are the same. */
static gboolean
rank_candidates (sqlite3     *db,
                 const char  *table,
                 const char  *fts_query,
                 GArray      *ids,
                 gboolean     filtered,
                 guint        limit,
                 GArray      *ranked,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *json = NULL;
  int rc;

  if (ids->len == 0)
    return TRUE;

  sql = g_strdup_printf ("SELECT rowid, bm25(%s) AS score FROM %s"
                         " WHERE %s MATCH ?1 AND rowid BETWEEN ?2 AND ?3%s"
                         " ORDER BY score, rowid LIMIT ?4",
                         table, table, table,
                         filtered ? " AND +rowid IN (SELECT value FROM json_each(?5))" : "");
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, 0));
  sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, ids->len - 1));
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  if (filtered)
    {
      json = ids_to_json (ids);
      sqlite3_bind_text (stmt, 5, json, -1, SQLITE_STATIC);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RankedId r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };
      g_array_append_val (ranked, r);
    }
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not search the project"));
      return FALSE;
    }
  return TRUE;
}

/* The hits for a set of ids; ?1 a JSON array of ids, ?2 a limit. Same
 * columns as TEXT_SQL and ANNOTATION_SQL, rank left 0. */
#define TEXT_BY_ID_SQL \
  "SELECT s.id, s.document_id, d.title, s.start, s.end, 0.0, 0, NULL, d.position" \
  " FROM segments s JOIN documents d ON d.id = s.document_id" \
  " WHERE s.id IN (SELECT value FROM json_each(?1))" \
  " ORDER BY d.position, s.document_id, s.start, s.id LIMIT ?2"

#define ANNOTATION_BY_ID_SQL \
  "SELECT a.id, a.document_id, d.title, a.start, a.end, 0.0, a.stakeholder_id, k.name, d.position" \
  " FROM annotations a JOIN documents d ON d.id = a.document_id" \
  " LEFT JOIN stakeholders k ON k.id = a.stakeholder_id" \
  " WHERE a.id IN (SELECT value FROM json_each(?1))" \
  " ORDER BY d.position, a.document_id, a.start, a.id LIMIT ?2"

static gboolean
read_hits_by_id (sqlite3          *db,
                 SpSearchHitKind   kind,
                 GArray           *ids,
                 guint             limit,
                 GArray           *out,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = ids_to_json (ids);

  if ((stmt = sp_db_prepare (db, kind == SP_SEARCH_HIT_TEXT ? TEXT_BY_ID_SQL : ANNOTATION_BY_ID_SQL,
                             error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_hits (db, stmt, kind, out, error);
}

/* One side of a search that matches more than MAX_RANKED rows, when only
 * the first @limit hits are wanted: its hits from a bounded candidate set
 * go to @found. *@handled is FALSE, and nothing is done, for a side with
 * few enough matches to rank them all the usual way. */
static gboolean
search_side_bounded (sqlite3               *db,
                     SpSearchHitKind        kind,
                     const char            *fts_query,
                     const SpSearchFilter  *filter,
                     guint                  limit,
                     gboolean              *handled,
                     GArray                *found,
                     GError               **error)
{
  const char *table = kind == SP_SEARCH_HIT_TEXT ? "segments_fts" : "annotations_fts";
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) ranked = NULL;
  gint64 lo = 1, hi = G_MAXINT64, n;
  gboolean filtered = FALSE, unmatched = FALSE;
  guint first = found->len;

  *handled = FALSE;
  if (limit == 0 || limit >= MAX_RANKED)
    return TRUE;

  if (kind == SP_SEARCH_HIT_TEXT && filter->document_id != 0)
    {
      gboolean exact;

      if (!document_segment_range (db, filter->document_id, &lo, &hi, &exact, error))
        return FALSE;
      if (!exact)
        {
          lo = 1;
          hi = G_MAXINT64;
        }
    }
  if (!count_matches (db, table, fts_query, lo, hi, &n, error))
    return FALSE;
  if (n <= MAX_RANKED)
    return TRUE;
  *handled = TRUE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (kind == SP_SEARCH_HIT_TEXT
      ? !text_candidates (db, fts_query, filter, ids, &filtered, &unmatched, error)
      : !annotation_candidates (db, fts_query, filter, ids, &filtered, &unmatched, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  ranked = g_array_new (FALSE, FALSE, sizeof (RankedId));
  if (filter->order == SP_SEARCH_ORDER_READING && unmatched)
    {
      /* Keep the rows that match: all of them ranked, in id order. */
      if (!rank_candidates (db, table, fts_query, ids, TRUE, 0, ranked, error))
        return FALSE;
      g_array_set_size (ids, 0);
      for (guint i = 0; i < ranked->len; i++)
        g_array_append_val (ids, g_array_index (ranked, RankedId, i).id);
      g_array_sort (ids, compare_int64);
      g_array_sort (ranked, compare_ranked_id);
      if (!read_hits_by_id (db, kind, ids, limit, found, error))
        return FALSE;
    }
  else if (filter->order == SP_SEARCH_ORDER_READING)
    {
      g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* The first @limit in reading order, then their scores. */
      if (!read_hits_by_id (db, kind, ids, limit, found, error))
        return FALSE;
      for (guint i = first; i < found->len; i++)
        g_array_append_val (kept, g_array_index (found, SortableHit, i).hit->id);
      g_array_sort (kept, compare_int64);
      if (!rank_candidates (db, table, fts_query, kept, TRUE, 0, ranked, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!rank_candidates (db, table, fts_query, ids, filtered || unmatched, limit, ranked, error))
        return FALSE;
      for (guint i = 0; i < ranked->len; i++)
        g_array_append_val (best, g_array_index (ranked, RankedId, i).id);
      g_array_sort (best, compare_int64);
      if (!read_hits_by_id (db, kind, best, 0, found, error))
        return FALSE;
    }

  g_array_sort (ranked, compare_ranked_id);
  for (guint i = first; i < found->len; i++)
    {
      SpSearchHit *hit = g_array_index (found, SortableHit, i).hit;
      RankedId key = { hit->id, 0 };
      guint at;

      if (g_array_binary_search (ranked, &key, compare_ranked_id, &at))
        hit->rank = g_array_index (ranked, RankedId, at).rank;
    }
  return TRUE;
}

GPtrArray *
sp_project_search (SpProject             *self,
                   const char            *query,
                   const SpSearchFilter  *filter,
                   guint                  limit,
                   GError               **error)
{
  static const SpSearchFilter any = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *fts_query = NULL;
  g_autofree char *text_sql = NULL;
  g_autofree char *annotation_sql = NULL;
  const char *order;
  gboolean handled;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (filter == NULL)
    filter = &any;

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  if ((fts_query = sp_search_query_to_fts (query, error)) == NULL)
    return NULL;

  order = filter->order == SP_SEARCH_ORDER_READING ? " ORDER BY position, document_id, start LIMIT ?6"
                                                   : " ORDER BY rank LIMIT ?6";
  if (filter->order != SP_SEARCH_ORDER_READING && filter->stakeholder_id == 0)
    text_sql = g_strdup (TEXT_TOP_SQL);
  else
    text_sql = g_strconcat (TEXT_SQL, order, NULL);
  annotation_sql = g_strconcat ("SELECT * FROM (" ANNOTATION_SQL ")", order, NULL);

  found = g_array_new (FALSE, FALSE, sizeof (SortableHit));
  /* Theme and stance only annotations have: no text hits then. */
  if (filter->theme_id == 0 && filter->stance == SP_STANCE_NONE)
    {
      if (!search_side_bounded (db, SP_SEARCH_HIT_TEXT, fts_query, filter, limit, &handled, found, error))
        goto failed;
      if (!handled &&
          !run_hits_query (db, text_sql, SP_SEARCH_HIT_TEXT, fts_query, filter, limit, found, error))
        goto failed;
    }
  if (!search_side_bounded (db, SP_SEARCH_HIT_ANNOTATION, fts_query, filter, limit, &handled, found, error))
    goto failed;
  if (!handled &&
      !run_hits_query (db, annotation_sql, SP_SEARCH_HIT_ANNOTATION, fts_query, filter, limit, found, error))
    goto failed;

  g_array_sort (found, filter->order == SP_SEARCH_ORDER_READING ? compare_reading : compare_rank);
  if (limit > 0 && found->len > limit)
    {
      for (guint i = limit; i < found->len; i++)
        sp_search_hit_free (g_array_index (found, SortableHit, i).hit);
      g_array_set_size (found, limit);
    }
  if (!fill_stakeholder_names (db, found, error))
    goto failed;

  hits = g_ptr_array_new_full (found->len, (GDestroyNotify) sp_search_hit_free);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (hits, g_array_index (found, SortableHit, i).hit);
  g_array_set_size (found, 0);

  /* Snippets for the hits that are left, grouped by table. */
  {
    g_autoptr(GPtrArray) text_hits = g_ptr_array_new ();
    g_autoptr(GPtrArray) annotation_hits = g_ptr_array_new ();

    for (guint i = 0; i < hits->len; i++)
      {
        SpSearchHit *hit = g_ptr_array_index (hits, i);
        g_ptr_array_add (hit->kind == SP_SEARCH_HIT_TEXT ? text_hits : annotation_hits, hit);
      }
    if (!add_snippets (db, text_hits, "segments_fts", fts_query, error) ||
        !add_snippets (db, annotation_hits, "annotations_fts", fts_query, error))
      return NULL;
  }

  return g_steal_pointer (&hits);

failed:
  for (guint i = 0; i < found->len; i++)
    sp_search_hit_free (g_array_index (found, SortableHit, i).hit);
  return NULL;
}
