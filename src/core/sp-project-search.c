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

static gboolean
add_snippets (sqlite3     *db,
              GPtrArray   *hits,
              guint        first,
              const char  *table,
              const char  *fts_query,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  /* One lookup by rowid per hit: cheaper than making a snippet for every
   * row that matches when only the best few are shown. */
  sql = g_strdup_printf ("SELECT snippet(%s, -1, '" MARK_OPEN "', '" MARK_CLOSE "', '…', %d)"
                         " FROM %s WHERE %s MATCH ?1 AND rowid = ?2",
                         table, SNIPPET_TOKENS, table, table);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);

  for (guint i = first; i < hits->len; i++)
    {
      SpSearchHit *hit = g_ptr_array_index (hits, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 2, hit->id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          sp_db_set_error (error, db, rc, _("Could not search the project"));
          return FALSE;
        }
      parse_snippet (hit, rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : "");
    }
  return TRUE;
}

typedef struct
{
  SpSearchHit *hit;
  gint64       position;  /* of the document, for reading order */
} SortableHit;

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
  int rc;

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
 * FTS5 keeps only the best ?6 matches while it scores them, so a common
 * word no longer joins every one of its thousands of matches. Same
 * parameters and columns as TEXT_SQL. */
#define TEXT_TOP_SQL \
  "SELECT s.id, s.document_id, d.title, s.start, s.end, f.rank, 0, NULL, d.position" \
  " FROM (SELECT rowid, rank FROM segments_fts" \
  "       WHERE segments_fts MATCH ?1 AND (?2 = 0 OR document_id = ?2)" \
  "         AND ?3 = 0 AND ?4 = 0 AND ?5 IS NULL" \
  "       ORDER BY rank LIMIT ?6) f" \
  " JOIN segments s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id" \
  " ORDER BY f.rank"

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
  if (!run_hits_query (db, text_sql, SP_SEARCH_HIT_TEXT, fts_query, filter, limit, found, error))
    goto failed;
  if (!run_hits_query (db, annotation_sql, SP_SEARCH_HIT_ANNOTATION, fts_query, filter, limit, found, error))
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
    if (!add_snippets (db, text_hits, 0, "segments_fts", fts_query, error) ||
        !add_snippets (db, annotation_hits, 0, "annotations_fts", fts_query, error))
      return NULL;
  }

  return g_steal_pointer (&hits);

failed:
  for (guint i = 0; i < found->len; i++)
    sp_search_hit_free (g_array_index (found, SortableHit, i).hit);
  return NULL;
}
