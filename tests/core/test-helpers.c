/* test-helpers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-helpers.h"

#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-sample.h"
#include "sp-undo-manager.h"

char *
sp_test_make_dir (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
sp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      sp_test_remove_tree (child);
    }
  g_rmdir (path);
}

SpProject *
sp_test_project_new (const char  *dir,
                     const char  *basename,
                     gboolean     sample,
                     char       **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  SpProject *project = sp_project_create (path, &error);

  g_assert_no_error (error);
  if (sample)
    {
      g_assert_true (sp_sample_project_fill (project, NULL, &error));
      g_assert_no_error (error);
    }
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return project;
}

void
sp_test_sample_ids (SpProject *project,
                    gint64    *report_id,
                    gint64    *transcript_id)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);

      if (info->kind == SP_DOCUMENT_KIND_TRANSCRIPT)
        *transcript_id = info->id;
      else if (info->kind == SP_DOCUMENT_KIND_REPORT)
        *report_id = info->id;
    }
}

gint64
sp_test_query_int (SpProject  *project,
                   const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = sp_db_prepare (_sp_project_get_db (project), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

char *
sp_test_dump (SpProject          *project,
              const char * const *queries,
              guint               n_queries)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint q = 0; q < n_queries; q++)
    {
      g_autoptr(sqlite3_stmt) stmt = sp_db_prepare (db, queries[q], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i));
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "--\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
sp_test_undo (SpProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_undo_manager_undo (sp_project_get_undo_manager (project), &error));
  g_assert_no_error (error);
}

void
sp_test_redo (SpProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_undo_manager_redo (sp_project_get_undo_manager (project), &error));
  g_assert_no_error (error);
}

gint64
sp_test_stakeholder_with_sector (SpProject  *project,
                                 const char *name,
                                 const char *sector)
{
  g_autoptr(SpStakeholderInfo) info = NULL;
  SpStakeholderInfo changes = { .sector = (char *) sector };
  g_autoptr(GError) error = NULL;

  info = sp_project_find_stakeholder (project, name, &error);
  g_assert_no_error (error);
  sp_project_update_stakeholder (project, info->id, &changes, &error);
  g_assert_no_error (error);
  return info->id;
}

gint64
sp_test_tag_phrase (SpProject  *project,
                    gint64      document_id,
                    const char *phrase,
                    gint64      theme_a,
                    gint64      theme_b,
                    gint64      stakeholder_id,
                    SpStance    stance)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_project_get_document_text (project, document_id, &error);
  gint64 themes[2] = { theme_a, theme_b };
  const char *hit;
  gint64 start, id = 0;

  g_assert_no_error (error);
  hit = strstr (text, phrase);
  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);

  sp_project_annotate (project, document_id, start, start + g_utf8_strlen (phrase, -1),
                       themes, theme_b != 0 ? 2 : 1, stakeholder_id, stance, NULL,
                       stakeholder_id == 0 ? SP_ANNOTATE_NO_STAKEHOLDER : SP_ANNOTATE_DEFAULT,
                       &id, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (SpTestFixture *fixture,
                gboolean       with_samples)
{
  fixture->dir = sp_test_make_dir ("standpoint-test-XXXXXX");
  fixture->project = sp_test_project_new (fixture->dir, "test.standpoint", with_samples, NULL);
}

void
sp_test_fixture_set_up_empty (SpTestFixture *fixture,
                              gconstpointer  data)
{
  fixture_set_up (fixture, FALSE);
}

void
sp_test_fixture_set_up_sample (SpTestFixture *fixture,
                               gconstpointer  data)
{
  fixture_set_up (fixture, TRUE);
}

void
sp_test_fixture_tear_down (SpTestFixture *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->project);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}
