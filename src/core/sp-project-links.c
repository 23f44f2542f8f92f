/* sp-project-links.c: links between annotations (see sp-links.h), each
 * change an undoable command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-links-private.h"
#include "sp-project-annotations-private.h"

static const char * const kind_names[] = {
  [SP_LINK_PARAPHRASES] = "paraphrases",
  [SP_LINK_RESPONDS_TO] = "responds_to",
  [SP_LINK_CONTRADICTS] = "contradicts",
  [SP_LINK_CITES] = "cites",
};

void
sp_link_info_free (SpLinkInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->created_at);
  g_free (info);
}

const char *
sp_link_kind_to_string (SpLinkKind kind)
{
  g_return_val_if_fail ((guint) kind <= SP_LINK_KIND_LAST, NULL);
  return kind_names[kind];
}

gboolean
sp_link_kind_from_string (const char *str,
                          SpLinkKind *kind)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  folded = g_ascii_strdown (str, -1);
  g_strdelimit (folded, "-", '_');
  for (guint i = 0; i <= SP_LINK_KIND_LAST; i++)
    if (g_str_equal (folded, kind_names[i]))
      {
        *kind = (SpLinkKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_link_kind_get_label (SpLinkKind kind)
{
  switch (kind)
    {
    case SP_LINK_PARAPHRASES:
      return _("Paraphrases");
    case SP_LINK_RESPONDS_TO:
      return _("Responds to");
    case SP_LINK_CONTRADICTS:
      return _("Contradicts");
    case SP_LINK_CITES:
      return _("Cites");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Storing and removing one link row, inside a command's transaction. */

typedef struct
{
  gint64      id;            /* 0 until first stored */
  gint64      source_id;
  gint64      target_id;
  SpLinkKind  kind;
  char       *created_at;
} LinkRow;

static gboolean
insert_link (SpProject  *project,
             LinkRow    *link,
             GError    **error)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_db_prepare (db,
                        "INSERT INTO links (id, source_id, target_id, kind, created_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (stmt == NULL)
    return FALSE;
  /* Redo reuses the first id, so scripts and views keep pointing at it. */
  sp_db_bind_id_or_null (stmt, 1, link->id);
  sqlite3_bind_int64 (stmt, 2, link->source_id);
  sqlite3_bind_int64 (stmt, 3, link->target_id);
  sqlite3_bind_text (stmt, 4, kind_names[link->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, link->created_at, -1, SQLITE_STATIC);
  if (!sp_db_step_done (db, stmt, _("Could not store the link"), error))
    return FALSE;
  link->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static gboolean
remove_link (SpProject  *project,
             gint64      id,
             GError    **error)
{
  int changed = sp_db_exec_int64 (_sp_project_get_db (project), "DELETE FROM links WHERE id = ?1",
                                  id, _("Could not remove the link"), error);

  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no link %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* Validation. */

static gboolean
link_exists (sqlite3     *db,
             gint64       source_id,
             gint64       target_id,
             SpLinkKind   kind,
             gboolean    *exists,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = 0;

  stmt = sp_db_prepare (db, "SELECT count(*) FROM links WHERE source_id = ?1 AND target_id = ?2 AND kind = ?3",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, target_id);
  sqlite3_bind_text (stmt, 3, kind_names[kind], -1, SQLITE_STATIC);
  if (!sp_db_query_int64 (db, stmt, &n, _("Could not read the links"), error))
    return FALSE;
  *exists = n > 0;
  return TRUE;
}

static gboolean
check_link (SpProject   *self,
            gint64       source_id,
            gint64       target_id,
            SpLinkKind   kind,
            GError     **error)
{
  gboolean exists = FALSE;

  if ((guint) kind > SP_LINK_KIND_LAST)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("Unknown kind of link %d"), (int) kind);
      return FALSE;
    }
  if (source_id == target_id)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Annotation %lld cannot be linked to itself"), (long long) source_id);
      return FALSE;
    }
  if (!link_exists (_sp_project_get_db (self), source_id, target_id, kind, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("Annotation %lld already %s annotation %lld"),
                   (long long) source_id, sp_link_kind_get_label (kind), (long long) target_id);
      return FALSE;
    }
  return TRUE;
}

/* The change: each end an existing annotation, possibly given another
 * stakeholder, or a new one; then the link; then any extra steps. */

typedef struct
{
  gint64           id;       /* existing annotation, or the new one once stored */
  SpAnnotationRow *made;     /* the annotation made for the link, or NULL */
  SpAnnotationRow *before;   /* an existing annotation's stakeholder change, or NULL */
  SpAnnotationRow *after;
  gint64           start;    /* the passage after snapping */
  gint64           end;
} LinkEnd;

typedef struct
{
  SpCommandFunc  apply;
  SpCommandFunc  revert;
  gpointer       data;
  GDestroyNotify free_data;
} ExtraStep;

struct _SpLinkChange
{
  LinkEnd  ends[2];          /* source, target */
  LinkRow  link;
  GArray  *steps;            /* of ExtraStep */
};

static void
extra_step_clear (gpointer data)
{
  ExtraStep *step = data;

  if (step->free_data != NULL)
    step->free_data (step->data);
}

void
_sp_link_change_free (SpLinkChange *change)
{
  if (change == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (change->ends); i++)
    {
      g_clear_pointer (&change->ends[i].made, _sp_annotation_row_free);
      g_clear_pointer (&change->ends[i].before, _sp_annotation_row_free);
      g_clear_pointer (&change->ends[i].after, _sp_annotation_row_free);
    }
  g_free (change->link.created_at);
  g_array_unref (change->steps);
  g_free (change);
}

static gboolean
plan_end (SpProject        *self,
          LinkEnd          *end,
          const SpPassage  *passage,
          gint64            stakeholder_id,
          GError          **error)
{
  g_autoptr(SpAnnotationRow) row = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Preparing snaps the passage to words and checks it as tagging would. */
  row = _sp_annotation_row_prepare (self, passage->document_id, passage->start, passage->end,
                                    NULL, 0, stakeholder_id, SP_STANCE_NONE, NULL,
                                    SP_ANNOTATE_DEFAULT, error);
  if (row == NULL)
    return FALSE;
  end->start = row->start;
  end->end = row->end;

  end->id = _sp_annotation_find_exact (self, passage->document_id, row->start, row->end, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (end->id == 0)
    {
      end->made = g_steal_pointer (&row);
      return TRUE;
    }

  if (stakeholder_id > 0)
    {
      g_autoptr(SpAnnotationRow) before = _sp_annotation_row_load (self, end->id, error);

      if (before == NULL)
        return FALSE;
      if (before->stakeholder_id != stakeholder_id)
        {
          end->after = _sp_annotation_row_load (self, end->id, error);
          if (end->after == NULL)
            return FALSE;
          end->after->stakeholder_id = stakeholder_id;
          g_free (end->after->updated_at);
          end->after->updated_at = _sp_project_now ();
          end->before = g_steal_pointer (&before);
        }
    }
  return TRUE;
}

SpLinkChange *
_sp_link_change_new (SpProject        *self,
                     const SpPassage  *source,
                     gint64            source_stakeholder_id,
                     const SpPassage  *target,
                     SpLinkKind        kind,
                     GError          **error)
{
  g_autoptr(SpLinkChange) change = g_new0 (SpLinkChange, 1);
  LinkEnd *from = &change->ends[0], *to = &change->ends[1];

  change->steps = g_array_new (FALSE, TRUE, sizeof (ExtraStep));
  g_array_set_clear_func (change->steps, extra_step_clear);
  change->link.kind = kind;
  change->link.created_at = _sp_project_now ();

  if ((guint) kind > SP_LINK_KIND_LAST)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("Unknown kind of link %d"), (int) kind);
      return NULL;
    }
  if (!plan_end (self, from, source, source_stakeholder_id, error) ||
      !plan_end (self, to, target, 0, error))
    return NULL;

  if (source->document_id == target->document_id && from->start == to->start && from->end == to->end)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("A passage cannot be linked to itself (characters %lld–%lld)"),
                   (long long) from->start, (long long) from->end);
      return NULL;
    }
  /* Two existing annotations: the link itself may already be there. */
  if (from->id != 0 && to->id != 0 && !check_link (self, from->id, to->id, kind, error))
    return NULL;

  return g_steal_pointer (&change);
}

void
_sp_link_change_add_step (SpLinkChange   *change,
                          SpCommandFunc   apply,
                          SpCommandFunc   revert,
                          gpointer        data,
                          GDestroyNotify  free_data)
{
  ExtraStep step = { apply, revert, data, free_data };

  g_array_append_val (change->steps, step);
}

void
_sp_link_change_get_source (SpLinkChange *change,
                            gint64       *start,
                            gint64       *end)
{
  *start = change->ends[0].start;
  *end = change->ends[0].end;
}

static gboolean
link_change_apply (SpProject  *project,
                   gpointer    data,
                   GError    **error)
{
  SpLinkChange *change = data;

  for (guint i = 0; i < G_N_ELEMENTS (change->ends); i++)
    {
      LinkEnd *end = &change->ends[i];

      if (end->made != NULL)
        {
          if (!_sp_annotation_row_insert (project, end->made, error))
            return FALSE;
          end->id = end->made->id;
        }
      else if (end->after != NULL && !_sp_annotation_row_update (project, end->after, error))
        return FALSE;
    }

  change->link.source_id = change->ends[0].id;
  change->link.target_id = change->ends[1].id;
  if (!insert_link (project, &change->link, error))
    return FALSE;

  for (guint i = 0; i < change->steps->len; i++)
    {
      ExtraStep *step = &g_array_index (change->steps, ExtraStep, i);

      if (!step->apply (project, step->data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
link_change_revert (SpProject  *project,
                    gpointer    data,
                    GError    **error)
{
  SpLinkChange *change = data;

  for (guint i = change->steps->len; i > 0; i--)
    {
      ExtraStep *step = &g_array_index (change->steps, ExtraStep, i - 1);

      if (!step->revert (project, step->data, error))
        return FALSE;
    }

  if (!remove_link (project, change->link.id, error))
    return FALSE;

  for (guint i = G_N_ELEMENTS (change->ends); i > 0; i--)
    {
      LinkEnd *end = &change->ends[i - 1];

      if (end->made != NULL && !_sp_annotation_row_remove (project, end->made, error))
        return FALSE;
      if (end->before != NULL && !_sp_annotation_row_update (project, end->before, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_sp_link_change_execute (SpProject     *self,
                         SpLinkChange  *change,
                         const char    *label,
                         gint64        *out_link_id,
                         gint64        *out_source_id,
                         gint64        *out_target_id,
                         GError       **error)
{
  SpProjectChange changes = SP_PROJECT_CHANGE_LINKS;
  SpCommand *command;

  for (guint i = 0; i < G_N_ELEMENTS (change->ends); i++)
    if (change->ends[i].made != NULL || change->ends[i].after != NULL)
      changes |= SP_PROJECT_CHANGE_ANNOTATIONS;

  command = sp_command_new (label, changes, link_change_apply, link_change_revert,
                            change, (GDestroyNotify) _sp_link_change_free);
  if (!sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error))
    return FALSE;

  /* Known since the first apply; the command on the undo stack owns them. */
  if (!(changes & SP_PROJECT_CHANGE_ANNOTATIONS))
    sp_command_set_subject (command, SP_PROJECT_CHANGE_LINKS, change->link.id);
  if (out_link_id != NULL)
    *out_link_id = change->link.id;
  if (out_source_id != NULL)
    *out_source_id = change->ends[0].id;
  if (out_target_id != NULL)
    *out_target_id = change->ends[1].id;
  return TRUE;
}

/* Public API. */

static gboolean
link_apply (SpProject  *project,
            gpointer    data,
            GError    **error)
{
  return insert_link (project, data, error);
}

static gboolean
link_revert (SpProject  *project,
             gpointer    data,
             GError    **error)
{
  return remove_link (project, ((LinkRow *) data)->id, error);
}

static void
link_row_free (gpointer data)
{
  LinkRow *link = data;

  g_free (link->created_at);
  g_free (link);
}

static SpCommand *
new_link_command (const char *label,
                  LinkRow    *link,
                  gboolean    deleting)
{
  return sp_command_new (label, SP_PROJECT_CHANGE_LINKS,
                         deleting ? link_revert : link_apply,
                         deleting ? link_apply : link_revert,
                         link, link_row_free);
}

gboolean
sp_project_link_annotations (SpProject   *self,
                             gint64       source_id,
                             gint64       target_id,
                             SpLinkKind   kind,
                             gint64      *out_id,
                             GError     **error)
{
  g_autoptr(SpAnnotationInfo) source = NULL;
  g_autoptr(SpAnnotationInfo) target = NULL;
  LinkRow *link;
  SpCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error))
    return FALSE;
  if ((source = sp_project_get_annotation (self, source_id, error)) == NULL ||
      (target = sp_project_get_annotation (self, target_id, error)) == NULL)
    return FALSE;
  if (!check_link (self, source_id, target_id, kind, error))
    return FALSE;

  link = g_new0 (LinkRow, 1);
  link->source_id = source_id;
  link->target_id = target_id;
  link->kind = kind;
  link->created_at = _sp_project_now ();

  command = new_link_command (_("Link passages"), link, FALSE);
  if (!sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error))
    return FALSE;
  sp_command_set_subject (command, SP_PROJECT_CHANGE_LINKS, link->id);
  if (out_id != NULL)
    *out_id = link->id;
  return TRUE;
}

gboolean
sp_project_link_passages (SpProject        *self,
                          const SpPassage  *source,
                          const SpPassage  *target,
                          SpLinkKind        kind,
                          gint64           *out_link_id,
                          gint64           *out_source_id,
                          gint64           *out_target_id,
                          GError          **error)
{
  SpLinkChange *change;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if ((change = _sp_link_change_new (self, source, 0, target, kind, error)) == NULL)
    return FALSE;
  return _sp_link_change_execute (self, change, _("Link passages"),
                                  out_link_id, out_source_id, out_target_id, error);
}

/* Reading. */

#define LINK_SELECT \
  "SELECT l.id, l.kind, l.source_id, s.document_id, s.start, s.end," \
  "  l.target_id, t.document_id, t.start, t.end, l.created_at" \
  " FROM links l JOIN annotations s ON s.id = l.source_id" \
  " JOIN annotations t ON t.id = l.target_id" \
  " JOIN documents d ON d.id = s.document_id "

static SpLinkInfo *
link_from_row (sqlite3_stmt *stmt)
{
  SpLinkInfo *info = g_new0 (SpLinkInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  if (!sp_link_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &info->kind))
    info->kind = SP_LINK_PARAPHRASES;  /* the schema's CHECK allows no other */
  info->source_id = sqlite3_column_int64 (stmt, 2);
  info->source_document_id = sqlite3_column_int64 (stmt, 3);
  info->source_start = sqlite3_column_int64 (stmt, 4);
  info->source_end = sqlite3_column_int64 (stmt, 5);
  info->target_id = sqlite3_column_int64 (stmt, 6);
  info->target_document_id = sqlite3_column_int64 (stmt, 7);
  info->target_start = sqlite3_column_int64 (stmt, 8);
  info->target_end = sqlite3_column_int64 (stmt, 9);
  info->created_at = sp_db_column_dup (stmt, 10);
  return info;
}

static GPtrArray *
list_links_where (SpProject   *self,
                  const char  *where,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;
  sql = g_strconcat (LINK_SELECT, where, " ORDER BY d.position, d.id, s.start, s.end, l.id", NULL);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return sp_db_collect (db, stmt, (SpDbRowFunc) link_from_row, (GDestroyNotify) sp_link_info_free,
                        _("Could not read the links"), error);
}

SpLinkInfo *
sp_project_get_link (SpProject  *self,
                     gint64      id,
                     GError    **error)
{
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((links = list_links_where (self, "WHERE l.id = ?1", id, error)) == NULL)
    return NULL;
  if (links->len == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no link %lld"), (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (links, 0);
}

GPtrArray *
sp_project_list_links (SpProject  *self,
                       gint64      document_id,
                       GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return list_links_where (self, "WHERE ?1 = 0 OR s.document_id = ?1 OR t.document_id = ?1",
                           document_id, error);
}

GPtrArray *
sp_project_list_annotation_links (SpProject  *self,
                                  gint64      annotation_id,
                                  GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return list_links_where (self, "WHERE l.source_id = ?1 OR l.target_id = ?1", annotation_id, error);
}

gboolean
sp_project_delete_link (SpProject  *self,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(SpLinkInfo) info = NULL;
  LinkRow *link;
  SpCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error))
    return FALSE;
  if ((info = sp_project_get_link (self, id, error)) == NULL)
    return FALSE;

  /* The snapshot is what undo puts back, with the same id. */
  link = g_new0 (LinkRow, 1);
  link->id = info->id;
  link->source_id = info->source_id;
  link->target_id = info->target_id;
  link->kind = info->kind;
  link->created_at = g_steal_pointer (&info->created_at);

  command = new_link_command (_("Remove link"), link, TRUE);
  sp_command_set_subject (command, SP_PROJECT_CHANGE_LINKS, id);
  return sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error);
}
