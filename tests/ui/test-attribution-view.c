/* test-attribution-view.c: checking the sample report's attributed
 * passages against the webinar in the attribution view — the list, the
 * ranked candidates of one passage, accepting (a "paraphrases" link),
 * undo, rejecting, and the side-by-side request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-attribution-view-private.h"
#include "sp-links.h"
#include "sp-undo-manager.h"
#include "ui-screenshot.h"
#include "ui-test-helpers.h"

#define KENNEDY_PASSAGE "As Kennedy observes, competition over international standards"

typedef struct
{
  gint64 values[6];
  guint  n_emitted;
} ShowPair;

typedef struct
{
  SpAttributionView *view;
  guint              n_finished;
  guint              expected;
} Finished;

static void
finished_cb (SpAttributionView *view,
             Finished          *finished)
{
  g_assert_false (sp_attribution_view_is_busy (view));
  finished->n_finished++;
}

static gboolean
has_finished (gpointer data)
{
  Finished *finished = data;

  return finished->n_finished >= finished->expected;
}

static void
show_pair_cb (SpAttributionView *view,
              gint64             report_id,
              gint64             report_start,
              gint64             report_end,
              gint64             transcript_id,
              gint64             transcript_start,
              gint64             transcript_end,
              ShowPair          *pair)
{
  gint64 values[6] = { report_id, report_start, report_end, transcript_id, transcript_start, transcript_end };

  memcpy (pair->values, values, sizeof values);
  pair->n_emitted++;
}

static guint
find_passage (SpAttributionView *view,
              const char        *prefix)
{
  for (guint i = 0; i < _sp_attribution_view_get_n_passages (view); i++)
    if (g_str_has_prefix (_sp_attribution_view_get_passage (view, i)->text, prefix))
      return i;
  g_assert_not_reached ();
}

static void
sample_ids (SpProject *project,
            gint64    *report_id,
            gint64    *transcript_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = sp_project_list_documents (project, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      if (document->kind == SP_DOCUMENT_KIND_REPORT)
        *report_id = document->id;
      else if (document->kind == SP_DOCUMENT_KIND_TRANSCRIPT)
        *transcript_id = document->id;
    }
}

static void
test_check_accept_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) links = NULL;
  SpProject *project = open_sample_project ("sp-attribution-view-XXXXXX", "sample.standpoint", &dir);
  GtkWidget *window = gtk_window_new ();
  SpAttributionView *view = SP_ATTRIBUTION_VIEW (sp_attribution_view_new ());
  Finished finished = { view, 0, 1 };
  ShowPair pair = { { 0 }, 0 };
  const SpAttribution *passage;
  const SpAttributionCandidate *best;
  SpAttributionDetail *detail;
  SpLinkInfo *link;
  gint64 report_id = 0, transcript_id = 0;
  guint index;

  sample_ids (project, &report_id, &transcript_id);
  g_signal_connect (view, "finished", G_CALLBACK (finished_cb), &finished);
  g_signal_connect (view, "show-pair", G_CALLBACK (show_pair_cb), &pair);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 820);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  /* The first report and the first transcript are chosen by themselves */
  sp_attribution_view_set_project (view, project);
  g_assert_cmpint (sp_attribution_view_get_report_id (view), ==, report_id);
  g_assert_cmpint (sp_attribution_view_get_transcript_id (view), ==, transcript_id);
  g_assert_true (sp_attribution_view_is_busy (view));
  /* Choosing them again replaces the running check: one ::finished */
  sp_attribution_view_set_documents (view, report_id, transcript_id);
  g_assert_true (wait_for (has_finished, &finished));
  spin (200);
  g_assert_cmpuint (finished.n_finished, ==, 1);

  expected = sp_project_check_attributions (project, report_id, transcript_id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_sp_attribution_view_get_n_passages (view), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (_sp_attribution_view_get_passage (view, i)->start, ==,
                     ((SpAttribution *) g_ptr_array_index (expected, i))->start);

  /* Kennedy's turn is the best candidate, and chosen */
  index = find_passage (view, KENNEDY_PASSAGE);
  _sp_attribution_view_select_passage (view, index);
  passage = _sp_attribution_view_get_passage (view, index);
  g_assert_cmpuint (passage->candidates->len, >, 0);
  best = g_ptr_array_index (passage->candidates, 0);
  g_assert_cmpstr (best->speaker, ==, "Scott Kennedy");
  g_assert_true (sp_attribution_detail_get_chosen (_sp_attribution_view_get_detail (view)) == best);
  g_assert_cmpstr (_sp_attribution_view_get_row_state (view, index), ==, "Proposed");

  /* Why it was proposed: the words it shares with the passage are bold,
   * folded the way the ranking folds them; no candidate is linked yet */
  detail = _sp_attribution_view_get_detail (view);
  g_assert_nonnull (strstr (_sp_attribution_detail_get_candidate_markup (detail, 0), "<b>rents</b>"));
  g_assert_null (strstr (_sp_attribution_detail_get_candidate_markup (detail, 0), "<b>the</b>"));
  g_assert_false (_sp_attribution_detail_shows_linked (detail, 0));
  g_assert_true (gtk_widget_has_css_class (_sp_attribution_detail_get_accept_button (detail), "suggested-action"));

  /* Show Side by Side carries both ranges */
  gtk_widget_activate_action (GTK_WIDGET (view), "attribution.show-pair", NULL);
  g_assert_cmpuint (pair.n_emitted, ==, 1);
  g_assert_cmpint (pair.values[0], ==, report_id);
  g_assert_cmpint (pair.values[1], ==, passage->start);
  g_assert_cmpint (pair.values[2], ==, passage->end);
  g_assert_cmpint (pair.values[3], ==, transcript_id);
  g_assert_cmpint (pair.values[4], ==, best->start);
  g_assert_cmpint (pair.values[5], ==, best->end);

  spin (300);
  save_screenshot (window, "attributions.png");

  /* Accept: a "paraphrases" link from the passage to Kennedy's turn, and
   * the row says so without checking again */
  gtk_widget_activate_action (GTK_WIDGET (view), "attribution.accept", NULL);
  g_assert_cmpstr (_sp_attribution_view_get_row_state (view, index), ==, "Linked");
  links = sp_project_list_links (project, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, SP_LINK_PARAPHRASES);
  g_assert_cmpint (link->id, ==, _sp_attribution_view_get_passage (view, index)->link_id);
  g_assert_cmpint (link->source_document_id, ==, report_id);
  g_assert_cmpint (link->target_document_id, ==, transcript_id);
  g_assert_cmpint (link->target_start, <=, best->end);
  g_assert_cmpint (link->target_end, >=, best->start);

  /* The linked candidate wears the badge, and accepting it again is no
   * longer what the view suggests; Reject All stays */
  g_assert_true (_sp_attribution_detail_shows_linked (detail, 0));
  g_assert_cmpuint (passage->candidates->len, >, 1);
  g_assert_false (_sp_attribution_detail_shows_linked (detail, 1));
  g_assert_false (gtk_widget_has_css_class (_sp_attribution_detail_get_accept_button (detail), "suggested-action"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (_sp_attribution_detail_get_accept_button (detail))), ==, "Accepted");
  g_assert_false (gtk_widget_get_sensitive (_sp_attribution_detail_get_accept_button (detail)));
  spin (300);
  save_screenshot (window, "attributions-linked.png");

  /* Another candidate can still be accepted instead */
  sp_attribution_detail_choose (detail, 1);
  g_assert_true (gtk_widget_has_css_class (_sp_attribution_detail_get_accept_button (detail), "suggested-action"));
  g_assert_true (gtk_widget_get_sensitive (_sp_attribution_detail_get_accept_button (detail)));
  sp_attribution_detail_choose (detail, 0);
  spin (500);
  g_assert_cmpuint (finished.n_finished, ==, 1);

  /* Undo runs the check again: the passage is proposed once more */
  sp_undo_manager_undo (sp_project_get_undo_manager (project), &error);
  g_assert_no_error (error);
  finished.expected = 2;
  g_assert_true (wait_for (has_finished, &finished));
  index = find_passage (view, KENNEDY_PASSAGE);
  g_assert_cmpstr (_sp_attribution_view_get_row_state (view, index), ==, "Proposed");
  g_assert_cmpint (_sp_attribution_view_get_passage (view, index)->state, ==, SP_ATTRIBUTION_PROPOSED);

  /* Reject All marks the passage in place, without checking again */
  gtk_widget_activate_action (GTK_WIDGET (view), "attribution.reject-all", NULL);
  g_assert_cmpstr (_sp_attribution_view_get_row_state (view, index), ==, "Rejected");
  g_assert_cmpint (_sp_attribution_view_get_passage (view, index)->state, ==, SP_ATTRIBUTION_REJECTED);
  spin (500);
  g_assert_cmpuint (finished.n_finished, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  sp_project_close (project);
  g_assert_finalize_object (project);
  remove_dir (dir);
}

/* A hidden view (the window's Attributions page before it is opened)
 * ranks nothing; the check runs once it is shown, and a change made
 * meanwhile does not add a second one. */
static void
test_check_waits_until_shown (void)
{
  g_autofree char *dir = NULL;
  SpProject *project = open_sample_project ("sp-attribution-view-XXXXXX", "sample.standpoint", &dir);
  GtkWidget *window = gtk_window_new ();
  SpAttributionView *view = SP_ATTRIBUTION_VIEW (sp_attribution_view_new ());
  Finished finished = { view, 0, 1 };
  g_autoptr(GError) error = NULL;
  gint64 report_id = 0, transcript_id = 0;

  sample_ids (project, &report_id, &transcript_id);
  g_signal_connect (view, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 820);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));

  sp_attribution_view_set_project (view, project);
  g_assert_cmpint (sp_attribution_view_get_report_id (view), ==, report_id);
  g_assert_false (sp_attribution_view_is_busy (view));
  g_assert_true (sp_project_reject_attribution (project, report_id, 10537, 10819, &error));
  g_assert_no_error (error);
  spin (500);
  g_assert_cmpuint (finished.n_finished, ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (has_finished, &finished));
  spin (500);
  g_assert_cmpuint (finished.n_finished, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  sp_project_close (project);
  g_assert_finalize_object (project);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  use_app_style ();

  g_test_add_func ("/Standpoint/ui/attribution/check-accept-undo", test_check_accept_undo);
  g_test_add_func ("/Standpoint/ui/attribution/check-waits-until-shown", test_check_waits_until_shown);

  return g_test_run ();
}
