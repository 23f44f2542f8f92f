/* test-annotations.c: tagging passages of the sample corpus — what is
 * stored, who is proposed as the stakeholder, what is refused, and that
 * undo and redo put back exactly what was there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-import-file.h"
#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-text-snap.h"
#include "sp-undo-manager.h"
#include "test-helpers.h"

typedef struct
{
  char      *dir;
  char      *path;
  SpProject *project;
  gint64     report_id;
  gint64     transcript_id;
  char      *report_text;
  char      *transcript_text;
  gint64     theme_values;
  gint64     theme_geo;
  gint64     thomas_li;
  gint64     scott_kennedy;
} Fixture;

static gint64
exec_insert (SpProject  *project,
             const char *sql)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(GError) error = NULL;

  sp_db_exec (db, sql, &error);
  g_assert_no_error (error);
  return sqlite3_last_insert_rowid (db);
}

static gint64
stakeholder_id (SpProject  *project,
                const char *name)
{
  g_autoptr(SpStakeholderInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = sp_project_find_stakeholder (project, name, &error);
  g_assert_no_error (error);
  return info->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = sp_test_make_dir ("standpoint-annotations-XXXXXX");
  fixture->project = sp_test_project_new (fixture->dir, "Test.standpoint", TRUE, &fixture->path);

  documents = sp_project_list_documents (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  sp_test_sample_ids (fixture->project, &fixture->report_id, &fixture->transcript_id);
  g_assert_cmpint (fixture->report_id, >, 0);
  g_assert_cmpint (fixture->transcript_id, >, 0);

  fixture->report_text = sp_project_get_document_text (fixture->project, fixture->report_id, &error);
  g_assert_no_error (error);
  fixture->transcript_text = sp_project_get_document_text (fixture->project, fixture->transcript_id, &error);
  g_assert_no_error (error);

  /* Plain SQL, so these tests do not depend on the codebook API. */
  fixture->theme_values = exec_insert (fixture->project,
                                       "INSERT INTO themes (name, created_at) VALUES ('Test values', 'now')");
  fixture->theme_geo = exec_insert (fixture->project,
                                    "INSERT INTO themes (name, created_at) VALUES ('Test geopolitics', 'now')");

  fixture->thomas_li = stakeholder_id (fixture->project, "Thomas Li");
  fixture->scott_kennedy = stakeholder_id (fixture->project, "Scott Kennedy");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->report_text);
  g_free (fixture->transcript_text);
}

/* Code point offset of the first @needle in @text at or after @after. */
static gint64
offset_of (const char *text,
           const char *needle,
           gint64      after)
{
  const char *from = g_utf8_offset_to_pointer (text, after);
  const char *hit = strstr (from, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static gint64
annotate_ok (Fixture       *fixture,
             gint64         document_id,
             gint64         start,
             gint64         end,
             const gint64  *themes,
             guint          n_themes,
             gint64         stakeholder)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sp_project_annotate (fixture->project, document_id, start, end, themes, n_themes,
                       stakeholder, SP_STANCE_OPPOSES, "memo", SP_ANNOTATE_DEFAULT, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_snap (void)
{
  const char *text = "The “like-minded” café standards, 5G.";
  gsize start, end;

  /* Mid-word on both ends: widened to whole words. */
  start = 7; end = 14;   /* "ke-mind" */
  g_assert_true (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 5);
  g_assert_cmpuint (end, ==, 16);

  /* Non-ASCII letters are letters: "caf" → "café". */
  start = 18; end = 21;
  g_assert_true (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 18);
  g_assert_cmpuint (end, ==, 22);

  /* Already on word boundaries, punctuation included: unchanged. */
  start = 4; end = 17;   /* "“like-minded”" */
  g_assert_true (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, 17);

  /* Surrounding white space is dropped, then "tandards" widened. */
  start = 22; end = 30;  /* " standar" */
  g_assert_true (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 23);
  g_assert_cmpuint (end, ==, 32);

  /* Start of text and end of text. */
  start = 0; end = 2;
  g_assert_true (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 3);
  start = 35; end = 36;  /* "G" of "5G" */
  g_assert_true (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 34);
  g_assert_cmpuint (end, ==, 36);

  /* Nothing but space, empty, out of range. */
  start = 3; end = 4;
  g_assert_false (sp_text_snap_to_words (text, -1, &start, &end));
  g_assert_cmpuint (start, ==, 3);
  start = 5; end = 5;
  g_assert_false (sp_text_snap_to_words (text, -1, &start, &end));
  start = 30; end = 99;
  g_assert_false (sp_text_snap_to_words (text, -1, &start, &end));
}

static void
test_transcript_passage (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *sentence = "If I may I'd like to contribute a new word here: \"like-minded standards\".";
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 themes[] = { fixture->theme_values, fixture->theme_geo };
  gint64 start, end, id;

  start = offset_of (fixture->transcript_text, sentence, 0);
  end = start + g_utf8_strlen (sentence, -1);

  /* Selected sloppily: from inside "If" … to inside "standards". */
  g_assert_cmpint (sp_project_propose_stakeholder (fixture->project, fixture->transcript_id,
                                                   start, end, &error), ==, fixture->thomas_li);
  g_assert_no_error (error);
  id = annotate_ok (fixture, fixture->transcript_id, start + 1, end - 5, themes, 2, 0);

  info = sp_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->document_id, ==, fixture->transcript_id);
  g_assert_cmpint (info->start, ==, start);
  g_assert_cmpint (info->end, ==, end - 2);  /* snapped to the end of "standards" */
  g_assert_cmpstr (info->quote, ==, "If I may I'd like to contribute a new word here: \"like-minded standards");
  g_assert_cmpint (info->stakeholder_id, ==, fixture->thomas_li);
  g_assert_cmpstr (info->stakeholder, ==, "Thomas Li");
  g_assert_cmpint (info->stance, ==, SP_STANCE_OPPOSES);
  g_assert_cmpstr (info->memo, ==, "memo");
  g_assert_cmpstr (info->prefix, ==, "called \"like-minded countries\". ");
  g_assert_cmpstr (info->suffix, ==, "\". That is ironic because we all");
}

static void
test_cross_turn (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpAnnotationInfo) info = NULL;
  guint before = sp_project_count_annotations (fixture->project, NULL);
  gint64 start, end, id = 0;

  /* From the end of Thomas Li's first turn into Robin Mansell's reply. */
  start = offset_of (fixture->transcript_text, "Another thing is, we all know the major value", 0);
  end = offset_of (fixture->transcript_text, "Robin Mansell", start) + 20;

  g_assert_false (sp_project_annotate (fixture->project, fixture->transcript_id, start, end, NULL, 0,
                                       0, SP_STANCE_NONE, NULL, SP_ANNOTATE_DEFAULT, &id, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Thomas Li, Robin Mansell"));
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpuint (sp_project_count_annotations (fixture->project, NULL), ==, before);
  g_clear_error (&error);

  g_assert_true (sp_project_annotate (fixture->project, fixture->transcript_id, start, end, NULL, 0,
                                      0, SP_STANCE_NONE, NULL, SP_ANNOTATE_ALLOW_CROSS_TURN, &id, &error));
  g_assert_no_error (error);
  info = sp_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  /* The proposal is the speaker of the turn the passage starts in. */
  g_assert_cmpint (info->stakeholder_id, ==, fixture->thomas_li);
  g_assert_true (g_str_has_prefix (info->quote, "Another thing is"));
  g_assert_nonnull (strstr (info->quote, "Robin Mansell"));
  g_assert_cmpuint (g_strv_length (info->theme_names), ==, 0);
}

static void
test_report_alias (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 start, end, id;

  /* The sample project may come with aliases; this test sets its own. */
  sp_db_exec (_sp_project_get_db (fixture->project), "DELETE FROM stakeholder_aliases", &error);
  g_assert_no_error (error);

  /* The second "As Kennedy observes" paragraph names him by surname only:
   * without an alias there is no one to propose. */
  start = offset_of (fixture->report_text, "In the current geopolitical environment", 0);
  start = offset_of (fixture->report_text, "pushed back by the American", start);
  end = offset_of (fixture->report_text, "participation in international SSOs", start) + 35;
  g_assert_cmpint (sp_project_propose_stakeholder (fixture->project, fixture->report_id, start, end, &error), ==, 0);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO stakeholder_aliases (stakeholder_id, alias) VALUES (%" G_GINT64_FORMAT ", 'Kennedy')",
                         fixture->scott_kennedy);
  exec_insert (fixture->project, sql);
  g_assert_cmpint (sp_project_propose_stakeholder (fixture->project, fixture->report_id, start, end, &error),
                   ==, fixture->scott_kennedy);
  g_assert_no_error (error);

  id = annotate_ok (fixture, fixture->report_id, start, end, &fixture->theme_geo, 1, 0);
  info = sp_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->stakeholder, ==, "Scott Kennedy");
  g_assert_cmpstr (info->quote, ==, "pushed back by the American and European industry and other stakeholders, "
                                    "the US seems to have separated export control from participation in international SSOs");
  g_assert_cmpstr (info->prefix, ==, "rdisation. As Kennedy observes, ");
  g_assert_cmpuint (g_strv_length (info->theme_names), ==, 1);
  g_assert_cmpstr (info->theme_names[0], ==, "Test geopolitics");

  /* A passage that names someone itself proposes them, before anyone
   * mentioned earlier in the paragraph ("Dr Scott Kennedy" opens it). */
  start = offset_of (fixture->report_text, "both Kennedy and Mueller argue", 0);
  g_assert_cmpint (sp_project_propose_stakeholder (fixture->project, fixture->report_id, start, start + 14, &error),
                   ==, fixture->scott_kennedy);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO stakeholder_aliases (stakeholder_id, alias) VALUES (%" G_GINT64_FORMAT ", 'Mueller')",
                         stakeholder_id (fixture->project, "Milton Mueller"));
  exec_insert (fixture->project, sql);
  start = offset_of (fixture->report_text, "Mueller argue that China", 0);
  g_assert_cmpint (sp_project_propose_stakeholder (fixture->project, fixture->report_id, start, start + 14, &error),
                   ==, stakeholder_id (fixture->project, "Milton Mueller"));
  g_assert_no_error (error);

  /* The case matters: "kennedy" is not a mention. */
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM annotations WHERE stakeholder_id IS NOT NULL"), ==, 1);
}

static void
assert_error_leaves_nothing (Fixture       *fixture,
                             gint64         document_id,
                             gint64         start,
                             gint64         end,
                             const gint64  *themes,
                             guint          n_themes,
                             gint64         stakeholder,
                             int            code,
                             const char    *message_part)
{
  g_autoptr(GError) error = NULL;
  guint before = sp_project_count_annotations (fixture->project, NULL);
  gint64 fts_before = sp_test_query_int (fixture->project, "SELECT count(*) FROM annotations_fts");
  gint64 id = 0;

  g_assert_false (sp_project_annotate (fixture->project, document_id, start, end, themes, n_themes,
                                       stakeholder, SP_STANCE_NONE, NULL, SP_ANNOTATE_DEFAULT, &id, &error));
  g_assert_error (error, SP_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpuint (sp_project_count_annotations (fixture->project, NULL), ==, before);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM annotations_fts"), ==, fts_before);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM annotation_themes"), ==, 0);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *length = NULL;
  gint64 n_chars = g_utf8_strlen (fixture->report_text, -1);
  gint64 bad_theme[] = { fixture->theme_geo, 9999 };

  length = g_strdup_printf ("%" G_GINT64_FORMAT " characters", n_chars);
  assert_error_leaves_nothing (fixture, fixture->report_id, 100, 100, NULL, 0, 0,
                               SP_ERROR_INVALID_ARGUMENT, length);
  assert_error_leaves_nothing (fixture, fixture->report_id, 100, 100, NULL, 0, 0,
                               SP_ERROR_INVALID_ARGUMENT, "characters 100–100");
  assert_error_leaves_nothing (fixture, fixture->report_id, n_chars - 5, n_chars + 1, NULL, 0, 0,
                               SP_ERROR_INVALID_ARGUMENT, length);
  assert_error_leaves_nothing (fixture, fixture->report_id, -1, 10, NULL, 0, 0,
                               SP_ERROR_INVALID_ARGUMENT, length);
  assert_error_leaves_nothing (fixture, fixture->report_id, 100, 120, bad_theme, 2, 0,
                               SP_ERROR_NOT_FOUND, "no theme with id 9999");
  assert_error_leaves_nothing (fixture, fixture->report_id, 100, 120, NULL, 0, 424242,
                               SP_ERROR_NOT_FOUND, "no stakeholder with id 424242");
  assert_error_leaves_nothing (fixture, 777, 0, 10, NULL, 0, 0,
                               SP_ERROR_NOT_FOUND, "777");
  {
    gint64 blank = offset_of (fixture->report_text, "\n\n", 0);
    assert_error_leaves_nothing (fixture, fixture->report_id, blank, blank + 2, NULL, 0, 0,
                                 SP_ERROR_INVALID_ARGUMENT, "white space");
  }
}

/* Everything a user can see of an annotation, to compare before/after. */
static char *
describe (SpProject *project,
          gint64     id)
{
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *themes = NULL;

  info = sp_project_get_annotation (project, id, &error);
  if (info == NULL)
    return g_strdup ("(none)");
  themes = g_strjoinv (",", info->theme_names);
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                          " [%s] %s %s «%s» «%s»",
                          info->id, info->document_id, info->start, info->end, themes,
                          info->stakeholder != NULL ? info->stakeholder : "-",
                          sp_stance_to_string (info->stance), info->memo, info->quote);
}

static gint64
fts_count (SpProject  *project,
           const char *match)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM annotations_fts WHERE annotations_fts MATCH '%s'", match);
  return sp_test_query_int (project, sql);
}

static void
test_update_delete_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  SpUndoManager *undo = sp_project_get_undo_manager (fixture->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *sql = NULL;
  gint64 themes[] = { fixture->theme_values };
  gint64 new_themes[] = { fixture->theme_geo, fixture->theme_values };
  gint64 start, other, id;

  start = offset_of (fixture->transcript_text, "That is ironic because", 0);
  id = annotate_ok (fixture, fixture->transcript_id, start, start + 22, themes, 1, 0);
  created = describe (fixture->project, id);
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                                 " [Test values] Thomas Li opposes «memo» «That is ironic because»",
                                                 id, fixture->transcript_id, start, start + 22);
    g_assert_cmpstr (created, ==, expected);
  }
  other = annotate_ok (fixture, fixture->transcript_id, start + 30, start + 40, NULL, 0, 0);
  sql = g_strdup_printf ("INSERT INTO links (source_id, target_id, kind, created_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'responds_to', 'now')", other, id);
  exec_insert (fixture->project, sql);
  g_assert_cmpint (fts_count (fixture->project, "ironic"), ==, 1);

  /* Update: themes, stakeholder, stance, memo. */
  sp_project_update_annotation (fixture->project, id, new_themes, 2, fixture->scott_kennedy,
                                SP_STANCE_SUPPORTS, "paraphrased in the report", &error);
  g_assert_no_error (error);
  updated = describe (fixture->project, id);
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                                 " [Test geopolitics,Test values] Scott Kennedy supports"
                                                 " «paraphrased in the report» «That is ironic because»",
                                                 id, fixture->transcript_id, start, start + 22);
    g_assert_cmpstr (updated, ==, expected);
  }
  g_assert_cmpint (fts_count (fixture->project, "paraphrased"), ==, 1);
  g_assert_cmpint (fts_count (fixture->project, "memo AND ironic"), ==, 0);

  /* Undo and redo of the update. */
  sp_undo_manager_undo (undo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, created);
  g_assert_cmpint (fts_count (fixture->project, "paraphrased"), ==, 0);
  g_assert_cmpint (fts_count (fixture->project, "memo AND ironic"), ==, 1);
  sp_undo_manager_redo (undo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, updated);

  /* Delete, then undo: the same id, themes and the link come back. */
  sp_project_delete_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, "(none)");
  g_assert_cmpint (fts_count (fixture->project, "paraphrased"), ==, 0);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM links"), ==, 0);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM annotation_themes"), ==, 0);
  sp_undo_manager_undo (undo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, updated);
  g_assert_cmpint (fts_count (fixture->project, "paraphrased"), ==, 1);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM links WHERE kind = 'responds_to'"), ==, 1);
  sp_undo_manager_redo (undo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, "(none)");

  /* Back through everything to the first annotate, and forward again. */
  sp_undo_manager_undo (undo, &error);   /* delete */
  sp_undo_manager_undo (undo, &error);   /* update */
  sp_undo_manager_undo (undo, &error);   /* second annotate */
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, other), ==, "(none)");
  g_assert_cmpstr (describe (fixture->project, id), ==, created);
  sp_undo_manager_undo (undo, &error);   /* first annotate */
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, "(none)");
  g_assert_cmpuint (sp_project_count_annotations (fixture->project, NULL), ==, 0);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM annotations_fts"), ==, 0);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM annotation_themes"), ==, 0);

  sp_undo_manager_redo (undo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), ==, created);
  g_assert_cmpint (fts_count (fixture->project, "ironic"), ==, 1);
}

/* Each annotation command names the one annotation it changes, so a view
 * can refresh just that after undo or redo; theme and stakeholder commands
 * name none. */
static void
test_command_subject (Fixture       *fixture,
                      gconstpointer  data)
{
  SpUndoManager *undo = sp_project_get_undo_manager (fixture->project);
  g_autoptr(GError) error = NULL;
  gint64 themes[] = { fixture->theme_values };
  SpProjectChange kind = 0;
  gint64 start, id, subject = 0, theme = 0;

  g_assert_false (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  g_assert_false (sp_undo_manager_peek_redo_subject (undo, &kind, &subject));

  /* Annotate: the id is only known once applied. */
  start = offset_of (fixture->transcript_text, "That is ironic because", 0);
  id = annotate_ok (fixture, fixture->transcript_id, start, start + 22, themes, 1, 0);
  g_assert_true (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  g_assert_cmpint (kind, ==, SP_PROJECT_CHANGE_ANNOTATIONS);
  g_assert_cmpint (subject, ==, id);
  sp_undo_manager_undo (undo, &error);
  g_assert_no_error (error);
  kind = 0;
  subject = 0;
  g_assert_true (sp_undo_manager_peek_redo_subject (undo, &kind, &subject));
  g_assert_cmpint (kind, ==, SP_PROJECT_CHANGE_ANNOTATIONS);
  g_assert_cmpint (subject, ==, id);
  sp_undo_manager_redo (undo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (describe (fixture->project, id), !=, "(none)");

  /* Update and delete. */
  sp_project_update_annotation (fixture->project, id, NULL, 0, fixture->scott_kennedy,
                                SP_STANCE_SUPPORTS, "changed", &error);
  g_assert_no_error (error);
  subject = 0;
  g_assert_true (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  g_assert_cmpint (kind, ==, SP_PROJECT_CHANGE_ANNOTATIONS);
  g_assert_cmpint (subject, ==, id);
  sp_project_delete_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  subject = 0;
  g_assert_true (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  g_assert_cmpint (kind, ==, SP_PROJECT_CHANGE_ANNOTATIONS);
  g_assert_cmpint (subject, ==, id);
  sp_undo_manager_undo (undo, &error);
  g_assert_no_error (error);
  subject = 0;
  g_assert_true (sp_undo_manager_peek_redo_subject (undo, &kind, &subject));
  g_assert_cmpint (subject, ==, id);

  /* Theme and stakeholder commands: no subject. */
  sp_project_add_theme (fixture->project, "Subjectless", 0, NULL, NULL, NULL, NULL, &theme, &error);
  g_assert_no_error (error);
  g_assert_false (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  sp_project_rename_theme (fixture->project, theme, "Still subjectless", &error);
  g_assert_no_error (error);
  g_assert_false (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  sp_project_add_stakeholder_alias (fixture->project, fixture->thomas_li, "T. Li", &error);
  g_assert_no_error (error);
  g_assert_false (sp_undo_manager_peek_undo_subject (undo, &kind, &subject));
  sp_undo_manager_undo (undo, &error);
  g_assert_no_error (error);
  g_assert_false (sp_undo_manager_peek_redo_subject (undo, &kind, &subject));
  /* FALSE leaves the out arguments alone. */
  g_assert_cmpint (subject, ==, id);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;
  SpAnnotationFilter filter = { 0 };
  gint64 t, r, late, early, report;

  t = offset_of (fixture->transcript_text, "That is ironic because", 0);
  r = offset_of (fixture->report_text, "As Kennedy observes", 0);
  late = annotate_ok (fixture, fixture->transcript_id, t + 100, t + 120, &fixture->theme_geo, 1, 0);
  early = annotate_ok (fixture, fixture->transcript_id, t, t + 20, &fixture->theme_values, 1, 0);
  report = annotate_ok (fixture, fixture->report_id, r, r + 19, NULL, 0, fixture->scott_kennedy);

  /* Reading order: the report comes first in the sample, then by start. */
  all = sp_project_list_annotations (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((SpAnnotationInfo *) all->pdata[0])->id, ==, report);
  g_assert_cmpint (((SpAnnotationInfo *) all->pdata[1])->id, ==, early);
  g_assert_cmpint (((SpAnnotationInfo *) all->pdata[2])->id, ==, late);
  g_assert_cmpstr (((SpAnnotationInfo *) all->pdata[0])->quote, ==, "As Kennedy observes");

  filter.theme_id = fixture->theme_geo;
  some = sp_project_list_annotations (fixture->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpint (((SpAnnotationInfo *) some->pdata[0])->id, ==, late);
  g_clear_pointer (&some, g_ptr_array_unref);

  filter = (SpAnnotationFilter) { .stakeholder_id = fixture->thomas_li };
  some = sp_project_list_annotations (fixture->project, &filter, &error);
  g_assert_cmpuint (some->len, ==, 2);
  g_clear_pointer (&some, g_ptr_array_unref);

  filter = (SpAnnotationFilter) { .document_id = fixture->report_id, .stance = SP_STANCE_OPPOSES };
  some = sp_project_list_annotations (fixture->project, &filter, &error);
  g_assert_cmpuint (some->len, ==, 1);
  g_clear_pointer (&some, g_ptr_array_unref);

  filter = (SpAnnotationFilter) { .stance = SP_STANCE_SUPPORTS };
  some = sp_project_list_annotations (fixture->project, &filter, &error);
  g_assert_cmpuint (some->len, ==, 0);
}

/* A kill right after the call returns loses nothing: the change was
 * committed before it returned. */
static void
test_sigkill (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 start = offset_of (fixture->transcript_text, "That is ironic because", 0);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  pid_t pid;

  g_clear_object (&fixture->project);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      SpProject *project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, NULL);
      gint64 id = 0;

      if (project == NULL ||
          !sp_project_annotate (project, fixture->transcript_id, start, start + 22, &fixture->theme_values, 1,
                                0, SP_STANCE_MIXED, "killed", SP_ANNOTATE_DEFAULT, &id, NULL))
        _exit (3);
      raise (SIGKILL);
      _exit (4);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  fixture->project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  annotations = sp_project_list_annotations (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (((SpAnnotationInfo *) annotations->pdata[0])->quote, ==, "That is ironic because");
  g_assert_cmpstr (((SpAnnotationInfo *) annotations->pdata[0])->stakeholder, ==, "Thomas Li");
  g_assert_cmpstr (((SpAnnotationInfo *) annotations->pdata[0])->theme_names[0], ==, "Test values");
  g_assert_cmpint (fts_count (fixture->project, "killed"), ==, 1);
}

/* SP_ANNOTATE_NO_STAKEHOLDER stores none where one would be proposed. */
static void
test_no_stakeholder (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *sentence = "If I may I'd like to contribute a new word here";
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, id = 0;

  start = offset_of (fixture->transcript_text, sentence, 0);
  g_assert_cmpint (sp_project_propose_stakeholder (fixture->project, fixture->transcript_id, start,
                                                   start + 10, &error), ==, fixture->thomas_li);
  g_assert_true (sp_project_annotate (fixture->project, fixture->transcript_id, start, start + 10, NULL, 0,
                                      0, SP_STANCE_NONE, NULL, SP_ANNOTATE_NO_STAKEHOLDER, &id, &error));
  g_assert_no_error (error);
  info = sp_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->stakeholder_id, ==, 0);
  g_assert_null (info->stakeholder);

  /* Undo and redo keep it so. */
  sp_test_undo (fixture->project);
  sp_test_redo (fixture->project);
  g_clear_pointer (&info, sp_annotation_info_free);
  info = sp_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_null (info->stakeholder);

  /* Naming someone as well is a contradiction. */
  g_assert_false (sp_project_annotate (fixture->project, fixture->transcript_id, start, start + 10, NULL, 0,
                                       fixture->thomas_li, SP_STANCE_NONE, NULL,
                                       SP_ANNOTATE_NO_STAKEHOLDER, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
}

/* Annotating reads only a window of the text: the quote, prefix and suffix
 * are what the whole text gives, at the ends of a document and around a
 * word longer than the window. */
static void
check_window (SpProject   *project,
              gint64       document_id,
              const char  *text,
              gsize        start,
              gsize        end)
{
  g_autoptr(SpAnnotationInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  gsize s = start, e = end, n = (gsize) g_utf8_strlen (text, -1);
  gint64 id = 0;

  if (!sp_text_snap_to_words (text, -1, &s, &e))
    return;
  g_assert_true (sp_project_annotate (project, document_id, (gint64) start, (gint64) end, NULL, 0, 0,
                                      SP_STANCE_NONE, NULL,
                                      SP_ANNOTATE_ALLOW_CROSS_TURN | SP_ANNOTATE_NO_STAKEHOLDER, &id, &error));
  g_assert_no_error (error);
  info = sp_project_get_annotation (project, id, &error);
  g_assert_no_error (error);

  quote = g_utf8_substring (text, (glong) s, (glong) e);
  prefix = g_utf8_substring (text, (glong) (s - MIN (s, 32)), (glong) s);
  suffix = g_utf8_substring (text, (glong) e, (glong) MIN (n, e + 32));
  g_assert_cmpint (info->start, ==, (gint64) s);
  g_assert_cmpint (info->end, ==, (gint64) e);
  g_assert_cmpstr (info->quote, ==, quote);
  g_assert_cmpstr (info->prefix, ==, prefix);
  g_assert_cmpstr (info->suffix, ==, suffix);
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) odd = g_string_new ("Ünïcödé start ");
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report_chars = g_utf8_strlen (fixture->report_text, -1);
  gint64 odd_id;
  gsize n;

  /* Across the report, start to end. */
  check_window (fixture->project, fixture->report_id, fixture->report_text, 0, 3);
  check_window (fixture->project, fixture->report_id, fixture->report_text, report_chars - 3, report_chars);
  for (gint64 at = 17; at < report_chars - 200; at += report_chars / 23)
    check_window (fixture->project, fixture->report_id, fixture->report_text, at, at + 1 + at % 150);

  /* A word of 3,000 letters, in a document of its own. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (odd, i % 2 ? "é" : "x");
  g_string_append (odd, " and then the end, with “quotes”.\n");
  input = g_build_filename (fixture->dir, "odd.txt", NULL);
  g_assert_true (g_file_set_contents (input, odd->str, (gssize) odd->len, NULL));
  file = g_file_new_for_path (input);
  odd_id = sp_import_file (fixture->project, file, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  text = sp_project_get_document_text (fixture->project, odd_id, &error);
  g_assert_no_error (error);
  n = (gsize) g_utf8_strlen (text, -1);
  check_window (fixture->project, odd_id, text, 1500, 1501);   /* mid-word: the whole word */
  check_window (fixture->project, odd_id, text, 2, 20);
  check_window (fixture->project, odd_id, text, 3010, n - 1);
  check_window (fixture->project, odd_id, text, n - 2, n);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/annotations/snap", test_snap);
  g_test_add ("/annotations/transcript-passage", Fixture, NULL,
              fixture_set_up, test_transcript_passage, fixture_tear_down);
  g_test_add ("/annotations/cross-turn", Fixture, NULL, fixture_set_up, test_cross_turn, fixture_tear_down);
  g_test_add ("/annotations/report-alias", Fixture, NULL, fixture_set_up, test_report_alias, fixture_tear_down);
  g_test_add ("/annotations/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/annotations/update-delete-undo", Fixture, NULL, fixture_set_up, test_update_delete_undo, fixture_tear_down);
  g_test_add ("/annotations/command-subject", Fixture, NULL, fixture_set_up, test_command_subject, fixture_tear_down);
  g_test_add ("/annotations/list-filters", Fixture, NULL, fixture_set_up, test_list_filters, fixture_tear_down);
  g_test_add ("/annotations/no-stakeholder", Fixture, NULL, fixture_set_up, test_no_stakeholder, fixture_tear_down);
  g_test_add ("/annotations/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  g_test_add ("/annotations/sigkill", Fixture, NULL, fixture_set_up, test_sigkill, fixture_tear_down);

  return g_test_run ();
}
