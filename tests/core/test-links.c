/* test-links.c: links between annotations of the sample corpus — making,
 * listing and removing them, what is refused, linking two selected
 * passages in one undoable step, and links going and coming back with the
 * annotations they join.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-links.h"
#include "sp-project-stakeholders.h"
#include "test-helpers.h"

typedef struct
{
  SpTestFixture  base;
  gint64         report_id;
  gint64         transcript_id;
  char          *report_text;
  char          *transcript_text;
  guint          n_changed;
  SpProjectChange last_change;
} Fixture;

static void
changed_cb (SpProject       *project,
            SpProjectChange  what,
            Fixture         *fixture)
{
  fixture->n_changed++;
  fixture->last_change = what;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sp_test_fixture_set_up_sample (&fixture->base, data);
  sp_test_sample_ids (fixture->base.project, &fixture->report_id, &fixture->transcript_id);
  fixture->report_text = sp_project_get_document_text (fixture->base.project, fixture->report_id, &error);
  g_assert_no_error (error);
  fixture->transcript_text = sp_project_get_document_text (fixture->base.project, fixture->transcript_id, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->base.project, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->report_text);
  g_free (fixture->transcript_text);
  sp_test_fixture_tear_down (&fixture->base, data);
}

/* The passage of @text that is exactly @needle, in code points. */
static SpPassage
passage_of (gint64      document_id,
            const char *text,
            const char *needle)
{
  const char *hit = strstr (text, needle);
  SpPassage passage;

  g_assert_nonnull (hit);
  passage.document_id = document_id;
  passage.start = g_utf8_pointer_to_offset (text, hit);
  passage.end = passage.start + g_utf8_strlen (needle, -1);
  return passage;
}

static gint64
tag (Fixture         *fixture,
     const SpPassage *passage)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sp_project_annotate (fixture->base.project, passage->document_id, passage->start, passage->end,
                       NULL, 0, 0, SP_STANCE_NONE, NULL, SP_ANNOTATE_DEFAULT, &id, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count_links (Fixture *fixture,
             gint64   document_id)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  links = sp_project_list_links (fixture->base.project, document_id, &error);
  g_assert_no_error (error);
  return links->len;
}

#define KENNEDY_REPORT "the main contest was about rents"
#define KENNEDY_TURN "the main contest was about rents"

static void
test_kinds (void)
{
  SpLinkKind kind = SP_LINK_CITES;

  g_assert_cmpstr (sp_link_kind_to_string (SP_LINK_PARAPHRASES), ==, "paraphrases");
  g_assert_cmpstr (sp_link_kind_to_string (SP_LINK_RESPONDS_TO), ==, "responds_to");
  g_assert_cmpstr (sp_link_kind_to_string (SP_LINK_CONTRADICTS), ==, "contradicts");
  g_assert_cmpstr (sp_link_kind_to_string (SP_LINK_CITES), ==, "cites");
  g_assert_true (sp_link_kind_from_string ("Responds-To", &kind));
  g_assert_cmpint (kind, ==, SP_LINK_RESPONDS_TO);
  g_assert_true (sp_link_kind_from_string ("contradicts", &kind));
  g_assert_cmpint (kind, ==, SP_LINK_CONTRADICTS);
  g_assert_true (sp_link_kind_from_string ("PARAPHRASES", &kind));
  g_assert_cmpint (kind, ==, SP_LINK_PARAPHRASES);
  g_assert_false (sp_link_kind_from_string ("quotes", &kind));
  g_assert_false (sp_link_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, SP_LINK_PARAPHRASES);
  g_assert_cmpstr (sp_link_kind_get_label (SP_LINK_RESPONDS_TO), ==, "Responds to");
}

static void
test_create_list_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  SpPassage in_report = passage_of (fixture->report_id, fixture->report_text,
                                    "As Kennedy observes, competition over international standards");
  SpPassage in_turn = passage_of (fixture->transcript_id, fixture->transcript_text,
                                  "the main contest was about rents");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLinkInfo) link = NULL;
  g_autoptr(GPtrArray) by_annotation = NULL;
  gint64 source, target, link_id = 0, second_id = 0;

  source = tag (fixture, &in_report);
  target = tag (fixture, &in_turn);

  fixture->n_changed = 0;
  g_assert_true (sp_project_link_annotations (project, source, target, SP_LINK_PARAPHRASES, &link_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (link_id, >, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (fixture->last_change, ==, SP_PROJECT_CHANGE_LINKS);

  link = sp_project_get_link (project, link_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link->kind, ==, SP_LINK_PARAPHRASES);
  g_assert_cmpint (link->source_id, ==, source);
  g_assert_cmpint (link->source_document_id, ==, fixture->report_id);
  g_assert_cmpint (link->source_start, ==, in_report.start);
  g_assert_cmpint (link->source_end, ==, in_report.end);
  g_assert_cmpint (link->target_id, ==, target);
  g_assert_cmpint (link->target_document_id, ==, fixture->transcript_id);
  g_assert_cmpint (link->target_start, ==, in_turn.start);
  g_assert_cmpint (link->target_end, ==, in_turn.end);
  g_assert_nonnull (strchr (link->created_at, 'T'));

  /* The same two, the other way and of another kind, is another link. */
  g_assert_true (sp_project_link_annotations (project, target, source, SP_LINK_CONTRADICTS, &second_id, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_links (fixture, 0), ==, 2);
  g_assert_cmpuint (count_links (fixture, fixture->report_id), ==, 2);
  g_assert_cmpuint (count_links (fixture, fixture->transcript_id), ==, 2);
  g_assert_cmpuint (count_links (fixture, 9999), ==, 0);
  by_annotation = sp_project_list_annotation_links (project, target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_annotation->len, ==, 2);
  /* Ordered by source document then start: the report passage first. */
  g_assert_cmpint (((SpLinkInfo *) by_annotation->pdata[0])->id, ==, link_id);
  g_assert_cmpint (((SpLinkInfo *) by_annotation->pdata[1])->id, ==, second_id);
  g_assert_cmpint (((SpLinkInfo *) by_annotation->pdata[1])->kind, ==, SP_LINK_CONTRADICTS);

  g_assert_true (sp_project_delete_link (project, link_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, 0), ==, 1);
  g_assert_null (sp_project_get_link (project, link_id, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo brings back the same id; redo removes it again. */
  sp_test_undo (project);
  g_clear_pointer (&link, sp_link_info_free);
  link = sp_project_get_link (project, link_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link->source_id, ==, source);
  sp_test_redo (project);
  g_assert_cmpuint (count_links (fixture, 0), ==, 1);
  sp_test_undo (project);
  sp_test_undo (project);
  sp_test_undo (project);
  g_assert_cmpuint (count_links (fixture, 0), ==, 0);
  sp_test_redo (project);
  g_assert_cmpint (sp_test_query_int (project, "SELECT id FROM links"), ==, link_id);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  SpPassage in_report = passage_of (fixture->report_id, fixture->report_text, "As Kennedy observes");
  SpPassage in_turn = passage_of (fixture->transcript_id, fixture->transcript_text, KENNEDY_TURN);
  g_autoptr(GError) error = NULL;
  gint64 source, target, id = 0;

  source = tag (fixture, &in_report);
  target = tag (fixture, &in_turn);
  g_assert_true (sp_project_link_annotations (project, source, target, SP_LINK_CITES, NULL, &error));
  g_assert_no_error (error);
  fixture->n_changed = 0;

  g_assert_false (sp_project_link_annotations (project, source, source, SP_LINK_CITES, &id, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "Annotation 1 cannot be linked to itself");
  g_clear_error (&error);

  g_assert_false (sp_project_link_annotations (project, source, 9999, SP_LINK_CITES, &id, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no annotation 9999");
  g_clear_error (&error);

  g_assert_false (sp_project_link_annotations (project, source, target, SP_LINK_CITES, &id, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Annotation 1 already Cites annotation 2");
  g_clear_error (&error);

  g_assert_false (sp_project_delete_link (project, 9999, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Passages: the same one at both ends, and a passage of white space. */
  g_assert_false (sp_project_link_passages (project, &in_turn, &in_turn, SP_LINK_CITES, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (sp_project_link_passages (project, &in_report, &in_turn, SP_LINK_CITES, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_DUPLICATE);
  g_clear_error (&error);
  {
    SpPassage outside = { fixture->report_id, 0, 100000000 };

    g_assert_false (sp_project_link_passages (project, &outside, &in_turn, SP_LINK_CITES, NULL, NULL, NULL, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }

  g_assert_cmpint (id, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (count_links (fixture, 0), ==, 1);
  g_assert_cmpint (sp_project_count_annotations (project, NULL), ==, 2);
}

static void
test_link_passages (Fixture       *fixture,
                    gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  /* Sloppy selections: they snap to the words they touch. */
  SpPassage in_report = passage_of (fixture->report_id, fixture->report_text, "As Kennedy observes");
  SpPassage in_turn = passage_of (fixture->transcript_id, fixture->transcript_text, KENNEDY_TURN);
  SpPassage sloppy_turn = in_turn;
  g_autoptr(SpAnnotationInfo) made = NULL;
  g_autoptr(SpStakeholderInfo) kennedy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 existing, link_id = 0, source_id = 0, target_id = 0;
  gint64 redo_link_id = 0;

  existing = tag (fixture, &in_report);
  sloppy_turn.start += 2;   /* "e main…": snaps back to "the" */
  sloppy_turn.end -= 1;     /* "…rent": snaps on to "rents" */

  fixture->n_changed = 0;
  g_assert_true (sp_project_link_passages (project, &in_report, &sloppy_turn, SP_LINK_PARAPHRASES,
                                           &link_id, &source_id, &target_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (fixture->last_change, ==, SP_PROJECT_CHANGE_LINKS | SP_PROJECT_CHANGE_ANNOTATIONS);

  /* The report passage was already tagged: reused; the turn's was made,
   * with no theme and the speaker of the turn. */
  g_assert_cmpint (source_id, ==, existing);
  g_assert_cmpint (target_id, !=, existing);
  g_assert_cmpint (sp_project_count_annotations (project, NULL), ==, 2);
  made = sp_project_get_annotation (project, target_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made->quote, ==, KENNEDY_TURN);
  g_assert_cmpint (made->start, ==, in_turn.start);
  g_assert_cmpint (made->end, ==, in_turn.end);
  g_assert_cmpuint (made->theme_ids->len, ==, 0);
  g_assert_cmpstr (made->stakeholder, ==, "Scott Kennedy");
  kennedy = sp_project_find_stakeholder (project, "Scott Kennedy", &error);
  g_assert_no_error (error);
  g_assert_cmpint (made->stakeholder_id, ==, kennedy->id);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM links WHERE kind = 'paraphrases'"), ==, 1);

  /* One undo takes the link and the annotation it made, not the other. */
  sp_test_undo (project);
  g_assert_cmpuint (count_links (fixture, 0), ==, 0);
  g_assert_cmpint (sp_project_count_annotations (project, NULL), ==, 1);
  g_assert_cmpint (sp_test_query_int (project, "SELECT id FROM annotations"), ==, existing);
  g_assert_cmpint (sp_test_query_int (project, "SELECT count(*) FROM annotations_fts"), ==, 1);

  sp_test_redo (project);
  g_assert_cmpint (sp_test_query_int (project, "SELECT id FROM links"), ==, link_id);
  g_assert_cmpint (sp_test_query_int (project, "SELECT max(id) FROM annotations"), ==, target_id);

  /* Both passages new: two annotations made, and a report passage gets the
   * stakeholder its paragraph names. */
  {
    SpPassage li_report = passage_of (fixture->report_id, fixture->report_text,
                                      "This “challenger” role was strongly disputed by Thomas Li");
    SpPassage li_turn = passage_of (fixture->transcript_id, fixture->transcript_text,
                                    "We are great contributors, we're not challengers");
    g_autoptr(SpAnnotationInfo) li = NULL;

    g_assert_true (sp_project_link_passages (project, &li_report, &li_turn, SP_LINK_PARAPHRASES,
                                             &redo_link_id, &source_id, &target_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sp_project_count_annotations (project, NULL), ==, 4);
    li = sp_project_get_annotation (project, source_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (li->stakeholder, ==, "Thomas Li");
    sp_test_undo (project);
    g_assert_cmpint (sp_project_count_annotations (project, NULL), ==, 2);
    g_assert_cmpuint (count_links (fixture, 0), ==, 1);
    sp_test_redo (project);
    g_assert_cmpint (sp_project_count_annotations (project, NULL), ==, 4);
    g_assert_cmpint (sp_test_query_int (project, "SELECT max(id) FROM links"), ==, redo_link_id);
    g_assert_cmpint (sp_test_query_int (project, "SELECT max(id) FROM annotations"), ==, target_id);
  }
}

static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  SpProject *project = fixture->base.project;
  SpPassage in_report = passage_of (fixture->report_id, fixture->report_text, "As Kennedy observes");
  SpPassage in_turn = passage_of (fixture->transcript_id, fixture->transcript_text, KENNEDY_TURN);
  SpPassage other_turn = passage_of (fixture->transcript_id, fixture->transcript_text,
                                     "We are great contributors");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLinkInfo) back = NULL;
  gint64 source, target, other, first = 0, second = 0;

  source = tag (fixture, &in_report);
  target = tag (fixture, &in_turn);
  other = tag (fixture, &other_turn);
  g_assert_true (sp_project_link_annotations (project, source, target, SP_LINK_PARAPHRASES, &first, &error));
  g_assert_true (sp_project_link_annotations (project, other, target, SP_LINK_RESPONDS_TO, &second, &error));
  g_assert_no_error (error);

  /* The target goes, and both links with it. */
  g_assert_true (sp_project_delete_annotation (project, target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, 0), ==, 0);

  /* Undo restores the annotation and both links, with their ids. */
  sp_test_undo (project);
  g_assert_cmpuint (count_links (fixture, 0), ==, 2);
  back = sp_project_get_link (project, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->source_id, ==, other);
  g_assert_cmpint (back->target_id, ==, target);
  g_assert_cmpint (back->kind, ==, SP_LINK_RESPONDS_TO);
  g_clear_pointer (&back, sp_link_info_free);
  back = sp_project_get_link (project, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->source_id, ==, source);

  sp_test_redo (project);
  g_assert_cmpuint (count_links (fixture, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/links/kinds", test_kinds);
  g_test_add ("/links/create-list-delete", Fixture, NULL, fixture_set_up, test_create_list_delete, fixture_tear_down);
  g_test_add ("/links/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/links/link-passages", Fixture, NULL, fixture_set_up, test_link_passages, fixture_tear_down);
  g_test_add ("/links/cascade", Fixture, NULL, fixture_set_up, test_cascade, fixture_tear_down);

  return g_test_run ();
}
