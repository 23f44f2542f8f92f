/* export-test-fixture.c: see export-test-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "export-test-fixture.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "test-helpers.h"

static gint64
annotate_phrase (SpProject     *project,
                 gint64         document_id,
                 const char    *phrase,
                 const gint64  *theme_ids,
                 guint          n_theme_ids,
                 SpStance       stance,
                 const char    *memo,
                 SpAnnotateFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_project_get_document_text (project, document_id, &error);
  const char *found;
  gint64 start, id = 0;

  g_assert_no_error (error);
  found = strstr (text, phrase);
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);

  sp_project_annotate (project, document_id, start, start + g_utf8_strlen (phrase, -1),
                       theme_ids, n_theme_ids, 0, stance, memo, flags, &id, &error);
  g_assert_no_error (error);
  return id;
}

void
export_fixture_set_up (ExportFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 both[2];

  fixture->dir = sp_test_make_dir ("standpoint-export-XXXXXX");
  fixture->project = sp_test_project_new (fixture->dir, "Export.standpoint", TRUE, NULL);
  sp_test_sample_ids (fixture->project, &fixture->report_id, &fixture->transcript_id);

  sp_project_add_theme (fixture->project, "Values", 0, "#aa3300", "Values in standards-setting",
                        STATEMENT_VALUES, NULL, &fixture->values_id, &error);
  g_assert_no_error (error);
  sp_project_add_theme (fixture->project, "Trust", fixture->values_id, "#0055ff", "Who trusts whom",
                        NULL, NULL, &fixture->trust_id, &error);
  g_assert_no_error (error);

  {
    g_autoptr(SpStakeholderInfo) robin = sp_project_find_stakeholder (fixture->project, "Robin Mansell", &error);
    SpStakeholderInfo changes = {
      .organisation = "London School of Economics", .role = "Chair", .sector = "academia",
      .region = "Europe", .notes = "Chairs the webinar <and> asks the questions",
    };

    g_assert_no_error (error);
    sp_project_update_stakeholder (fixture->project, robin->id, &changes, &error);
    g_assert_no_error (error);
  }

  both[0] = fixture->values_id;
  both[1] = fixture->trust_id;
  fixture->annotation_a = annotate_phrase (fixture->project, fixture->transcript_id, QUOTE_A, both, 2,
                                           SP_STANCE_SUPPORTS, MEMO_A, SP_ANNOTATE_DEFAULT);
  fixture->annotation_b = annotate_phrase (fixture->project, fixture->report_id, QUOTE_B, &fixture->trust_id, 1,
                                           SP_STANCE_NONE, MEMO_B, SP_ANNOTATE_NO_STAKEHOLDER);
  fixture->annotation_c = annotate_phrase (fixture->project, fixture->transcript_id, QUOTE_C, &fixture->values_id, 1,
                                           SP_STANCE_OPPOSES, NULL, SP_ANNOTATE_DEFAULT);
}

void
export_fixture_tear_down (ExportFixture *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->project);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

char *
export_to_string (SpProject *project,
                  gboolean (*writer) (SpProject *, GOutputStream *, GCancellable *, GError **),
                  gsize     *out_len)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (writer (project, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) - 1;
  if (out_len != NULL)
    *out_len = len;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

char *
document_substring (SpProject *project,
                    gint64     document_id,
                    gint64     start,
                    gint64     end)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_project_get_document_text (project, document_id, &error);

  g_assert_no_error (error);
  return g_utf8_substring (text, start, end);
}

char *
project_fingerprint (SpProject *project)
{
  static const char * const queries[] = {
    "SELECT id, title, kind, sha256, length(text), n_segments FROM documents ORDER BY id",
    "SELECT id, parent_id, name, description, color, position FROM themes ORDER BY id",
    "SELECT id, name, organisation FROM stakeholders ORDER BY id",
    "SELECT id, document_id, start, end, quote, stakeholder_id, stance, memo FROM annotations ORDER BY id",
    "SELECT annotation_id, theme_id FROM annotation_themes ORDER BY 1, 2",
    "SELECT count(*) FROM segments",
  };
  g_autofree char *dump = sp_test_dump (project, queries, G_N_ELEMENTS (queries));

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
}
