/* sp-refi-qda-import.c: storing a checked REFI-QDA project (read by
 * sp-refi-qda-read.c) in a Standpoint project.
 *
 * Everything that can be wrong with the file is found by the reader before
 * the project is touched. What remains (a code named like an existing theme
 * under another parent, a full disk) can only fail while storing; storing
 * is one batch (sp_project_begin_batch()), so then it is rolled back whole
 * and the project ends as it began. Inside the batch the project's public
 * calls (adding a document with its segments and search index, tagging a
 * passage) run as savepoints instead of transactions of their own, which
 * also spares one disk sync per passage.
 *
 * Codes whose name is already a theme are merged into that theme, and
 * cases into the stakeholder of the same name, so a codebook can be
 * imported into a project that already has some of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-export.h"
#include "sp-import-file.h"
#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "sp-refi-qda-read.h"

static gboolean
check_documents_are_new (SpProject      *project,
                         SpRefiProject  *refi,
                         GPtrArray      *hashes,
                         GError        **error)
{
  for (guint i = 0; i < refi->sources->len; i++)
    {
      SpRefiSource *source = g_ptr_array_index (refi->sources, i);
      char *sha256 = sp_import_sha256 (source->text, strlen (source->text));
      g_autoptr(SpDocumentInfo) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      g_ptr_array_add (hashes, sha256);
      existing = sp_project_find_document_by_sha256 (project, sha256, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                       _("The source “%s” (%s) is already in this project as “%s”"),
                       source->name, source->guid, existing->title);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
store_codes (SpProject      *project,
             SpRefiProject  *refi,
             GArray         *theme_ids,
             GError        **error)
{
  for (guint i = 0; i < refi->codes->len; i++)
    {
      SpRefiCode *code = g_ptr_array_index (refi->codes, i);
      g_autoptr(SpThemeInfo) existing = NULL;
      gint64 parent_id = code->parent >= 0 ? g_array_index (theme_ids, gint64, code->parent) : 0;
      gint64 id = 0;

      existing = sp_project_find_theme (project, code->name, NULL);
      if (existing != NULL)
        id = existing->id;
      else if (!sp_project_add_theme (project, code->name, parent_id, code->color, code->description,
                                      code->statement, NULL, &id, error))
        {
          g_prefix_error (error, _("Could not add the code %s (“%s”): "), code->guid, code->name);
          return FALSE;
        }
      g_array_append_val (theme_ids, id);
    }
  return TRUE;
}

static gboolean
is_known_sector (const char *sector)
{
  return sector != NULL && g_strv_contains (sp_stakeholder_sectors (), sector);
}

static gboolean
store_cases (SpProject      *project,
             SpRefiProject  *refi,
             GArray         *stakeholder_ids,
             GError        **error)
{
  for (guint i = 0; i < refi->cases->len; i++)
    {
      SpRefiCase *item = g_ptr_array_index (refi->cases, i);
      g_autoptr(SpStakeholderInfo) existing = sp_project_find_stakeholder (project, item->name, NULL);
      gint64 id;

      if (existing != NULL)
        id = existing->id;
      else
        {
          SpStakeholderInfo changes = {
            .notes = item->description,
            .organisation = item->variables[0],
            .role = item->variables[1],
            /* Another tool's sectors are not Standpoint's: only known ones. */
            .sector = is_known_sector (item->variables[2]) ? item->variables[2] : NULL,
            .region = item->variables[3],
          };

          id = _sp_project_ensure_stakeholder (project, item->name, error);
          if (id == 0 || !sp_project_update_stakeholder (project, id, &changes, error))
            {
              g_prefix_error (error, _("Could not add the case %s (“%s”): "), item->guid, item->name);
              return FALSE;
            }
        }
      g_array_append_val (stakeholder_ids, id);
    }
  return TRUE;
}

/* The source's text as a document: one paragraph per non-empty line, as
 * REFI-QDA carries no structure. */
static SpDocumentContent *
content_from_source (SpRefiSource *source)
{
  SpDocumentContent *content = sp_document_content_new (SP_DOCUMENT_KIND_TEXT);
  guint start = 0;
  guint offset = 0;
  int number = 0;

  sp_document_content_set_title (content, source->name);
  sp_document_content_append (content, source->text, -1);

  for (const char *p = source->text; ; p = g_utf8_next_char (p), offset++)
    {
      if (*p == '\n' || *p == '\0')
        {
          if (offset > start)
            {
              int index = sp_document_content_add_segment (content, SP_SEGMENT_PARAGRAPH, start, offset);

              sp_document_content_get_segment (content, index)->number = ++number;
            }
          start = offset + 1;
        }
      if (*p == '\0')
        break;
    }
  return content;
}

static gboolean
store_sources (SpProject      *project,
               SpRefiProject  *refi,
               GPtrArray      *hashes,
               GArray         *document_ids,
               GCancellable   *cancellable,
               GError        **error)
{
  for (guint i = 0; i < refi->sources->len; i++)
    {
      SpRefiSource *source = g_ptr_array_index (refi->sources, i);
      g_autoptr(SpDocumentContent) content = content_from_source (source);
      g_autofree char *source_name = g_strconcat (source->name, ".txt", NULL);
      gint64 id;

      id = sp_project_add_document (project, content, source_name, g_ptr_array_index (hashes, i),
                                    cancellable, error);
      if (id == 0)
        {
          g_prefix_error (error, _("Could not add the source %s (“%s”): "), source->guid, source->name);
          return FALSE;
        }
      g_array_append_val (document_ids, id);
    }
  return TRUE;
}

static gboolean
store_selections (SpProject      *project,
                  SpRefiProject  *refi,
                  GArray         *theme_ids,
                  GArray         *stakeholder_ids,
                  GArray         *document_ids,
                  GCancellable   *cancellable,
                  GError        **error)
{
  for (guint i = 0; i < refi->selections->len; i++)
    {
      SpRefiSelection *selection = g_ptr_array_index (refi->selections, i);
      g_autoptr(GArray) themes = g_array_sized_new (FALSE, FALSE, sizeof (gint64), selection->codes->len);
      gint64 stakeholder_id = 0;
      SpAnnotateFlags flags = SP_ANNOTATE_ALLOW_CROSS_TURN;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint c = 0; c < selection->codes->len; c++)
        g_array_append_val (themes, g_array_index (theme_ids, gint64, g_array_index (selection->codes, int, c)));
      if (selection->stakeholder >= 0)
        stakeholder_id = g_array_index (stakeholder_ids, gint64, selection->stakeholder);
      else
        flags |= SP_ANNOTATE_NO_STAKEHOLDER;

      if (!sp_project_annotate (project, g_array_index (document_ids, gint64, selection->source),
                                selection->start, selection->end,
                                (const gint64 *) (gpointer) themes->data, themes->len,
                                stakeholder_id, selection->stance, selection->memo,
                                flags, NULL, error))
        {
          g_prefix_error (error, _("Could not store the selection %s: "), selection->guid);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sp_import_refi_qda (SpProject      *project,
                    GFile          *file,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(SpRefiProject) refi = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) stakeholder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *basename = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  if (!_sp_project_check_writable (project, error))
    return FALSE;

  refi = sp_refi_project_read (file, SP_REFI_MAX_TOTAL_BYTES, cancellable, error);
  if (refi == NULL ||
      !check_documents_are_new (project, refi, hashes, error))
    {
      g_prefix_error (error, _("Could not import “%s”: "), basename);
      return FALSE;
    }

  if (!sp_project_begin_batch (project, error))
    {
      g_prefix_error (error, _("Could not import “%s”: "), basename);
      return FALSE;
    }

  if (store_codes (project, refi, theme_ids, error) &&
      store_cases (project, refi, stakeholder_ids, error) &&
      store_sources (project, refi, hashes, document_ids, cancellable, error) &&
      store_selections (project, refi, theme_ids, stakeholder_ids, document_ids, cancellable, error) &&
      sp_project_commit_batch (project, error))
    return TRUE;

  sp_project_rollback_batch (project);
  g_prefix_error (error, _("Could not import “%s”: "), basename);
  return FALSE;
}
