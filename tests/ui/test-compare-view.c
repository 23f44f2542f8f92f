/* test-compare-view.c: the compare pages on real passages of the sample
 * corpus — the matrix's counts and the passages behind a cell (listed in
 * a worker, each card citing the speaker and time, or the page and
 * paragraph), compare by theme's columns in stance order, the agreement
 * map's agreeing and conflicting themes, the filter with one or several
 * documents, sectors and stances, and following the project's changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "sp-agreement-page.h"
#include "sp-annotations.h"
#include "sp-compare-filter-bar.h"
#include "sp-compare-view.h"
#include "sp-matrix-page.h"
#include "sp-passage-list.h"
#include "sp-project-stakeholders.h"
#include "sp-theme-compare-page.h"
#include "ui-screenshot.h"
#include "test-helpers.h"
#include "ui-test-helpers.h"

#define KENNEDY_LIKE_MINDED "like-mindedness is an American synonym for countries that practice democracy"
#define KENNEDY_LIKE_MINDED_2 "we are in a period of digital neo-mercantilism"
#define PARK_LIKE_MINDED "it is a little bit too abstract for us to keep using this language"
#define LI_LIKE_MINDED "an accurate challenge"
#define MUELLER_MERCANTILISM "subordinate technology to their national political and military ends"
#define KENNEDY_MERCANTILISM "we are in a period of digital neo-mercantilism"
#define MUELLER_SECURITY "We are remilitarising technology"
#define KENNEDY_SECURITY "placing Huawei on the entity list"
#define LI_SECURITY_REPORT "involve national security and ethical concerns"
#define TRANSCRIPT_TITLE "Edited transcript of Webinar | The Geopolitics of Global High-tech Standards: Key issues and debates"
#define REPORT_TITLE "Report | The Geopolitics of Global Technology Standards: Key Issues and Solutions"

typedef struct
{
  SpProject     *project;
  char          *dir;
  gint64         report_id;
  gint64         transcript_id;
  gint64         like_minded;
  gint64         mercantilism;
  gint64         security;
  gint64         park;
  gint64         mueller;
  gint64         kennedy;
  gint64         li;
  gint64         mueller_security_id;
  GtkWidget     *window;
  SpCompareView *view;
  gint64         activated_id;
} Fixture;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
tag_sample_passages (Fixture *fixture)
{
  SpProject *project = fixture->project;
  gint64 t = fixture->transcript_id;

  sp_test_tag_phrase (project, t, LI_LIKE_MINDED, fixture->like_minded, 0, fixture->li, SP_STANCE_OPPOSES);
  sp_test_tag_phrase (project, t, PARK_LIKE_MINDED, fixture->like_minded, 0, fixture->park, SP_STANCE_OPPOSES);
  sp_test_tag_phrase (project, t, KENNEDY_LIKE_MINDED, fixture->like_minded, 0, fixture->kennedy, SP_STANCE_SUPPORTS);
  sp_test_tag_phrase (project, t, MUELLER_MERCANTILISM, fixture->mercantilism, fixture->security, fixture->mueller,
                      SP_STANCE_SUPPORTS);
  sp_test_tag_phrase (project, t, KENNEDY_MERCANTILISM, fixture->mercantilism, 0, fixture->kennedy, SP_STANCE_SUPPORTS);
  fixture->mueller_security_id =
    sp_test_tag_phrase (project, t, MUELLER_SECURITY, fixture->security, 0, fixture->mueller, SP_STANCE_MIXED);
  sp_test_tag_phrase (project, t, KENNEDY_SECURITY, fixture->security, 0, fixture->kennedy, SP_STANCE_MIXED);
  sp_test_tag_phrase (project, fixture->report_id, LI_SECURITY_REPORT, fixture->security, 0, fixture->li,
                      SP_STANCE_NEUTRAL);
}

static void
annotation_activated_cb (SpCompareView *view,
                         gint64         id,
                         Fixture       *fixture)
{
  fixture->activated_id = id;
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  fixture->project = open_sample_project ("sp-compare-view-XXXXXX", "sample.standpoint", &fixture->dir);
  documents = sp_project_list_documents (fixture->project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      if (document->kind == SP_DOCUMENT_KIND_REPORT)
        fixture->report_id = document->id;
      else if (document->kind == SP_DOCUMENT_KIND_TRANSCRIPT)
        fixture->transcript_id = document->id;
    }
  g_assert_cmpint (fixture->report_id, >, 0);
  g_assert_cmpint (fixture->transcript_id, >, 0);

  fixture->like_minded = sp_project_lookup_theme_id (fixture->project, "Like-minded countries", &error);
  fixture->mercantilism = sp_project_lookup_theme_id (fixture->project, "Digital neo-mercantilism", &error);
  fixture->security = sp_project_lookup_theme_id (fixture->project, "National security", &error);
  g_assert_no_error (error);
  fixture->park = sp_test_stakeholder_with_sector (fixture->project, "June Park", "academia");
  fixture->mueller = sp_test_stakeholder_with_sector (fixture->project, "Milton Mueller", "academia");
  fixture->kennedy = sp_test_stakeholder_with_sector (fixture->project, "Scott Kennedy", "civil society");
  fixture->li = sp_test_stakeholder_with_sector (fixture->project, "Thomas Li", "industry");

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1300, 820);
  fixture->view = SP_COMPARE_VIEW (sp_compare_view_new ());
  g_signal_connect (fixture->view, "annotation-activated", G_CALLBACK (annotation_activated_cb), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wait_for_mapped (GTK_WIDGET (fixture->view)));
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (50);
  sp_project_close (fixture->project);
  g_assert_finalize_object (fixture->project);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static SpMatrixPage *
matrix_page (Fixture *fixture)
{
  return SP_MATRIX_PAGE (find_descendant (GTK_WIDGET (fixture->view), SP_TYPE_MATRIX_PAGE));
}

/* The text of the matrix cell of a stakeholder and a theme; NULL when
 * the stakeholder has no row. */
static char *
matrix_cell_text (Fixture *fixture,
                  gint64   stakeholder_id,
                  gint64   theme_id)
{
  SpMatrixPage *page = matrix_page (fixture);
  guint row, column;

  if (!sp_matrix_page_find_cell (page, stakeholder_id, theme_id, &row, &column))
    return NULL;
  return sp_heat_grid_dup_cell_text (sp_matrix_page_get_grid (page), row, column);
}

/* The quotes of a passage list as "quote|quote|" */
static char *
passage_quotes (SpPassageList *list)
{
  GString *quotes = g_string_new (NULL);

  for (guint i = 0; i < sp_passage_list_get_n_passages (list); i++)
    {
      const SpAnnotationInfo *info = sp_passage_list_get_passage (list, i);

      g_string_append_printf (quotes, "%s|", info->quote);
    }
  return g_string_free (quotes, FALSE);
}

/* Presses @keyval on @widget through its key controller, as a key press
 * with the focus there would. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static gboolean
status_page_shown (gpointer data)
{
  GtkWidget *status = find_descendant (GTK_WIDGET (data), ADW_TYPE_STATUS_PAGE);

  /* The first status page is the empty state */
  return status != NULL && gtk_widget_get_mapped (status);
}

static gboolean
matrix_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (matrix_page (data)));
}

typedef struct
{
  Fixture    *fixture;
  gint64      stakeholder_id;
  gint64      theme_id;
  const char *text;
} CellWait;

static gboolean
cell_has_text (gpointer data)
{
  CellWait *wait = data;
  g_autofree char *text = matrix_cell_text (wait->fixture, wait->stakeholder_id, wait->theme_id);

  return g_strcmp0 (text, wait->text) == 0;
}

static gboolean
cell_passages_listed (gpointer data)
{
  return !sp_matrix_page_get_busy (SP_MATRIX_PAGE (data));
}

static gboolean
theme_columns_computed (gpointer data)
{
  return !sp_theme_compare_page_get_busy (SP_THEME_COMPARE_PAGE (data));
}

static void
test_empty_then_follows_changes (void)
{
  Fixture fixture = { 0 };
  CellWait wait;
  g_autofree char *text = NULL;

  fixture_set_up (&fixture);
  sp_compare_view_set_project (fixture.view, fixture.project);
  /* No annotations yet: the empty state says what to do */
  g_assert_true (wait_for (status_page_shown, fixture.view));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (fixture.view),
                                                                                 ADW_TYPE_STATUS_PAGE))),
                   ==, "Nothing to Compare Yet");

  /* Tagging arrives through ::changed, debounced */
  tag_sample_passages (&fixture);
  g_assert_true (wait_for (matrix_shown, &fixture));
  wait = (CellWait) { &fixture, fixture.mueller, fixture.security, "2" };
  g_assert_true (wait_for (cell_has_text, &wait));

  /* Another passage of Kennedy's on like-minded countries counts at once */
  text = matrix_cell_text (&fixture, fixture.kennedy, fixture.like_minded);
  g_assert_cmpstr (text, ==, "1");
  sp_test_tag_phrase (fixture.project, fixture.transcript_id, "I've been a fan of the work of scholars there",
                      fixture.like_minded, 0, fixture.kennedy, SP_STANCE_SUPPORTS);
  wait = (CellWait) { &fixture, fixture.kennedy, fixture.like_minded, "2" };
  g_assert_true (wait_for (cell_has_text, &wait));

  fixture_tear_down (&fixture);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The column names, written upwards, fit their heading: it grows with
 * the longest name, up to 300 pixels beyond which names are ellipsized */
static void
test_heat_grid_heading (void)
{
  const char *rows[] = { "Milton Mueller", NULL };
  const char *short_columns[] = { "Trade", "Security", NULL };
  const char *sample_columns[] = { "Trade", "Export control and standards participation", NULL };
  const char *long_columns[] = { "Trade", "A theme whose name goes on and on, far longer than any heading could hold", NULL };
  GtkWidget *grid = g_object_ref_sink (sp_heat_grid_new ());
  int longest = text_width (grid, sample_columns[1]);
  int natural;

  sp_heat_grid_set_data (SP_HEAT_GRID (grid), rows, short_columns, NULL, NULL, NULL);
  g_assert_cmpint (sp_heat_grid_get_column_heading_height (SP_HEAT_GRID (grid)), <, longest);

  sp_heat_grid_set_data (SP_HEAT_GRID (grid), rows, sample_columns, NULL, NULL, NULL);
  /* The old fixed 140 pixels cut this one off */
  g_assert_cmpint (longest, >, 140);
  g_assert_cmpint (sp_heat_grid_get_column_heading_height (SP_HEAT_GRID (grid)), >=, longest);
  g_assert_cmpint (sp_heat_grid_get_column_heading_height (SP_HEAT_GRID (grid)), <=, 300);
  /* The grid asks for the heading and its one row */
  gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, longest);

  sp_heat_grid_set_data (SP_HEAT_GRID (grid), rows, long_columns, NULL, NULL, NULL);
  g_assert_cmpint (text_width (grid, long_columns[1]), >, 300);
  g_assert_cmpint (sp_heat_grid_get_column_heading_height (SP_HEAT_GRID (grid)), ==, 300);
  g_object_unref (grid);
}

static void
test_matrix (void)
{
  Fixture fixture = { 0 };
  SpMatrixPage *page;
  SpHeatGrid *grid;
  SpPassageList *passages;
  g_autofree char *quotes = NULL;
  g_autofree char *description = NULL;
  g_autofree char *empty = NULL;
  guint row, column;

  fixture_set_up (&fixture);
  tag_sample_passages (&fixture);
  sp_compare_view_set_project (fixture.view, fixture.project);
  g_assert_cmpstr (sp_compare_view_get_page (fixture.view), ==, SP_COMPARE_PAGE_MATRIX);
  g_assert_true (wait_for (matrix_shown, &fixture));

  page = matrix_page (&fixture);
  grid = sp_matrix_page_get_grid (page);
  passages = sp_matrix_page_get_passages (page);
  /* Kennedy, Li, Mueller, Park (Li's in the report), by name */
  g_assert_cmpuint (sp_heat_grid_get_n_rows (grid), ==, 4);
  g_assert_cmpuint (sp_heat_grid_get_n_columns (grid), ==, 12);

  /* Nothing chosen yet: the hint alone, no "No passages in this cell" */
  g_assert_false (gtk_widget_get_visible (find_descendant (GTK_WIDGET (passages), GTK_TYPE_LIST_BOX)));

  g_assert_true (sp_matrix_page_find_cell (page, fixture.mueller, fixture.security, &row, &column));
  g_autofree char *count = sp_heat_grid_dup_cell_text (grid, row, column);
  g_assert_cmpstr (count, ==, "2");
  description = sp_heat_grid_dup_cell_description (grid, row, column);
  g_assert_cmpstr (description, ==, "Milton Mueller on National security: 2 passages (Supports: 1, Mixed: 1)");
  g_assert_true (sp_matrix_page_find_cell (page, fixture.mueller, fixture.like_minded, &row, &column));
  empty = sp_heat_grid_dup_cell_text (grid, row, column);
  g_assert_cmpstr (empty, ==, "");

  /* Activating the cell lists exactly its passages, in reading order */
  g_assert_true (sp_matrix_page_find_cell (page, fixture.mueller, fixture.security, &row, &column));
  sp_heat_grid_activate_cell (grid, row, column);
  /* A worker lists them: until then the list keeps what it showed */
  g_assert_true (sp_matrix_page_get_busy (page));
  g_assert_cmpuint (sp_passage_list_get_n_passages (passages), ==, 0);
  g_assert_true (wait_for (cell_passages_listed, page));
  quotes = passage_quotes (passages);
  g_assert_cmpstr (quotes, ==, MUELLER_MERCANTILISM "|" MUELLER_SECURITY "|");
  /* Each card cites the turn: speaker, time and paragraph */
  g_assert_cmpstr (sp_passage_list_get_source (passages, 0), ==, "Milton Mueller, 06:03, ¶ 18 · " TRANSCRIPT_TITLE);
  g_assert_cmpstr (sp_passage_list_get_source (passages, 1), ==, "Milton Mueller, 1:14:43, ¶ 93 · " TRANSCRIPT_TITLE);

  /* Activating a passage asks the window to open it */
  sp_passage_list_activate (passages, 1);
  g_assert_cmpint (fixture.activated_id, ==, fixture.mueller_security_id);

  /* From the keyboard: Down to Kennedy's row (Mueller, then Kennedy, by
   * name), Enter lists his passage on national security */
  g_assert_true (press_key (GTK_WIDGET (grid), GDK_KEY_Down));
  g_assert_true (sp_heat_grid_get_cursor (grid, &row, &column));
  g_assert_true (sp_matrix_page_find_cell (page, fixture.kennedy, fixture.security, &row, &column));
  {
    guint cursor_row, cursor_column;

    sp_heat_grid_get_cursor (grid, &cursor_row, &cursor_column);
    g_assert_cmpuint (cursor_row, ==, row);
    g_assert_cmpuint (cursor_column, ==, column);
  }
  g_assert_true (press_key (GTK_WIDGET (grid), GDK_KEY_Return));
  /* Mueller's passages stay in view until Kennedy's are ready */
  g_clear_pointer (&quotes, g_free);
  quotes = passage_quotes (passages);
  g_assert_cmpstr (quotes, ==, MUELLER_MERCANTILISM "|" MUELLER_SECURITY "|");
  g_assert_true (wait_for (cell_passages_listed, page));
  g_clear_pointer (&quotes, g_free);
  quotes = passage_quotes (passages);
  g_assert_cmpstr (quotes, ==, KENNEDY_SECURITY "|");
  g_assert_cmpstr (sp_passage_list_get_source (passages, 0), ==, "Scott Kennedy, 48:20, ¶ 66 · " TRANSCRIPT_TITLE);
  /* Tab leaves the grid */
  g_assert_false (press_key (GTK_WIDGET (grid), GDK_KEY_Tab));

  spin (300);
  save_screenshot (fixture.window, "compare-matrix.png");
  fixture_tear_down (&fixture);
}

static void
test_filter (void)
{
  Fixture fixture = { 0 };
  SpCompareFilterBar *bar;
  CellWait wait;
  g_autofree char *kennedy = NULL;
  g_autofree char *park = NULL;
  g_autofree char *li = NULL;
  g_autofree char *mueller = NULL;

  fixture_set_up (&fixture);
  tag_sample_passages (&fixture);
  sp_compare_view_set_project (fixture.view, fixture.project);
  g_assert_true (wait_for (matrix_shown, &fixture));
  bar = SP_COMPARE_FILTER_BAR (find_descendant (GTK_WIDGET (fixture.view), SP_TYPE_COMPARE_FILTER_BAR));

  /* Only opposing passages: Kennedy (supports) leaves, Park stays */
  sp_compare_filter_bar_select_stance (bar, SP_STANCE_OPPOSES);
  wait = (CellWait) { &fixture, fixture.kennedy, fixture.like_minded, NULL };
  g_assert_true (wait_for (cell_has_text, &wait));
  park = matrix_cell_text (&fixture, fixture.park, fixture.like_minded);
  g_assert_cmpstr (park, ==, "1");
  /* Li stays for his opposing passage, without his neutral one */
  li = matrix_cell_text (&fixture, fixture.li, fixture.security);
  g_assert_cmpstr (li, ==, "");

  /* Only the report: Li's passage there, and no one from the webinar */
  sp_compare_filter_bar_select_stance (bar, SP_STANCE_NONE);
  sp_compare_filter_bar_select_document (bar, fixture.report_id);
  wait = (CellWait) { &fixture, fixture.li, fixture.like_minded, "" };
  g_assert_true (wait_for (cell_has_text, &wait));
  g_clear_pointer (&li, g_free);
  li = matrix_cell_text (&fixture, fixture.li, fixture.security);
  g_assert_cmpstr (li, ==, "1");
  mueller = matrix_cell_text (&fixture, fixture.mueller, fixture.security);
  g_assert_null (mueller);
  kennedy = matrix_cell_text (&fixture, fixture.kennedy, fixture.security);
  g_assert_null (kennedy);

  /* Back to every document */
  sp_compare_filter_bar_select_document (bar, 0);
  wait = (CellWait) { &fixture, fixture.mueller, fixture.security, "2" };
  g_assert_true (wait_for (cell_has_text, &wait));
  g_clear_pointer (&park, g_free);
  park = matrix_cell_text (&fixture, fixture.park, fixture.like_minded);
  g_assert_cmpstr (park, ==, "1");
  fixture_tear_down (&fixture);
}

static void
assert_cell (Fixture    *fixture,
             gint64      stakeholder_id,
             gint64      theme_id,
             const char *expected)
{
  g_autofree char *text = matrix_cell_text (fixture, stakeholder_id, theme_id);

  g_assert_cmpstr (text, ==, expected);
}

/* Several documents, sectors and stances at once, chosen as the check
 * buttons of the filter's popovers choose them */
static void
test_multi_filter (void)
{
  Fixture fixture = { 0 };
  SpCompareFilterBar *bar;
  GtkMenuButton *sectors_button;
  CellWait wait;
  g_autoptr(SpCompareFilter) filter = NULL;

  fixture_set_up (&fixture);
  tag_sample_passages (&fixture);
  sp_compare_view_set_project (fixture.view, fixture.project);
  g_assert_true (wait_for (matrix_shown, &fixture));
  wait = (CellWait) { &fixture, fixture.mueller, fixture.security, "2" };
  g_assert_true (wait_for (cell_has_text, &wait));
  bar = SP_COMPARE_FILTER_BAR (find_descendant (GTK_WIDGET (fixture.view), SP_TYPE_COMPARE_FILTER_BAR));
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_DOCUMENTS), ==, "All documents");
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_SECTORS), ==, "All sectors");
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_STANCES), ==, "Any stance");

  /* Opposing or mixed passages: Kennedy keeps his mixed one on national
   * security only, Mueller his mixed one, Li his opposing one */
  sp_compare_filter_bar_set_stance_chosen (bar, SP_STANCE_OPPOSES, TRUE);
  sp_compare_filter_bar_set_stance_chosen (bar, SP_STANCE_MIXED, TRUE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_STANCES), ==, "Opposes, Mixed");
  wait = (CellWait) { &fixture, fixture.kennedy, fixture.like_minded, "" };
  g_assert_true (wait_for (cell_has_text, &wait));
  assert_cell (&fixture, fixture.kennedy, fixture.security, "1");
  assert_cell (&fixture, fixture.mueller, fixture.security, "1");
  assert_cell (&fixture, fixture.mueller, fixture.mercantilism, "");
  assert_cell (&fixture, fixture.li, fixture.like_minded, "1");
  assert_cell (&fixture, fixture.li, fixture.security, "");
  assert_cell (&fixture, fixture.park, fixture.like_minded, "1");

  /* A third stance: Li's neutral passage in the report comes back */
  sp_compare_filter_bar_set_stance_chosen (bar, SP_STANCE_NEUTRAL, TRUE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_STANCES), ==, "3 stances");
  wait = (CellWait) { &fixture, fixture.li, fixture.security, "1" };
  g_assert_true (wait_for (cell_has_text, &wait));
  assert_cell (&fixture, fixture.mueller, fixture.security, "1");

  /* "Any stance" again */
  sp_compare_filter_bar_select_stance (bar, SP_STANCE_NONE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_STANCES), ==, "Any stance");
  wait = (CellWait) { &fixture, fixture.mueller, fixture.security, "2" };
  g_assert_true (wait_for (cell_has_text, &wait));

  /* Academia and industry: Kennedy (civil society) leaves */
  sp_compare_filter_bar_set_sector_chosen (bar, "academia", TRUE);
  sp_compare_filter_bar_set_sector_chosen (bar, "industry", TRUE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_SECTORS), ==, "academia, industry");
  wait = (CellWait) { &fixture, fixture.kennedy, fixture.like_minded, NULL };
  g_assert_true (wait_for (cell_has_text, &wait));
  assert_cell (&fixture, fixture.mueller, fixture.security, "2");
  assert_cell (&fixture, fixture.li, fixture.security, "1");
  assert_cell (&fixture, fixture.park, fixture.like_minded, "1");

  /* And only the report: Li alone */
  sp_compare_filter_bar_set_document_chosen (bar, fixture.report_id, TRUE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_DOCUMENTS), ==, REPORT_TITLE);
  wait = (CellWait) { &fixture, fixture.mueller, fixture.security, NULL };
  g_assert_true (wait_for (cell_has_text, &wait));
  assert_cell (&fixture, fixture.li, fixture.security, "1");
  assert_cell (&fixture, fixture.park, fixture.like_minded, NULL);
  g_assert_cmpuint (sp_heat_grid_get_n_rows (sp_matrix_page_get_grid (matrix_page (&fixture))), ==, 1);

  /* Both documents: the webinar's academics return */
  sp_compare_filter_bar_set_document_chosen (bar, fixture.transcript_id, TRUE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_DOCUMENTS), ==, "2 documents");
  wait = (CellWait) { &fixture, fixture.mueller, fixture.security, "2" };
  g_assert_true (wait_for (cell_has_text, &wait));
  filter = sp_compare_filter_bar_dup_filter (bar);
  g_assert_cmpuint (filter->document_ids->len, ==, 2);
  g_assert_cmpuint (g_strv_length (filter->sectors), ==, 2);
  g_assert_cmpuint (filter->stances, ==, 0);
  g_assert_cmpuint (sp_heat_grid_get_n_rows (sp_matrix_page_get_grid (matrix_page (&fixture))), ==, 3);

  /* The popover is reachable from the keyboard */
  sectors_button = sp_compare_filter_bar_get_button (bar, SP_COMPARE_FILTER_SECTORS);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (sectors_button)));
  gtk_menu_button_popup (sectors_button);
  g_assert_true (wait_for_mapped (GTK_WIDGET (gtk_menu_button_get_popover (sectors_button))));
  spin (300);
  save_screenshot (fixture.window, "compare-filter.png");
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (sectors_button)), "compare-filter-popover.png");
  gtk_menu_button_popdown (sectors_button);

  /* Taking out the last sector means every sector again */
  sp_compare_filter_bar_set_sector_chosen (bar, "academia", FALSE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_SECTORS), ==, "industry");
  sp_compare_filter_bar_set_sector_chosen (bar, "industry", FALSE);
  g_assert_cmpstr (sp_compare_filter_bar_get_label (bar, SP_COMPARE_FILTER_SECTORS), ==, "All sectors");
  wait = (CellWait) { &fixture, fixture.kennedy, fixture.like_minded, "1" };
  g_assert_true (wait_for (cell_has_text, &wait));
  g_clear_pointer (&filter, sp_compare_filter_free);
  filter = sp_compare_filter_bar_dup_filter (bar);
  g_assert_null (filter->sectors);
  fixture_tear_down (&fixture);
}

/* The columns' stakeholders as "name:quote|quote|;" */
static char *
theme_columns (SpThemeComparePage *page)
{
  GString *out = g_string_new (NULL);
  GtkWidget *columns = sp_theme_compare_page_get_columns (page);

  for (GtkWidget *column = gtk_widget_get_first_child (columns); column != NULL;
       column = gtk_widget_get_next_sibling (column))
    {
      GtkWidget *title = gtk_widget_get_first_child (column);
      g_autofree char *quotes = passage_quotes (SP_PASSAGE_LIST (find_descendant (column, SP_TYPE_PASSAGE_LIST)));

      g_assert_true (gtk_widget_has_css_class (column, "sp-theme-column"));
      g_assert_true (gtk_widget_has_css_class (title, "sp-theme-column-title"));
      g_string_append_printf (out, "%s:%s;", gtk_label_get_text (GTK_LABEL (title)), quotes);
    }
  return g_string_free (out, FALSE);
}

static void
test_theme (void)
{
  Fixture fixture = { 0 };
  SpThemeComparePage *page;
  g_autofree char *like_minded = NULL;
  g_autofree char *security = NULL;

  fixture_set_up (&fixture);
  tag_sample_passages (&fixture);
  sp_compare_view_set_project (fixture.view, fixture.project);
  sp_compare_view_show_theme (fixture.view, fixture.like_minded);
  g_assert_cmpstr (sp_compare_view_get_page (fixture.view), ==, SP_COMPARE_PAGE_THEME);
  page = SP_THEME_COMPARE_PAGE (find_descendant (GTK_WIDGET (fixture.view), SP_TYPE_THEME_COMPARE_PAGE));
  g_assert_true (wait_for_mapped (GTK_WIDGET (page)));
  g_assert_cmpint (sp_theme_compare_page_get_theme (page), ==, fixture.like_minded);
  g_assert_true (wait_for (theme_columns_computed, page));

  /* Supporters first, opponents last, then by name */
  like_minded = theme_columns (page);
  g_assert_cmpstr (like_minded, ==,
                   "Scott Kennedy:" KENNEDY_LIKE_MINDED "|;"
                   "June Park:" PARK_LIKE_MINDED "|;"
                   "Thomas Li:" LI_LIKE_MINDED "|;");

  spin (300);
  save_screenshot (fixture.window, "compare-theme.png");

  /* Supports, then mixed, then neutral; computed in a worker, while the
   * columns of the theme before stay in view */
  sp_compare_view_show_theme (fixture.view, fixture.security);
  g_assert_true (sp_theme_compare_page_get_busy (page));
  security = theme_columns (page);
  g_assert_cmpstr (security, ==, like_minded);
  g_clear_pointer (&security, g_free);
  g_assert_true (wait_for (theme_columns_computed, page));
  security = theme_columns (page);
  g_assert_cmpstr (security, ==,
                   "Milton Mueller:" MUELLER_MERCANTILISM "|" MUELLER_SECURITY "|;"
                   "Scott Kennedy:" KENNEDY_SECURITY "|;"
                   "Thomas Li:" LI_SECURITY_REPORT "|;");
  /* Mueller supports once and is mixed once: a tie reads "Mixed", not
   * whichever stance ranks first */
  {
    GtkWidget *mueller_column = gtk_widget_get_first_child (sp_theme_compare_page_get_columns (page));
    GtkWidget *summary = gtk_widget_get_next_sibling (gtk_widget_get_first_child (mueller_column));
    GtkWidget *badge = gtk_widget_get_first_child (summary);

    g_assert_true (gtk_widget_has_css_class (badge, "sp-stance-badge"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Mixed");
    /* Li's one neutral passage is no tie */
    GtkWidget *li_column = gtk_widget_get_last_child (sp_theme_compare_page_get_columns (page));

    badge = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (li_column)));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Neutral");
  }
  /* A report's passage is cited by page and paragraph */
  {
    GtkWidget *li_column = gtk_widget_get_last_child (sp_theme_compare_page_get_columns (page));
    SpPassageList *li = SP_PASSAGE_LIST (find_descendant (li_column, SP_TYPE_PASSAGE_LIST));

    g_assert_cmpstr (sp_passage_list_get_source (li, 0), ==, "p. 5, ¶ 12 · " REPORT_TITLE);
  }
  spin (300);
  save_screenshot (fixture.window, "compare-theme-security.png");
  fixture_tear_down (&fixture);
}

/* The pair's theme headings as "heading;heading;" */
static char *
pair_headings (SpAgreementPage *page)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (sp_agreement_page_get_details (page));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "sp-agreement-agree") ||
        gtk_widget_has_css_class (child, "sp-agreement-conflict"))
      g_string_append_printf (out, "%s;", gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (out, FALSE);
}

static gboolean
pair_passages_listed (gpointer data)
{
  return !sp_agreement_page_get_busy (SP_AGREEMENT_PAGE (data));
}

static void
activate_pair (SpAgreementPage *page,
               gint64           a,
               gint64           b)
{
  guint row, column;

  g_assert_true (sp_agreement_page_find_stakeholder (page, a, &row));
  g_assert_true (sp_agreement_page_find_stakeholder (page, b, &column));
  sp_heat_grid_activate_cell (sp_agreement_page_get_grid (page), row, column);
  g_assert_true (wait_for (pair_passages_listed, page));
}

static void
test_agreement (void)
{
  Fixture fixture = { 0 };
  SpAgreementPage *page;
  SpPassageList *first_list;
  g_autofree char *kennedy_mueller = NULL;
  g_autofree char *kennedy_li = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *quotes = NULL;
  guint row, column;

  fixture_set_up (&fixture);
  tag_sample_passages (&fixture);
  sp_compare_view_set_project (fixture.view, fixture.project);
  sp_compare_view_set_page (fixture.view, SP_COMPARE_PAGE_AGREEMENT);
  page = SP_AGREEMENT_PAGE (find_descendant (GTK_WIDGET (fixture.view), SP_TYPE_AGREEMENT_PAGE));
  g_assert_true (wait_for_mapped (GTK_WIDGET (page)));

  /* The keyboard starts on the first pair of two, not on a stakeholder
   * against themselves */
  g_assert_true (sp_heat_grid_get_cursor (sp_agreement_page_get_grid (page), &row, &column));
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (column, ==, 1);

  g_assert_true (sp_agreement_page_find_stakeholder (page, fixture.kennedy, &row));
  g_assert_true (sp_agreement_page_find_stakeholder (page, fixture.mueller, &column));
  cell = sp_heat_grid_dup_cell_text (sp_agreement_page_get_grid (page), row, column);
  g_assert_cmpstr (cell, ==, "2 / 0");

  activate_pair (page, fixture.kennedy, fixture.mueller);
  kennedy_mueller = pair_headings (page);
  g_assert_cmpstr (kennedy_mueller, ==,
                   "Agree on “Digital neo-mercantilism”;Agree on “National security”;");
  /* Both sides' passages on the first theme, in reading order */
  first_list = SP_PASSAGE_LIST (find_descendant (sp_agreement_page_get_details (page), SP_TYPE_PASSAGE_LIST));
  quotes = passage_quotes (first_list);
  g_assert_cmpstr (quotes, ==, MUELLER_MERCANTILISM "|" KENNEDY_MERCANTILISM "|");
  /* Both are speakers' turns: each named once, with the time */
  g_assert_cmpstr (sp_passage_list_get_source (first_list, 0), ==, "Milton Mueller, 06:03, ¶ 18 · " TRANSCRIPT_TITLE);
  g_assert_cmpstr (sp_passage_list_get_source (first_list, 1), ==, "Scott Kennedy, 48:20, ¶ 66 · " TRANSCRIPT_TITLE);

  activate_pair (page, fixture.kennedy, fixture.li);
  kennedy_li = pair_headings (page);
  g_assert_cmpstr (kennedy_li, ==, "Conflict on “Like-minded countries”;");

  spin (300);
  save_screenshot (fixture.window, "compare-agreement.png");
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  use_app_style ();

  g_test_add_func ("/Standpoint/ui/compare/empty-then-follows-changes", test_empty_then_follows_changes);
  g_test_add_func ("/Standpoint/ui/compare/heat-grid-heading", test_heat_grid_heading);
  g_test_add_func ("/Standpoint/ui/compare/matrix", test_matrix);
  g_test_add_func ("/Standpoint/ui/compare/filter", test_filter);
  g_test_add_func ("/Standpoint/ui/compare/multi-filter", test_multi_filter);
  g_test_add_func ("/Standpoint/ui/compare/theme", test_theme);
  g_test_add_func ("/Standpoint/ui/compare/agreement", test_agreement);

  return g_test_run ();
}
