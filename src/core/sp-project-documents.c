/* sp-project-documents.c: storing and reading documents and their segments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-text-index.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.title, d.kind, d.source_name, d.sha256, d.imported_at, d.n_chars, d.warnings," \
  " d.n_segments, d.n_turns, d.n_pages, d.n_paragraphs, d.n_footnotes"

static SpDocumentInfo *
document_from_row (sqlite3_stmt *stmt)
{
  SpDocumentInfo *info = g_new0 (SpDocumentInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->title = sp_db_column_dup (stmt, 1);
  if (!sp_document_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &info->kind))
    info->kind = SP_DOCUMENT_KIND_TEXT;
  info->source_name = sp_db_column_dup (stmt, 3);
  info->sha256 = sp_db_column_dup (stmt, 4);
  info->imported_at = sp_db_column_dup (stmt, 5);
  info->n_chars = sqlite3_column_int64 (stmt, 6);
  info->warnings = sp_db_column_dup (stmt, 7);
  info->n_segments = (guint) sqlite3_column_int (stmt, 8);
  info->n_turns = (guint) sqlite3_column_int (stmt, 9);
  info->n_pages = (guint) sqlite3_column_int (stmt, 10);
  info->n_paragraphs = (guint) sqlite3_column_int (stmt, 11);
  info->n_footnotes = (guint) sqlite3_column_int (stmt, 12);

  return info;
}

/* Runs a query that yields document rows; @bind fills its one parameter. */
static GPtrArray *
query_documents (SpProject   *self,
                 const char  *where,
                 const char  *text_param,
                 gint64       int_param,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  sql = g_strdup_printf ("SELECT " DOCUMENT_COLUMNS " FROM documents d %s ORDER BY d.position, d.id",
                         where != NULL ? where : "");
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return NULL;

  if (text_param != NULL)
    sqlite3_bind_text (stmt, 1, text_param, -1, SQLITE_TRANSIENT);
  else if (where != NULL)
    sqlite3_bind_int64 (stmt, 1, int_param);

  return sp_db_collect (db, stmt, (SpDbRowFunc) document_from_row,
                        (GDestroyNotify) sp_document_info_free,
                        _("Could not read the documents"), error);
}

static SpDocumentInfo *
steal_first (GPtrArray *documents)
{
  if (documents == NULL || documents->len == 0)
    return NULL;
  return g_ptr_array_steal_index (documents, 0);
}

GPtrArray *
sp_project_list_documents (SpProject  *self,
                           GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return query_documents (self, NULL, NULL, 0, error);
}

SpDocumentInfo *
sp_project_get_document (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) local_error = NULL;
  SpDocumentInfo *info;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  documents = query_documents (self, "WHERE d.id = ?1", NULL, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if ((info = steal_first (documents)) == NULL)
    g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                 _("There is no document %lld in this project"), (long long) id);
  return info;
}

SpDocumentInfo *
sp_project_find_document_by_sha256 (SpProject   *self,
                                    const char  *sha256,
                                    GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  documents = query_documents (self, "WHERE d.sha256 = ?1", sha256, 0, error);
  return steal_first (documents);
}

SpDocumentInfo *
sp_project_find_document (SpProject   *self,
                          const char  *reference,
                          GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) local_error = NULL;
  char *end = NULL;
  gint64 id;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  id = g_ascii_strtoll (reference, &end, 10);
  if (end != reference && *end == '\0' && id > 0)
    return sp_project_get_document (self, id, error);

  documents = query_documents (self,
                               "WHERE d.title = ?1 OR d.source_name = ?1 "
                               "OR d.title = ?1 COLLATE NOCASE OR d.source_name = ?1 COLLATE NOCASE",
                               reference, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (documents->len == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("There is no document “%s” in this project (give its id, title or file name)"),
                   reference);
      return NULL;
    }

  if (documents->len > 1)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” names %u documents; give the document id instead"),
                   reference, documents->len);
      return NULL;
    }

  return steal_first (documents);
}

char *
sp_project_get_document_text (SpProject  *self,
                              gint64      id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *missing = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  if ((stmt = sp_db_prepare_with_id (db, "SELECT text FROM documents WHERE id = ?1", id, error)) == NULL)
    return NULL;

  missing = g_strdup_printf (_("There is no document %lld in this project"), (long long) id);
  if (!sp_db_step_row (db, stmt, _("Could not read the document text"), missing, error))
    return NULL;
  return sp_db_column_dup (stmt, 0);
}

static SpSegmentInfo *
segment_from_row (sqlite3_stmt *stmt)
{
  SpSegmentInfo *info = g_new0 (SpSegmentInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->ordinal = sqlite3_column_int (stmt, 1);
  if (!sp_segment_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &info->kind))
    info->kind = SP_SEGMENT_PARAGRAPH;
  info->start = sqlite3_column_int64 (stmt, 3);
  info->end = sqlite3_column_int64 (stmt, 4);
  info->level = sqlite3_column_int (stmt, 5);
  info->number = sqlite3_column_int (stmt, 6);
  info->timestamp_ms = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
  info->stakeholder_id = sqlite3_column_int64 (stmt, 8);
  info->stakeholder = sp_db_column_dup (stmt, 9);
  info->target_ordinal = sqlite3_column_type (stmt, 10) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 10);
  info->href = sp_db_column_dup (stmt, 11);
  return info;
}

GPtrArray *
sp_project_list_segments (SpProject  *self,
                          gint64      document_id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  stmt = sp_db_prepare_with_id (db,
                                "SELECT s.id, s.ordinal, s.kind, s.start, s.end, s.level, s.number,"
                                "       s.timestamp_ms, s.stakeholder_id, k.name, s.target_ordinal, s.href"
                                "  FROM segments s LEFT JOIN stakeholders k ON k.id = s.stakeholder_id"
                                " WHERE s.document_id = ?1 ORDER BY s.ordinal",
                                document_id, error);
  if (stmt == NULL)
    return NULL;

  return sp_db_collect (db, stmt, (SpDbRowFunc) segment_from_row,
                        (GDestroyNotify) sp_segment_info_free,
                        _("Could not read the document structure"), error);
}

/* Segments whose text goes into the full-text index: the blocks a reader
 * reads. Containers (turns, the notes section) would index it twice. */
static gboolean
is_indexed_kind (SpSegmentKind kind)
{
  switch (kind)
    {
    case SP_SEGMENT_HEADING:
    case SP_SEGMENT_PARAGRAPH:
    case SP_SEGMENT_LIST_ITEM:
    case SP_SEGMENT_FOOTNOTE:
    case SP_SEGMENT_TABLE:
    case SP_SEGMENT_TOC_ENTRY:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
insert_segments (SpProject          *self,
                 gint64              document_id,
                 SpDocumentContent  *content,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) index = NULL;
  g_autoptr(GHashTable) stakeholders = NULL;
  g_autoptr(SpTextIndex) offsets = NULL;
  sqlite3 *db = _sp_project_get_db (self);

  insert = sp_db_prepare (db,
                          "INSERT INTO segments (document_id, ordinal, kind, start, end, level, number,"
                          " timestamp_ms, stakeholder_id, target_ordinal, href)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                          error);
  if (insert == NULL)
    return FALSE;

  index = sp_db_prepare (db, "INSERT INTO segments_fts (rowid, text, document_id) VALUES (?1, ?2, ?3)", error);
  if (index == NULL)
    return FALSE;

  stakeholders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  offsets = sp_text_index_new (content->text->str, content->text->len);

  for (guint i = 0; i < content->segments->len; i++)
    {
      const SpSegment *segment = &g_array_index (content->segments, SpSegment, i);
      gint64 stakeholder_id = 0;

      if (segment->speaker != NULL && *segment->speaker != '\0')
        {
          gpointer cached;

          if (g_hash_table_lookup_extended (stakeholders, segment->speaker, NULL, &cached))
            stakeholder_id = GPOINTER_TO_SIZE (cached);
          else
            {
              stakeholder_id = _sp_project_ensure_stakeholder (self, segment->speaker, error);
              if (stakeholder_id == 0)
                return FALSE;
              g_hash_table_insert (stakeholders, g_strdup (segment->speaker),
                                   GSIZE_TO_POINTER ((gsize) stakeholder_id));
            }
        }

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, document_id);
      sqlite3_bind_int (insert, 2, (int) i);
      sqlite3_bind_text (insert, 3, sp_segment_kind_to_string (segment->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 4, segment->start);
      sqlite3_bind_int64 (insert, 5, segment->end);
      sqlite3_bind_int (insert, 6, segment->level);
      sqlite3_bind_int (insert, 7, segment->number);
      if (segment->timestamp_ms >= 0)
        sqlite3_bind_int64 (insert, 8, segment->timestamp_ms);
      else
        sqlite3_bind_null (insert, 8);
      sp_db_bind_id_or_null (insert, 9, stakeholder_id);
      if (segment->target >= 0)
        sqlite3_bind_int (insert, 10, segment->target);
      else
        sqlite3_bind_null (insert, 10);
      sqlite3_bind_text (insert, 11, segment->href, -1, SQLITE_STATIC);

      if (!sp_db_step_done (db, insert, _("Could not store the document structure"), error))
        return FALSE;

      if (is_indexed_kind (segment->kind) && segment->end > segment->start)
        {
          gsize from = sp_text_index_byte_offset (offsets, segment->start);
          gsize to = sp_text_index_byte_offset (offsets, segment->end);

          sqlite3_reset (index);
          sqlite3_bind_int64 (index, 1, sqlite3_last_insert_rowid (db));
          sqlite3_bind_text (index, 2, content->text->str + from, (int) (to - from), SQLITE_STATIC);
          sqlite3_bind_int64 (index, 3, document_id);
          if (!sp_db_step_done (db, index, _("Could not index the document text"), error))
            return FALSE;
        }
    }

  return TRUE;
}

static guint
count_segments (SpDocumentContent *content,
                SpSegmentKind      kind,
                SpSegmentKind      also)
{
  guint n = 0;

  for (guint i = 0; i < content->segments->len; i++)
    {
      SpSegmentKind k = g_array_index (content->segments, SpSegment, i).kind;
      n += k == kind || k == also;
    }
  return n;
}

static char *
join_warnings (GPtrArray *warnings)
{
  g_ptr_array_add (warnings, NULL);
  g_autofree char *joined = g_strjoinv ("\n", (char **) warnings->pdata);
  g_ptr_array_remove_index (warnings, warnings->len - 1);
  return g_steal_pointer (&joined);
}

/**
 * sp_project_add_document:
 * @content: the normalised document an importer produced
 * @source_name: the file name it came from, for citations and listings
 * @sha256: hex SHA-256 of the source bytes, to recognise the same file again
 *
 * Stores a document, its segments, its full-text index and the stakeholders
 * its speakers stand for, all in one transaction: on any error, including
 * cancellation, the project is exactly as it was.
 *
 * Returns: the new document's id, or 0 with @error set
 */
gint64
sp_project_add_document (SpProject          *self,
                         SpDocumentContent  *content,
                         const char         *source_name,
                         const char         *sha256,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpDocumentInfo) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *warnings = NULL;
  const char *title;
  sqlite3 *db;
  gint64 document_id;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (content != NULL, 0);
  g_return_val_if_fail (source_name != NULL, 0);
  g_return_val_if_fail (sha256 != NULL, 0);

  if (!_sp_project_check_writable (self, error) ||
      !sp_document_content_validate (content, error))
    return 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;

  db = _sp_project_get_db (self);
  if (!sp_db_begin (db, error))
    return 0;

  /* Checked inside the transaction so two importers cannot both pass. */
  existing = sp_project_find_document_by_sha256 (self, sha256, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (existing != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("“%s” is already in this project as “%s” (imported %s)"),
                   source_name, existing->title, existing->imported_at);
      goto failed;
    }

  title = content->title != NULL && *content->title != '\0' ? content->title : source_name;
  now = _sp_project_now ();
  warnings = join_warnings (content->warnings);

  stmt = sp_db_prepare (db,
                        "INSERT INTO documents (title, kind, source_name, sha256, imported_at, text, n_chars,"
                        " warnings, n_segments, n_turns, n_pages, n_paragraphs, n_footnotes, position)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                        "  (SELECT coalesce(max(position), 0) + 1 FROM documents))",
                        error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sp_document_kind_to_string (content->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, source_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, content->text->str, (int) content->text->len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, content->n_chars);
  sqlite3_bind_text (stmt, 8, warnings, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, (int) content->segments->len);
  sqlite3_bind_int (stmt, 10, (int) count_segments (content, SP_SEGMENT_TURN, SP_SEGMENT_TURN));
  sqlite3_bind_int (stmt, 11, (int) count_segments (content, SP_SEGMENT_PAGE, SP_SEGMENT_PAGE));
  sqlite3_bind_int (stmt, 12, (int) count_segments (content, SP_SEGMENT_PARAGRAPH, SP_SEGMENT_LIST_ITEM));
  sqlite3_bind_int (stmt, 13, (int) count_segments (content, SP_SEGMENT_FOOTNOTE, SP_SEGMENT_FOOTNOTE));

  _sp_project_watch_cancellable (self, cancellable);

  if (!sp_db_step_done (db, stmt, _("Could not store the document"), error))
    goto failed;
  document_id = sqlite3_last_insert_rowid (db);

  if (!insert_segments (self, document_id, content, error))
    goto failed;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  _sp_project_watch_cancellable (self, NULL);
  if (!sp_db_commit (db, error))
    return 0;

  sp_project_emit_changed (self, SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_STAKEHOLDERS);
  return document_id;

failed:
  _sp_project_watch_cancellable (self, NULL);
  sp_db_rollback (db);
  return 0;
}

gboolean
sp_project_delete_document (SpProject  *self,
                            gint64      id,
                            GError    **error)
{
  sqlite3 *db;
  int changed;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error))
    return FALSE;

  db = _sp_project_get_db (self);
  if (!sp_db_begin (db, error))
    return FALSE;

  if (sp_db_exec_int64 (db, "DELETE FROM segments_fts WHERE document_id = ?1", id,
                        _("Could not remove the document from the index"), error) < 0 ||
      sp_db_exec_int64 (db, "DELETE FROM annotations_fts WHERE rowid IN"
                            " (SELECT id FROM annotations WHERE document_id = ?1)", id,
                        _("Could not remove the document from the index"), error) < 0 ||
      (changed = sp_db_exec_int64 (db, "DELETE FROM documents WHERE id = ?1", id,
                                   _("Could not delete the document"), error)) < 0)
    goto failed;

  if (changed == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("There is no document %lld in this project"), (long long) id);
      goto failed;
    }

  if (!sp_db_commit (db, error))
    return FALSE;

  sp_project_emit_changed (self, SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_ANNOTATIONS);
  return TRUE;

failed:
  sp_db_rollback (db);
  return FALSE;
}
