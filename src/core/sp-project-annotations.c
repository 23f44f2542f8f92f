/* sp-project-annotations.c: tagging passages, and changing and removing
 * the tags, each as an undoable command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-annotations.h"
#include "sp-project-annotations-private.h"
#include "sp-text-index.h"
#include "sp-text-snap.h"
#include "sp-undo-manager.h"

/* Enough context to find a passage again should the text ever change
 * (the W3C TextQuoteSelector keeps about as much). */
#define CONTEXT_CHARS 32

static SpAnnotationRow *
annotation_row_new (void)
{
  SpAnnotationRow *row = g_new0 (SpAnnotationRow, 1);

  row->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  row->links = sp_db_rows_new ();
  return row;
}

void
_sp_annotation_row_free (SpAnnotationRow *row)
{
  if (row == NULL)
    return;
  g_free (row->quote);
  g_free (row->prefix);
  g_free (row->suffix);
  g_free (row->memo);
  g_free (row->author);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_array_unref (row->theme_ids);
  g_ptr_array_unref (row->links);
  g_free (row);
}

void
sp_annotation_info_free (SpAnnotationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->document_title);
  g_free (info->quote);
  g_free (info->prefix);
  g_free (info->suffix);
  g_clear_pointer (&info->theme_ids, g_array_unref);
  g_strfreev (info->theme_names);
  g_free (info->stakeholder);
  g_free (info->memo);
  g_free (info->author);
  g_free (info->created_at);
  g_free (info->updated_at);
  g_free (info);
}

/* Whether a row with this id exists in @table (a constant name). */
static gboolean
row_exists (sqlite3     *db,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_db_prepare_with_id (db, sql, id, error);

  return stmt != NULL && sp_db_step_maybe (db, stmt, exists, _("Could not read the project"), error);
}

static void
bind_stance (sqlite3_stmt *stmt,
             int           i,
             SpStance      stance)
{
  if (stance == SP_STANCE_NONE)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, sp_stance_to_string (stance), -1, SQLITE_STATIC);
}

static SpStance
column_stance (sqlite3_stmt *stmt,
               int           i)
{
  SpStance stance = SP_STANCE_NONE;
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  if (text == NULL || !sp_stance_from_string (text, &stance))
    return SP_STANCE_NONE;
  return stance;
}

/* Storing and removing rows; these run inside the undo manager's
 * transaction and keep annotations_fts in step with annotations. */

/* Writes the rows that hang off the annotation: its themes and its
 * full-text index entry, each cleared first. */
static gboolean
write_themes_and_index (sqlite3          *db,
                        SpAnnotationRow  *row,
                        GError          **error)
{
  const char *themes_what = _("Could not store the annotation's themes");
  const char *index_what = _("Could not index the annotation");
  g_autoptr(sqlite3_stmt) tag = NULL;
  g_autoptr(sqlite3_stmt) index = NULL;

  if (sp_db_exec_int64 (db, "DELETE FROM annotation_themes WHERE annotation_id = ?1", row->id, themes_what, error) < 0 ||
      (tag = sp_db_prepare_with_id (db, "INSERT OR IGNORE INTO annotation_themes (annotation_id, theme_id)"
                                        " VALUES (?1, ?2)", row->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < row->theme_ids->len; i++)
    {
      sqlite3_bind_int64 (tag, 2, g_array_index (row->theme_ids, gint64, i));
      if (!sp_db_step_done (db, tag, themes_what, error))
        return FALSE;
    }

  if (sp_db_exec_int64 (db, "DELETE FROM annotations_fts WHERE rowid = ?1", row->id, index_what, error) < 0 ||
      (index = sp_db_prepare_with_id (db, "INSERT INTO annotations_fts (rowid, quote, memo) VALUES (?1, ?2, ?3)",
                                      row->id, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (index, 2, row->quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (index, 3, row->memo, -1, SQLITE_STATIC);
  return sp_db_step_done (db, index, index_what, error);
}

static gboolean
insert_row (SpProject      *project,
            SpAnnotationRow  *row,
            GError        **error)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;

  insert = sp_db_prepare (db,
                          "INSERT INTO annotations (id, document_id, start, end, quote, prefix, suffix,"
                          " stakeholder_id, stance, memo, author, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                          error);
  if (insert == NULL)
    return FALSE;

  /* The first time, SQLite picks the id; redo and undo-of-delete reuse it,
   * so links, scripts and the UI's selection keep pointing at the same row. */
  sp_db_bind_id_or_null (insert, 1, row->id);
  sqlite3_bind_int64 (insert, 2, row->document_id);
  sqlite3_bind_int64 (insert, 3, row->start);
  sqlite3_bind_int64 (insert, 4, row->end);
  sqlite3_bind_text (insert, 5, row->quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, row->prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, row->suffix, -1, SQLITE_STATIC);
  sp_db_bind_id_or_null (insert, 8, row->stakeholder_id);
  bind_stance (insert, 9, row->stance);
  sqlite3_bind_text (insert, 10, row->memo, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 11, row->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 12, row->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 13, row->updated_at, -1, SQLITE_STATIC);
  if (!sp_db_step_done (db, insert, _("Could not store the annotation"), error))
    return FALSE;

  row->id = sqlite3_last_insert_rowid (db);

  if (!write_themes_and_index (db, row, error))
    return FALSE;

  if (row->links->len == 0)
    return TRUE;

  /* A link whose other end has gone since is dropped, not an error. */
  link = sp_db_prepare (db,
                        "INSERT OR IGNORE INTO links (id, source_id, target_id, kind, created_at)"
                        " SELECT ?1, ?2, ?3, ?4, ?5"
                        " WHERE EXISTS (SELECT 1 FROM annotations WHERE id = ?2)"
                        "   AND EXISTS (SELECT 1 FROM annotations WHERE id = ?3)",
                        error);
  if (link == NULL)
    return FALSE;
  return sp_db_write_rows (db, link, row->links, _("Could not restore the annotation's links"), error);
}

/* Themes and links go with the row through ON DELETE CASCADE. */
static gboolean
remove_row (SpProject  *project,
            gint64      id,
            GError    **error)
{
  sqlite3 *db = _sp_project_get_db (project);
  const char *what = _("Could not remove the annotation");
  int changed;

  if (sp_db_exec_int64 (db, "DELETE FROM annotations_fts WHERE rowid = ?1", id, what, error) < 0 ||
      (changed = sp_db_exec_int64 (db, "DELETE FROM annotations WHERE id = ?1", id, what, error)) < 0)
    return FALSE;

  if (changed != 1)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("There is no annotation %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* Writes what an update may change: themes, stakeholder, stance, memo. */
static gboolean
update_row (SpProject      *project,
            SpAnnotationRow  *row,
            GError        **error)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(sqlite3_stmt) update = NULL;

  update = sp_db_prepare (db,
                          "UPDATE annotations SET stakeholder_id = ?2, stance = ?3, memo = ?4,"
                          " updated_at = ?5 WHERE id = ?1",
                          error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, row->id);
  sp_db_bind_id_or_null (update, 2, row->stakeholder_id);
  bind_stance (update, 3, row->stance);
  sqlite3_bind_text (update, 4, row->memo, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 5, row->updated_at, -1, SQLITE_STATIC);
  if (!sp_db_step_done (db, update, _("Could not change the annotation"), error))
    return FALSE;

  if (sqlite3_changes (db) != 1)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("There is no annotation %lld"), (long long) row->id);
      return FALSE;
    }

  return write_themes_and_index (db, row, error);
}

static SpAnnotationRow *
annotation_row_from_row (sqlite3_stmt *stmt)
{
  SpAnnotationRow *row = annotation_row_new ();

  row->id = sqlite3_column_int64 (stmt, 0);
  row->document_id = sqlite3_column_int64 (stmt, 1);
  row->start = sqlite3_column_int64 (stmt, 2);
  row->end = sqlite3_column_int64 (stmt, 3);
  row->quote = sp_db_column_dup (stmt, 4);
  row->prefix = sp_db_column_dup (stmt, 5);
  row->suffix = sp_db_column_dup (stmt, 6);
  row->stakeholder_id = sqlite3_column_int64 (stmt, 7);
  row->stance = column_stance (stmt, 8);
  row->memo = sp_db_column_dup (stmt, 9);
  row->author = sp_db_column_dup (stmt, 10);
  row->created_at = sp_db_column_dup (stmt, 11);
  row->updated_at = sp_db_column_dup (stmt, 12);
  return row;
}

/* A full copy of the stored annotation, links included. */
static SpAnnotationRow *
load_row (SpProject  *self,
          gint64      id,
          GError    **error)
{
  sqlite3 *db = _sp_project_get_db (self);
  g_autoptr(SpAnnotationRow) row = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) themes = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autofree char *missing = NULL;

  stmt = sp_db_prepare_with_id (db,
                                "SELECT id, document_id, start, end, quote, prefix, suffix, stakeholder_id,"
                                " stance, memo, author, created_at, updated_at FROM annotations WHERE id = ?1",
                                id, error);
  if (stmt == NULL)
    return NULL;
  missing = g_strdup_printf (_("There is no annotation %lld"), (long long) id);
  row = sp_db_get_row (db, stmt, (SpDbRowFunc) annotation_row_from_row,
                       _("Could not read the annotation"), missing, error);
  if (row == NULL)
    return NULL;

  themes = sp_db_prepare_with_id (db, "SELECT theme_id FROM annotation_themes WHERE annotation_id = ?1 ORDER BY theme_id",
                                  id, error);
  if (themes == NULL)
    return NULL;
  if (sp_db_collect_ids (db, themes, row->theme_ids, _("Could not read the annotation"), error) == NULL)
    return NULL;

  links = sp_db_prepare_with_id (db,
                                 "SELECT id, source_id, target_id, kind, created_at FROM links"
                                 " WHERE source_id = ?1 OR target_id = ?1 ORDER BY id",
                                 id, error);
  if (links == NULL)
    return NULL;
  /* Copied in the column order insert_row() binds them back in. */
  if (!sp_db_copy_rows (db, links, row->links, _("Could not read the annotation's links"), error))
    return NULL;

  return g_steal_pointer (&row);
}

/* The commands. */

static gboolean
annotate_apply (SpProject  *project,
                gpointer    data,
                GError    **error)
{
  return insert_row (project, data, error);
}

static gboolean
annotate_revert (SpProject  *project,
                 gpointer    data,
                 GError    **error)
{
  SpAnnotationRow *row = data;

  return remove_row (project, row->id, error);
}

typedef struct
{
  SpAnnotationRow *before;
  SpAnnotationRow *after;
} UpdateData;

static void
update_data_free (gpointer data)
{
  UpdateData *update = data;

  _sp_annotation_row_free (update->before);
  _sp_annotation_row_free (update->after);
  g_free (update);
}

static gboolean
update_apply (SpProject  *project,
              gpointer    data,
              GError    **error)
{
  return update_row (project, ((UpdateData *) data)->after, error);
}

static gboolean
update_revert (SpProject  *project,
               gpointer    data,
               GError    **error)
{
  return update_row (project, ((UpdateData *) data)->before, error);
}

/* Validation, shared by annotate and update. */

static gboolean
check_themes (sqlite3       *db,
              const gint64  *theme_ids,
              guint          n_theme_ids,
              GError       **error)
{
  for (guint i = 0; i < n_theme_ids; i++)
    {
      gboolean exists = FALSE;

      if (!row_exists (db, "SELECT 1 FROM themes WHERE id = ?1", theme_ids[i], &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                       _("There is no theme with id %lld in this project"),
                       (long long) theme_ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_stakeholder_and_stance (sqlite3   *db,
                              gint64     stakeholder_id,
                              SpStance   stance,
                              GError   **error)
{
  gboolean exists = TRUE;

  if ((guint) stance > SP_STANCE_UNCLEAR)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Unknown stance %d"), (int) stance);
      return FALSE;
    }

  if (stakeholder_id < 0 ||
      (stakeholder_id > 0 &&
       !row_exists (db, "SELECT 1 FROM stakeholders WHERE id = ?1", stakeholder_id, &exists, error)))
    {
      if (stakeholder_id < 0)
        g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                     _("Invalid stakeholder id %lld"), (long long) stakeholder_id);
      return FALSE;
    }
  if (!exists)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("There is no stakeholder with id %lld in this project"),
                   (long long) stakeholder_id);
      return FALSE;
    }
  return TRUE;
}

static void
set_themes (SpAnnotationRow *row,
            const gint64  *theme_ids,
            guint          n_theme_ids)
{
  g_array_set_size (row->theme_ids, 0);
  for (guint i = 0; i < n_theme_ids; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < row->theme_ids->len && !seen; j++)
        seen = g_array_index (row->theme_ids, gint64, j) == theme_ids[i];
      if (!seen)
        g_array_append_val (row->theme_ids, theme_ids[i]);
    }
}

static void
append_first_column (sqlite3_stmt *stmt,
                     gpointer      strings)
{
  g_ptr_array_add (strings, sp_db_column_dup (stmt, 0));
}

/* Speakers of the turns that [start, end) touches, in order; an empty
 * array for documents without turns. */
static GPtrArray *
list_turn_speakers (sqlite3  *db,
                    gint64    document_id,
                    gint64    start,
                    gint64    end,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_free);

  stmt = sp_db_prepare (db,
                        "SELECT coalesce(k.name, '?') FROM segments s"
                        " LEFT JOIN stakeholders k ON k.id = s.stakeholder_id"
                        " WHERE s.document_id = ?1 AND s.kind = 'turn' AND s.start < ?3 AND s.end > ?2"
                        " ORDER BY s.start",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  if (!sp_db_for_each_row (db, stmt, append_first_column, speakers, _("Could not read the document structure"), error))
    return NULL;
  return g_steal_pointer (&speakers);
}

/* Where @needle occurs in @haystack as whole words; byte offsets. */
static gboolean
find_word (const char *haystack,
           gsize       haystack_len,
           const char *needle,
           gsize       from,
           gsize      *found)
{
  gsize needle_len = strlen (needle);

  if (needle_len == 0)
    return FALSE;

  while (from + needle_len <= haystack_len)
    {
      const char *hit = g_strstr_len (haystack + from, (gssize) (haystack_len - from), needle);
      gsize at;

      if (hit == NULL)
        return FALSE;
      at = (gsize) (hit - haystack);

      if ((at == 0 || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (hit)))) &&
          (at + needle_len == haystack_len ||
           !g_unichar_isalnum (g_utf8_get_char (hit + needle_len))))
        {
          *found = at;
          return TRUE;
        }
      from = (gsize) (g_utf8_next_char (hit) - haystack);
    }
  return FALSE;
}

/* The stakeholder named in @text (a paragraph) whose mention best fits the
 * passage at bytes [passage_start, passage_end): the first mention inside
 * the passage ("As Kennedy observes, …"), else the nearest one before it. */
static gint64
find_mentioned_stakeholder (sqlite3     *db,
                            const char  *text,
                            gsize        passage_start,
                            gsize        passage_end,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 inside_id = 0, before_id = 0;
  gsize inside_at = G_MAXSIZE, inside_len = 0;
  gsize before_end = 0, before_len = 0;
  int rc;

  stmt = sp_db_prepare (db,
                        "SELECT id, name FROM stakeholders"
                        " UNION ALL SELECT stakeholder_id, alias FROM stakeholder_aliases",
                        error);
  if (stmt == NULL)
    return 0;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gsize len = name != NULL ? strlen (name) : 0;
      gsize from = 0, at;

      /* Case-sensitive on purpose: "Park" is a name, "park" is not. */
      while (len > 0 && find_word (text, passage_end, name, from, &at))
        {
          if (at >= passage_start)
            {
              if (at < inside_at || (at == inside_at && len > inside_len))
                {
                  inside_id = id;
                  inside_at = at;
                  inside_len = len;
                }
              break;
            }
          if (at + len > before_end || (at + len == before_end && len > before_len))
            {
              before_id = id;
              before_end = at + len;
              before_len = len;
            }
          from = at + 1;
        }
    }
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not read the stakeholders"));
      return 0;
    }

  return inside_id != 0 ? inside_id : before_id;
}

gint64
sp_project_propose_stakeholder (SpProject  *self,
                                gint64      document_id,
                                gint64      start,
                                gint64      end,
                                GError    **error)
{
  g_autoptr(sqlite3_stmt) turn = NULL;
  g_autoptr(sqlite3_stmt) paragraph = NULL;
  g_autofree char *text = NULL;
  gint64 para_start, para_end;
  gsize passage_start, passage_end;
  gboolean found;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return 0;

  /* Transcripts: whoever holds the turn the passage starts in. */
  turn = sp_db_prepare (db,
                        "SELECT stakeholder_id FROM segments"
                        " WHERE document_id = ?1 AND kind = 'turn' AND start <= ?2 AND end > ?2"
                        " ORDER BY start DESC LIMIT 1",
                        error);
  if (turn == NULL)
    return 0;
  sqlite3_bind_int64 (turn, 1, document_id);
  sqlite3_bind_int64 (turn, 2, start);
  if (!sp_db_step_maybe (db, turn, &found, _("Could not read the document structure"), error))
    return 0;
  if (found && sqlite3_column_type (turn, 0) != SQLITE_NULL)
    return sqlite3_column_int64 (turn, 0);

  /* Reports: a stakeholder the paragraph names. substr() counts code
   * points, so the paragraph is cut out without reading the whole text. */
  paragraph = sp_db_prepare (db,
                             "SELECT s.start, s.end, substr(d.text, s.start + 1, s.end - s.start)"
                             " FROM segments s JOIN documents d ON d.id = s.document_id"
                             " WHERE s.document_id = ?1 AND s.kind IN ('paragraph', 'list_item', 'footnote', 'table')"
                             "   AND s.start <= ?2 AND s.end > ?2"
                             " ORDER BY s.start DESC LIMIT 1",
                             error);
  if (paragraph == NULL)
    return 0;
  sqlite3_bind_int64 (paragraph, 1, document_id);
  sqlite3_bind_int64 (paragraph, 2, start);
  if (!sp_db_step_maybe (db, paragraph, &found, _("Could not read the document structure"), error) || !found)
    return 0;

  para_start = sqlite3_column_int64 (paragraph, 0);
  para_end = sqlite3_column_int64 (paragraph, 1);
  text = sp_db_column_dup (paragraph, 2);
  if (text == NULL)
    return 0;

  passage_start = (gsize) (g_utf8_offset_to_pointer (text, start - para_start) - text);
  passage_end = (gsize) (g_utf8_offset_to_pointer (text, MIN (end, para_end) - para_start) - text);

  return find_mentioned_stakeholder (db, text, passage_start, passage_end, error);
}

/* The part of a document's text around a passage: what annotating reads
 * instead of the whole text, which may run to megabytes. */
typedef struct
{
  char     *text;
  gsize     first;  /* code point of the document where it starts */
  gboolean  empty;  /* the passage held nothing but white space */
} TextWindow;

static void
text_window_free (TextWindow *window)
{
  g_free (window->text);
  g_free (window);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextWindow, text_window_free)

/* Snaps [start, end) of a document of @n_chars code points to whole words
 * (sp_text_snap_to_words) into *@snapped_start, *@snapped_end, and returns
 * the text from CONTEXT_CHARS before the snapped passage to CONTEXT_CHARS
 * after it. SQLite's substr() counts code points in TEXT, so only that
 * much is copied out. The window grows while a word runs into its edge. */
static TextWindow *
read_window (sqlite3  *db,
             gint64    document_id,
             gint64    n_chars,
             gint64    start,
             gint64    end,
             gsize    *snapped_start,
             gsize    *snapped_end,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *missing = NULL;
  gint64 margin = 4 * CONTEXT_CHARS;

  stmt = sp_db_prepare (db, "SELECT substr(text, ?2 + 1, ?3) FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  missing = g_strdup_printf (_("There is no document %lld in this project"), (long long) document_id);

  for (;;)
    {
      g_autoptr(TextWindow) window = g_new0 (TextWindow, 1);
      gint64 first = MAX (0, start - margin);
      gint64 last = MIN (n_chars, end + margin);
      const char *text;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last - first);
      if (!sp_db_step_row (db, stmt, _("Could not read the document text"), missing, error))
        return NULL;
      text = (const char *) sqlite3_column_text (stmt, 0);
      window->text = g_strdup (text != NULL ? text : "");
      window->first = (gsize) first;

      *snapped_start = (gsize) (start - first);
      *snapped_end = (gsize) (end - first);
      if (!sp_text_snap_to_words (window->text, -1, snapped_start, snapped_end))
        {
          window->empty = TRUE;
          return g_steal_pointer (&window);
        }

      /* Room for the context on both sides, and the snap stopped short of
       * both edges (or at the document's own): the whole text would give
       * the same. */
      if ((first == 0 || *snapped_start >= CONTEXT_CHARS) &&
          (last == n_chars || (gsize) (last - first) - *snapped_end >= CONTEXT_CHARS))
        {
          *snapped_start += (gsize) first;
          *snapped_end += (gsize) first;
          return g_steal_pointer (&window);
        }
      margin *= 4;
    }
}

static char *
default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return g_strdup (name);
}

SpAnnotationRow *
_sp_annotation_row_prepare (SpProject        *self,
                            gint64            document_id,
                            gint64            start,
                            gint64            end,
                            const gint64     *theme_ids,
                            guint             n_theme_ids,
                            gint64            stakeholder_id,
                            SpStance          stance,
                            const char       *memo,
                            SpAnnotateFlags   flags,
                            GError          **error)
{
  g_autoptr(SpDocumentInfo) document = NULL;
  g_autoptr(SpAnnotationRow) row = NULL;
  g_autoptr(SpTextIndex) index = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(TextWindow) window = NULL;
  gsize snapped_start, snapped_end;
  sqlite3 *db;

  if (!_sp_project_check_writable (self, error))
    return NULL;
  db = _sp_project_get_db (self);

  if ((document = sp_project_get_document (self, document_id, error)) == NULL)
    return NULL;

  if (start < 0 || end <= start || end > document->n_chars)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Cannot annotate characters %lld–%lld of “%s”: a passage must hold at least one character"
                     " within the document's %lld characters"),
                   (long long) start, (long long) end, document->title, (long long) document->n_chars);
      return NULL;
    }

  if ((flags & SP_ANNOTATE_NO_STAKEHOLDER) && stakeholder_id != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("A passage tagged with no stakeholder cannot name stakeholder %lld"),
                   (long long) stakeholder_id);
      return NULL;
    }

  window = read_window (db, document_id, document->n_chars, start, end, &snapped_start, &snapped_end, error);
  if (window == NULL)
    return NULL;
  if (window->empty)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Characters %lld–%lld of “%s” hold nothing but white space"),
                   (long long) start, (long long) end, document->title);
      return NULL;
    }

  speakers = list_turn_speakers (db, document_id, (gint64) snapped_start, (gint64) snapped_end, error);
  if (speakers == NULL)
    return NULL;
  if (speakers->len > 1 && !(flags & SP_ANNOTATE_ALLOW_CROSS_TURN))
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (speakers, NULL);
      names = g_strjoinv (", ", (char **) speakers->pdata);
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("The passage runs across %u speaker turns (%s); "
                     "annotate each turn on its own, or allow passages across turns"),
                   speakers->len - 1, names);
      return NULL;
    }

  if (!check_themes (db, theme_ids, n_theme_ids, error) ||
      !check_stakeholder_and_stance (db, stakeholder_id, stance, error))
    return NULL;

  if (stakeholder_id == 0 && !(flags & SP_ANNOTATE_NO_STAKEHOLDER))
    {
      g_autoptr(GError) local_error = NULL;

      stakeholder_id = sp_project_propose_stakeholder (self, document_id, (gint64) snapped_start,
                                                       (gint64) snapped_end, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  index = sp_text_index_new (window->text, strlen (window->text));

  row = annotation_row_new ();
  row->document_id = document_id;
  row->start = (gint64) snapped_start;
  row->end = (gint64) snapped_end;
  /* Offsets into the window, which holds the context on both sides. */
  snapped_start -= window->first;
  snapped_end -= window->first;
  row->quote = sp_text_index_substring (index, snapped_start, snapped_end);
  row->prefix = sp_text_index_substring (index, snapped_start - MIN (snapped_start, CONTEXT_CHARS),
                                         snapped_start);
  row->suffix = sp_text_index_substring (index, snapped_end, snapped_end + CONTEXT_CHARS);
  row->stakeholder_id = stakeholder_id;
  row->stance = stance;
  row->memo = g_strdup (memo != NULL ? memo : "");
  row->author = default_author ();
  row->created_at = _sp_project_now ();
  row->updated_at = g_strdup (row->created_at);
  set_themes (row, theme_ids, n_theme_ids);

  return g_steal_pointer (&row);
}

gboolean
sp_project_annotate (SpProject        *self,
                     gint64            document_id,
                     gint64            start,
                     gint64            end,
                     const gint64     *theme_ids,
                     guint             n_theme_ids,
                     gint64            stakeholder_id,
                     SpStance          stance,
                     const char       *memo,
                     SpAnnotateFlags   flags,
                     gint64           *out_id,
                     GError          **error)
{
  SpAnnotationRow *row;
  SpCommand *command;
  gint64 id;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (theme_ids != NULL || n_theme_ids == 0, FALSE);

  row = _sp_annotation_row_prepare (self, document_id, start, end, theme_ids, n_theme_ids,
                                    stakeholder_id, stance, memo, flags, error);
  if (row == NULL)
    return FALSE;

  command = sp_command_new (_("Tag passage"), SP_PROJECT_CHANGE_ANNOTATIONS,
                            annotate_apply, annotate_revert, row, (GDestroyNotify) _sp_annotation_row_free);
  /* The command owns the row now; it sets the id on first apply. */

  if (!sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error))
    return FALSE;

  /* The command is on the undo stack now; its id is known since the apply. */
  id = ((SpAnnotationRow *) sp_command_get_data (command))->id;
  sp_command_set_subject (command, SP_PROJECT_CHANGE_ANNOTATIONS, id);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

gboolean
sp_project_update_annotation (SpProject     *self,
                              gint64         id,
                              const gint64  *theme_ids,
                              guint          n_theme_ids,
                              gint64         stakeholder_id,
                              SpStance       stance,
                              const char    *memo,
                              GError       **error)
{
  g_autoptr(SpAnnotationRow) before = NULL;
  g_autoptr(SpAnnotationRow) after = NULL;
  UpdateData *data;
  SpCommand *command;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (theme_ids != NULL || n_theme_ids == 0, FALSE);

  if (!_sp_project_check_writable (self, error))
    return FALSE;
  db = _sp_project_get_db (self);

  if ((before = load_row (self, id, error)) == NULL ||
      (after = load_row (self, id, error)) == NULL)
    return FALSE;

  if (!check_themes (db, theme_ids, n_theme_ids, error) ||
      !check_stakeholder_and_stance (db, stakeholder_id, stance, error))
    return FALSE;

  set_themes (after, theme_ids, n_theme_ids);
  after->stakeholder_id = stakeholder_id;
  after->stance = stance;
  g_free (after->memo);
  after->memo = g_strdup (memo != NULL ? memo : "");
  g_free (after->updated_at);
  after->updated_at = _sp_project_now ();

  data = g_new0 (UpdateData, 1);
  data->before = g_steal_pointer (&before);
  data->after = g_steal_pointer (&after);

  command = sp_command_new (_("Change annotation"), SP_PROJECT_CHANGE_ANNOTATIONS,
                            update_apply, update_revert, data, update_data_free);
  sp_command_set_subject (command, SP_PROJECT_CHANGE_ANNOTATIONS, id);
  return sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error);
}

static gboolean
delete_apply (SpProject  *project,
              gpointer    data,
              GError    **error)
{
  return remove_row (project, ((SpAnnotationRow *) data)->id, error);
}

static gboolean
delete_revert (SpProject  *project,
               gpointer    data,
               GError    **error)
{
  return insert_row (project, data, error);
}

gboolean
sp_project_delete_annotation (SpProject  *self,
                              gint64      id,
                              GError    **error)
{
  SpAnnotationRow *row;
  SpCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error))
    return FALSE;

  /* The snapshot is what undo puts back: same id, themes and links. */
  if ((row = load_row (self, id, error)) == NULL)
    return FALSE;

  command = sp_command_new (_("Remove annotation"), SP_PROJECT_CHANGE_ANNOTATIONS,
                            delete_apply, delete_revert, row, (GDestroyNotify) _sp_annotation_row_free);
  sp_command_set_subject (command, SP_PROJECT_CHANGE_ANNOTATIONS, id);
  return sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error);
}

/* Reading. Theme ids and names come as one string, joined with the ASCII
 * unit and record separators, which no name contains. */
#define ANNOTATION_SELECT \
  "SELECT a.id, a.document_id, d.title, a.start, a.end, a.quote, a.prefix, a.suffix," \
  "  a.stakeholder_id, k.name, a.stance, a.memo, a.author, a.created_at, a.updated_at," \
  "  (SELECT group_concat(t.id || char(31) || t.name, char(30)) FROM" \
  "     (SELECT t.id, t.name FROM annotation_themes x JOIN themes t ON t.id = x.theme_id" \
  "      WHERE x.annotation_id = a.id ORDER BY t.name COLLATE NOCASE) t)" \
  " FROM annotations a JOIN documents d ON d.id = a.document_id" \
  " LEFT JOIN stakeholders k ON k.id = a.stakeholder_id "

static SpAnnotationInfo *
annotation_from_row (sqlite3_stmt *stmt)
{
  SpAnnotationInfo *info = g_new0 (SpAnnotationInfo, 1);
  const char *themes = (const char *) sqlite3_column_text (stmt, 15);
  g_auto(GStrv) pairs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  info->id = sqlite3_column_int64 (stmt, 0);
  info->document_id = sqlite3_column_int64 (stmt, 1);
  info->document_title = sp_db_column_dup (stmt, 2);
  info->start = sqlite3_column_int64 (stmt, 3);
  info->end = sqlite3_column_int64 (stmt, 4);
  info->quote = sp_db_column_dup (stmt, 5);
  info->prefix = sp_db_column_dup (stmt, 6);
  info->suffix = sp_db_column_dup (stmt, 7);
  info->stakeholder_id = sqlite3_column_int64 (stmt, 8);
  info->stakeholder = sp_db_column_dup (stmt, 9);
  info->stance = column_stance (stmt, 10);
  info->memo = sp_db_column_dup (stmt, 11);
  info->author = sp_db_column_dup (stmt, 12);
  info->created_at = sp_db_column_dup (stmt, 13);
  info->updated_at = sp_db_column_dup (stmt, 14);

  info->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pairs = g_strsplit (themes != NULL ? themes : "", "\x1e", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *sep = strchr (pairs[i], '\x1f');
      gint64 id;

      if (sep == NULL)
        continue;
      *sep = '\0';
      id = g_ascii_strtoll (pairs[i], NULL, 10);
      g_array_append_val (info->theme_ids, id);
      g_ptr_array_add (names, g_strdup (sep + 1));
    }
  g_ptr_array_add (names, NULL);
  info->theme_names = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  return info;
}

SpAnnotationInfo *
sp_project_get_annotation (SpProject  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *missing = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;
  if ((stmt = sp_db_prepare_with_id (db, ANNOTATION_SELECT "WHERE a.id = ?1", id, error)) == NULL)
    return NULL;

  missing = g_strdup_printf (_("There is no annotation %lld"), (long long) id);
  return sp_db_get_row (db, stmt, (SpDbRowFunc) annotation_from_row,
                        _("Could not read the annotation"), missing, error);
}

GPtrArray *
sp_project_list_annotations (SpProject                 *self,
                             const SpAnnotationFilter  *filter,
                             GError                   **error)
{
  static const SpAnnotationFilter any = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (ANNOTATION_SELECT "WHERE 1");
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (filter == NULL)
    filter = &any;
  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  /* Only the conditions that apply: "?2 = 0 OR …" would keep SQLite from
   * using the theme and stakeholder indexes, and every filtered listing
   * (the annotations pane, the compare views) would scan all annotations.
   * Parameters keep their numbers, so binding all four is always right. */
  if (filter->document_id != 0)
    g_string_append (sql, " AND a.document_id = ?1");
  if (filter->theme_id != 0)
    g_string_append (sql, " AND a.id IN (SELECT annotation_id FROM annotation_themes WHERE theme_id = ?2)");
  if (filter->stakeholder_id != 0)
    g_string_append (sql, " AND a.stakeholder_id = ?3");
  if (filter->stance != SP_STANCE_NONE)
    g_string_append (sql, " AND a.stance = ?4");
  g_string_append (sql, " ORDER BY d.position, d.id, a.start, a.end, a.id");

  if ((stmt = sp_db_prepare (db, sql->str, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->document_id);
  sqlite3_bind_int64 (stmt, 2, filter->theme_id);
  sqlite3_bind_int64 (stmt, 3, filter->stakeholder_id);
  bind_stance (stmt, 4, filter->stance);

  return sp_db_collect (db, stmt, (SpDbRowFunc) annotation_from_row,
                        (GDestroyNotify) sp_annotation_info_free,
                        _("Could not read the annotations"), error);
}

guint
sp_project_count_annotations (SpProject  *self,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 n;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return 0;
  if ((stmt = sp_db_prepare (db, "SELECT count(*) FROM annotations", error)) == NULL ||
      !sp_db_query_int64 (db, stmt, &n, _("Could not read the annotations"), error))
    return 0;
  return (guint) n;
}

gint64
sp_project_lookup_theme_id (SpProject   *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *missing = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return 0;
  if ((stmt = sp_db_prepare (db, "SELECT id FROM themes WHERE name = ?1", error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  missing = g_strdup_printf (_("There is no theme “%s” in this project"), name);
  if (!sp_db_step_row (db, stmt, _("Could not read the themes"), missing, error))
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* For the commands of sp-project-links.c and sp-attribution.c, which tag
 * passages as part of one larger change. */

SpAnnotationRow *
_sp_annotation_row_load (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (_sp_project_get_db_checked (self, error) == NULL)
    return NULL;
  return load_row (self, id, error);
}

gboolean
_sp_annotation_row_insert (SpProject        *self,
                           SpAnnotationRow  *row,
                           GError          **error)
{
  return insert_row (self, row, error);
}

gboolean
_sp_annotation_row_remove (SpProject        *self,
                           SpAnnotationRow  *row,
                           GError          **error)
{
  return remove_row (self, row->id, error);
}

gboolean
_sp_annotation_row_update (SpProject        *self,
                           SpAnnotationRow  *row,
                           GError          **error)
{
  return update_row (self, row, error);
}

gint64
_sp_annotation_find_exact (SpProject  *self,
                           gint64      document_id,
                           gint64      start,
                           gint64      end,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;
  sqlite3 *db;

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return 0;
  stmt = sp_db_prepare (db,
                        "SELECT id FROM annotations WHERE document_id = ?1 AND start = ?2 AND end = ?3"
                        " ORDER BY id LIMIT 1",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  if (!sp_db_step_maybe (db, stmt, &found, _("Could not read the annotations"), error) || !found)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}
