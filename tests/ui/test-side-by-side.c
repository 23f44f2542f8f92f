/* test-side-by-side.c: two documents side by side — the default pair,
 * linking a report passage to the transcript turn it paraphrases, markers
 * in both panes, following the link both ways, undo and redo; tagging in
 * the right pane; the pair and the divider remembered per project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-links.h"
#include "sp-project-themes.h"
#include "sp-window.h"
#include "ui-test-helpers.h"

#define REPORT_PASSAGE "As Kennedy observes, competition over international standards used to centre on " \
                       "economic interests (in his words, “the main contest was about rents”), but the " \
                       "current US-China rivalry has changed the situation, as other interests including " \
                       "national security are being squeezed in."
#define TRANSCRIPT_PASSAGE "the standards world when I first started paying attention 20 years ago, " \
                           "25 years ago, the main contest was about rents."

typedef struct
{
  char      *dir;
  char      *path;
  SpProject *project;
  SpWindow  *window;
  gint64     report_id;
  gint64     transcript_id;
} Fixture;

static gint64
first_document_of_kind (SpProject      *project,
                        SpDocumentKind  kind)
{
  g_autoptr(GPtrArray) documents = sp_project_list_documents (project, NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);

      if (info->kind == kind)
        return info->id;
    }

  return 0;
}

static void
fixture_open (Fixture    *fixture,
              const char *name)
{
  fixture->project = open_sample_project ("standpoint-side-by-side-XXXXXX", name, &fixture->dir);
  fixture->path = g_strdup (sp_project_get_path (fixture->project));
  fixture->report_id = first_document_of_kind (fixture->project, SP_DOCUMENT_KIND_REPORT);
  fixture->transcript_id = first_document_of_kind (fixture->project, SP_DOCUMENT_KIND_TRANSCRIPT);
  g_assert_cmpint (fixture->report_id, !=, 0);
  g_assert_cmpint (fixture->transcript_id, !=, 0);
  fixture->window = present_window (fixture->project, 1400);
}

/* Closes the window and the project, and opens both again */
static void
fixture_reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sp_project_close (fixture->project);
  g_clear_object (&fixture->project);
  spin (50);

  fixture->project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->window = present_window (fixture->project, 1400);
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sp_project_close (fixture->project);
  g_clear_object (&fixture->project);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static const char *
document_title (SpProject *project,
                gint64     document_id)
{
  static char *title;
  g_autoptr(SpDocumentInfo) info = sp_project_get_document (project, document_id, NULL);

  g_assert_nonnull (info);
  g_free (title);
  title = g_strdup (info->title);
  return title;
}

static GtkTextTag *
lookup_tag (SpDocumentView *view,
            const char     *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (sp_document_view_get_buffer (view));

  return gtk_text_tag_table_lookup (table, name);
}

static gboolean
has_tag_at (SpDocumentView *view,
            const char     *name,
            int             offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (sp_document_view_get_buffer (view), &iter, offset);
  return gtk_text_iter_has_tag (&iter, lookup_tag (view, name));
}

/* Tag @name covers exactly [start, end) */
static void
assert_tag_exactly (SpDocumentView *view,
                    const char     *name,
                    int             start,
                    int             end)
{
  for (int offset = start; offset < end; offset++)
    g_assert_true (has_tag_at (view, name, offset));
  g_assert_false (has_tag_at (view, name, start - 1));
  g_assert_false (has_tag_at (view, name, end));
}

static void
assert_tag_absent (SpDocumentView *view,
                   const char     *name,
                   int             start,
                   int             end)
{
  for (int offset = start; offset < end; offset++)
    g_assert_false (has_tag_at (view, name, offset));
}

static int
line_of (SpDocumentView *view,
         int             offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (sp_document_view_get_buffer (view), &iter, offset);
  return gtk_text_iter_get_line (&iter);
}

/* Finds @passage in @view: its range in characters */
static void
find_passage (SpDocumentView *view,
              const char     *passage,
              int            *start,
              int            *end)
{
  *start = find_text (sp_document_view_get_buffer (view), passage, 0);
  g_assert_cmpint (*start, >=, 0);
  *end = *start + (int) g_utf8_strlen (passage, -1);
}

static GPtrArray *
list_links (SpProject *project)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *links = sp_project_list_links (project, 0, &error);

  g_assert_no_error (error);
  return links;
}

static const SpLinkMarker *
only_marker (SpDocumentView *view)
{
  GPtrArray *markers = sp_document_view_get_link_markers (view);

  g_assert_nonnull (markers);
  g_assert_cmpuint (markers->len, ==, 1);
  return g_ptr_array_index (markers, 0);
}

/* The keyboard focus is in @view's text */
static void
assert_focus_in_text (SpWindow       *window,
                      SpDocumentView *view)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *text = GTK_WIDGET (sp_document_view_get_source_view (view));

  g_assert_nonnull (focus);
  g_assert_true (focus == text || gtk_widget_is_ancestor (focus, text));
}

typedef struct
{
  SpDocumentView *view;
  int             line;
} IconCheck;

static gboolean
icon_is_drawn (gpointer data)
{
  IconCheck *check = data;

  return sp_document_view_get_link_icon_y (check->view, check->line, NULL);
}

/* The margin's link icon for the passage at @start is drawn level with
 * the display line where the passage starts, which for a passage in the
 * middle of a paragraph is below the paragraph's first display line */
static void
assert_icon_level_with_passage (SpDocumentView *view,
                                int             start,
                                gboolean        mid_paragraph)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (sp_document_view_get_source_view (view));
  IconCheck check = { view, line_of (view, start) };
  GtkTextIter iter, line_start;
  GdkRectangle location;
  int icon_y = -1, line_top;

  gtk_widget_queue_draw (sp_document_view_get_link_gutter (view));
  g_assert_true (wait_for (icon_is_drawn, &check));
  g_assert_true (sp_document_view_get_link_icon_y (view, check.line, &icon_y));

  gtk_text_buffer_get_iter_at_offset (sp_document_view_get_buffer (view), &iter, start);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  line_start = iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  gtk_text_view_get_line_yrange (text_view, &line_start, &line_top, NULL);

  g_assert_cmpint (icon_y, ==, location.y);
  if (mid_paragraph)
    g_assert_cmpint (location.y, >, line_top);
}

typedef struct
{
  SpDocumentView *view;
  int             offset;
} VisibleCheck;

static gboolean
offset_is_visible (gpointer data)
{
  VisibleCheck *check = data;
  GtkTextView *text_view = GTK_TEXT_VIEW (sp_document_view_get_source_view (check->view));
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (sp_document_view_get_buffer (check->view), &iter, check->offset);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* The cursor of @view at @start, on screen, and the flash over exactly
 * [start, end) with nothing selected */
static void
assert_landed (SpDocumentView *view,
               int             start,
               int             end)
{
  VisibleCheck check = { view, start };

  g_assert_cmpint (sp_document_view_get_cursor_offset (view), ==, start);
  g_assert_false (sp_document_view_get_selection (view, NULL, NULL));
  assert_tag_exactly (view, SP_TAG_FLASH, start, end);
  g_assert_true (wait_for (offset_is_visible, &check));
}

static void
test_link_and_follow (void)
{
  Fixture fixture = { 0, };
  SpDocumentView *left, *right;
  SpLinkPopover *popover;
  g_autoptr(GPtrArray) links = NULL;
  SpLinkInfo *link;
  const SpLinkMarker *marker;
  int report_start, report_end, transcript_start, transcript_end;

  fixture_open (&fixture, "Links.standpoint");
  left = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT);
  right = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT);

  /* The default pair: the report on the left, the transcript on the right */
  g_assert_false (sp_window_get_side_by_side (fixture.window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (right)) && gtk_widget_get_mapped (GTK_WIDGET (right)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.side-by-side", NULL));
  g_assert_true (sp_window_get_side_by_side (fixture.window));
  g_assert_true (wait_for_mapped (GTK_WIDGET (right)));
  /* The reader goes on in the active pane's text, not on the toggle */
  assert_focus_in_text (fixture.window, sp_window_get_pane_view (fixture.window, sp_window_get_active_pane (fixture.window)));
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);
  g_assert_cmpint (sp_document_view_get_document_id (right), ==, fixture.transcript_id);
  g_assert_cmpstr (sp_document_view_get_title (left), ==, document_title (fixture.project, fixture.report_id));
  g_assert_cmpstr (sp_document_view_get_title (right), ==, document_title (fixture.project, fixture.transcript_id));

  /* Linking needs a passage on each side */
  find_passage (left, REPORT_PASSAGE, &report_start, &report_end);
  find_passage (right, TRANSCRIPT_PASSAGE, &transcript_start, &transcript_end);
  g_assert_cmpstr (sp_document_view_get_turn_at (right, transcript_start)->stakeholder, ==, "Scott Kennedy");

  popover = sp_window_get_link_popover (fixture.window);
  sp_window_focus_pane (fixture.window, SP_WINDOW_PANE_LEFT);
  sp_document_view_select_range (left, report_start, report_end);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.link-passages", NULL);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpuint (list_links (fixture.project)->len, ==, 0);

  sp_document_view_select_range (right, transcript_start, transcript_end);
  sp_window_focus_pane (fixture.window, SP_WINDOW_PANE_LEFT);
  g_assert_cmpint (sp_window_get_active_pane (fixture.window), ==, SP_WINDOW_PANE_LEFT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.link-passages", NULL));
  g_assert_true (wait_for (is_mapped, popover));
  g_assert_false (sp_link_popover_get_swapped (popover));
  sp_link_popover_choose (popover, SP_LINK_PARAPHRASES);

  /* The link: from the report (the active pane) to the transcript */
  links = list_links (fixture.project);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, SP_LINK_PARAPHRASES);
  g_assert_cmpint (link->source_document_id, ==, fixture.report_id);
  g_assert_cmpint (link->source_start, ==, report_start);
  g_assert_cmpint (link->source_end, ==, report_end);
  g_assert_cmpint (link->target_document_id, ==, fixture.transcript_id);
  g_assert_cmpint (link->target_start, ==, transcript_start);
  g_assert_cmpint (link->target_end, ==, transcript_end);

  /* Markers in both panes: the passage underlined, an icon on its line,
   * a tooltip naming the kind and the other end */
  assert_tag_exactly (left, SP_TAG_LINKED, report_start, report_end);
  assert_tag_exactly (right, SP_TAG_LINKED, transcript_start, transcript_end);
  g_assert_true (sp_document_view_has_link_marker_on_line (left, line_of (left, report_start)));
  g_assert_true (sp_document_view_has_link_marker_on_line (right, line_of (right, transcript_start)));
  g_assert_false (sp_document_view_has_link_marker_on_line (right, line_of (right, transcript_start) + 1));
  g_assert_true (gtk_widget_get_visible (sp_document_view_get_link_gutter (left)));
  marker = only_marker (left);
  g_assert_true (g_str_has_prefix (marker->label, "Paraphrases: Scott Kennedy, "));
  g_assert_cmpint (marker->other_start, ==, transcript_start);
  marker = only_marker (right);
  g_assert_true (g_str_has_prefix (marker->label, "Paraphrased by: "));
  g_assert_cmpint (marker->other_start, ==, report_start);

  /* Following from the left pane lands in the right one, and back */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (sp_document_view_get_buffer (left), &iter, report_start + 30);
    gtk_text_buffer_place_cursor (sp_document_view_get_buffer (left), &iter);
    gtk_text_buffer_get_start_iter (sp_document_view_get_buffer (right), &iter);
    gtk_text_buffer_place_cursor (sp_document_view_get_buffer (right), &iter);
  }
  sp_window_focus_pane (fixture.window, SP_WINDOW_PANE_LEFT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.follow-link", NULL));
  assert_landed (right, transcript_start, transcript_end);
  /* The transcript's passage starts in the middle of a turn's paragraph */
  assert_icon_level_with_passage (right, transcript_start, TRUE);

  sp_window_focus_pane (fixture.window, SP_WINDOW_PANE_RIGHT);
  {
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (sp_document_view_get_buffer (left), &iter);
    gtk_text_buffer_place_cursor (sp_document_view_get_buffer (left), &iter);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.follow-link", NULL));
  assert_landed (left, report_start, report_end);
  assert_icon_level_with_passage (left, report_start, FALSE);

  /* The margin icon follows it too */
  g_signal_emit_by_name (right, "link-activated", link->id, transcript_start);
  assert_landed (left, report_start, report_end);

  /* Undo takes the link and its markers away, redo brings them back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpuint (list_links (fixture.project)->len, ==, 0);
  assert_tag_absent (left, SP_TAG_LINKED, report_start, report_end);
  assert_tag_absent (right, SP_TAG_LINKED, transcript_start, transcript_end);
  g_assert_false (sp_document_view_has_link_marker_on_line (left, line_of (left, report_start)));
  g_assert_cmpuint (sp_document_view_get_link_markers (right)->len, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.redo", NULL));
  g_assert_cmpuint (list_links (fixture.project)->len, ==, 1);
  assert_tag_exactly (left, SP_TAG_LINKED, report_start, report_end);
  assert_tag_exactly (right, SP_TAG_LINKED, transcript_start, transcript_end);
  g_assert_true (sp_document_view_has_link_marker_on_line (right, line_of (right, transcript_start)));

  /* In one pane, following a link opens the second one beside it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.side-by-side", NULL));
  g_assert_false (sp_window_get_side_by_side (fixture.window));
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);
  sp_document_view_go_to_range (left, report_start + 2, report_start + 2, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.follow-link", NULL));
  g_assert_true (sp_window_get_side_by_side (fixture.window));
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);
  g_assert_cmpint (sp_document_view_get_document_id (right), ==, fixture.transcript_id);
  assert_landed (right, transcript_start, transcript_end);

  fixture_close (&fixture);
}

static void
test_tag_in_right_pane (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  SpDocumentView *left, *right;
  SpAnnotationInfo *info;
  SpThemeInfo *theme;
  int start, end;

  fixture_open (&fixture, "Tagging.standpoint");
  themes = sp_project_list_themes (fixture.project, NULL);
  theme = theme_with_shortcut (themes, "2");
  g_assert_nonnull (theme);

  sp_window_set_side_by_side (fixture.window, TRUE);
  left = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT);
  right = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT);
  g_assert_true (wait_for_mapped (GTK_WIDGET (right)));

  /* The same words selected on both sides: only the right pane's count */
  find_passage (right, TRANSCRIPT_PASSAGE, &start, &end);
  sp_document_view_select_range (right, start, end);
  sp_document_view_select_range (left, 0, 40);
  sp_window_focus_pane (fixture.window, SP_WINDOW_PANE_RIGHT);
  g_assert_true (sp_window_get_document_view (fixture.window) == right);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.tag-theme", "x", theme->id));

  g_assert_cmpuint (list_annotations (fixture.project, fixture.report_id)->len, ==, 0);
  annotations = list_annotations (fixture.project, fixture.transcript_id);
  g_assert_cmpuint (annotations->len, ==, 1);
  info = g_ptr_array_index (annotations, 0);
  g_assert_cmpint (info->start, ==, start);
  g_assert_cmpint (info->end, ==, end);
  g_assert_cmpstr (info->stakeholder, ==, "Scott Kennedy");
  assert_tag_exactly (right, SP_TAG_ANNOTATION, start, end);
  assert_tag_absent (left, SP_TAG_ANNOTATION, 0, 40);

  /* The same document in both panes: a change shows in both at once */
  g_assert_true (sp_window_show_document_in_pane (fixture.window, SP_WINDOW_PANE_LEFT, fixture.transcript_id));
  assert_tag_exactly (left, SP_TAG_ANNOTATION, start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  assert_tag_absent (left, SP_TAG_ANNOTATION, start, end);
  assert_tag_absent (right, SP_TAG_ANNOTATION, start, end);

  fixture_close (&fixture);
}

static void
test_pair_remembered (void)
{
  Fixture fixture = { 0, };
  GtkPaned *paned;

  fixture_open (&fixture, "Pair.standpoint");
  sp_window_set_side_by_side (fixture.window, TRUE);
  g_assert_true (wait_for_mapped (GTK_WIDGET (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT))));

  /* The other way round, and the divider moved */
  g_assert_true (sp_window_show_document_in_pane (fixture.window, SP_WINDOW_PANE_LEFT, fixture.transcript_id));
  g_assert_true (sp_window_show_document_in_pane (fixture.window, SP_WINDOW_PANE_RIGHT, fixture.report_id));
  paned = sp_window_get_split_paned (fixture.window);
  gtk_paned_set_position (paned, 420);
  g_assert_cmpint (gtk_paned_get_position (paned), ==, 420);
  spin (100);

  fixture_reopen (&fixture);
  g_assert_true (sp_window_get_side_by_side (fixture.window));
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT)),
                   ==, fixture.transcript_id);
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT)),
                   ==, fixture.report_id);
  g_assert_cmpint (gtk_paned_get_position (sp_window_get_split_paned (fixture.window)), ==, 420);

  /* Turned off, it reopens with one pane */
  sp_window_set_side_by_side (fixture.window, FALSE);
  fixture_reopen (&fixture);
  g_assert_false (sp_window_get_side_by_side (fixture.window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT))) &&
                  gtk_widget_get_mapped (GTK_WIDGET (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT))));

  /* ... and on again with the pair it had */
  sp_window_set_side_by_side (fixture.window, TRUE);
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT)),
                   ==, fixture.transcript_id);
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT)),
                   ==, fixture.report_id);

  fixture_close (&fixture);
}

/* How a jump to [start, end) went: when its start was first on screen,
 * and the last time it came back on screen (ms after the jump), and whether
 * the flash covered exactly the passage, unfaded, at both moments. */
typedef struct
{
  double first_visible_ms;
  double settled_ms;
  double gone_ms;
  gboolean flashed_when_first_visible;
  gboolean flashed_when_settled;
} JumpTrace;

static gboolean
flash_covers (SpDocumentView *view,
              int             start,
              int             end,
              const GdkRGBA  *full)
{
  GdkRGBA *color = NULL;
  gboolean covers = TRUE;

  for (int offset = start - 1; offset <= end; offset++)
    covers &= has_tag_at (view, SP_TAG_FLASH, offset) == (offset >= start && offset < end);
  g_object_get (lookup_tag (view, SP_TAG_FLASH), "background-rgba", &color, NULL);
  covers &= color != NULL && gdk_rgba_equal (color, full);
  gdk_rgba_free (color);

  return covers;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Jumps to [start, end) and follows frame by frame until the flash is
 * gone (or 6 s), tracing when the passage is on screen. */
static void
trace_jump (SpDocumentView *view,
            int             start,
            int             end,
            JumpTrace      *trace)
{
  VisibleCheck check = { view, start };
  gboolean timed_out = FALSE, was_visible = FALSE;
  GdkRGBA *full = NULL;
  gint64 t0;
  guint id;

  memset (trace, 0, sizeof *trace);
  trace->first_visible_ms = -1;
  id = g_timeout_add (6000, timeout_cb, &timed_out);
  t0 = g_get_monotonic_time ();
  sp_document_view_go_to_range (view, start, end, TRUE);
  g_object_get (lookup_tag (view, SP_TAG_FLASH), "background-rgba", &full, NULL);
  g_assert_nonnull (full);
  g_assert_cmpfloat (full->alpha, >, 0.0);

  while (has_tag_at (view, SP_TAG_FLASH, start) && !timed_out)
    {
      gboolean visible = offset_is_visible (&check);

      if (visible && !was_visible)
        {
          double ms = (g_get_monotonic_time () - t0) / 1000.0;
          gboolean flashed = flash_covers (view, start, end, full);

          if (trace->first_visible_ms < 0)
            {
              trace->first_visible_ms = ms;
              trace->flashed_when_first_visible = flashed;
            }
          trace->settled_ms = ms;
          trace->flashed_when_settled = flashed;
        }
      was_visible = visible;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (id);
  gdk_rgba_free (full);
  trace->gone_ms = (g_get_monotonic_time () - t0) / 1000.0;

  g_test_message ("jump to %d: on screen after %.0f ms, settled after %.0f ms, flash gone after %.0f ms",
                  start, trace->first_visible_ms, trace->settled_ms, trace->gone_ms);
  /* It ended on screen */
  g_assert_true (offset_is_visible (&check));
}

/* The flash holds FLASH_HOLD_MS (900 ms) counted from when the passage is
 * on screen to stay; less a frame or two, as the loop here sees the
 * passage on screen a little after the view does. A timer never fires
 * early, so this is a lower bound that load cannot break. */
#define MIN_FLASH_SEEN_MS 600

/* A jump to a distant passage flashes it once it is on screen: the flash
 * is there, unfaded, whenever the passage comes into view, it lasts its
 * full time from then on, and the passage does not move away again. */
static void
test_flash_when_visible (void)
{
  Fixture fixture = { 0, };
  SpDocumentView *view;
  GPtrArray *segments;
  SpSegmentInfo *last_turn = NULL, *first_paragraph = NULL;
  JumpTrace trace;

  fixture_open (&fixture, "Flash.standpoint");
  g_assert_true (sp_window_show_document_in_pane (fixture.window, SP_WINDOW_PANE_LEFT, fixture.transcript_id));
  view = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT);
  segments = sp_document_view_get_segments (view);
  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *segment = g_ptr_array_index (segments, i);

      if (segment->kind == SP_SEGMENT_TURN)
        last_turn = segment;
      if (segment->kind == SP_SEGMENT_PARAGRAPH && first_paragraph == NULL)
        first_paragraph = segment;
    }
  g_assert_nonnull (last_turn);
  g_assert_nonnull (first_paragraph);
  /* Far enough that the layout between here and there is not measured yet */
  g_assert_cmpint (last_turn->start, >, 60000);

  /* From the top to the last turn, as soon as the document is shown */
  trace_jump (view, last_turn->start, last_turn->end, &trace);
  g_assert_cmpfloat (trace.first_visible_ms, >=, 0);
  g_assert_true (trace.flashed_when_first_visible);
  g_assert_true (trace.flashed_when_settled);
  g_assert_cmpfloat (trace.gone_ms - trace.settled_ms, >=, MIN_FLASH_SEEN_MS);
  g_assert_cmpint (sp_document_view_get_cursor_offset (view), ==, last_turn->start);

  /* And back up to the first paragraph */
  trace_jump (view, first_paragraph->start, first_paragraph->end, &trace);
  g_assert_true (trace.flashed_when_first_visible);
  g_assert_true (trace.flashed_when_settled);
  g_assert_cmpfloat (trace.gone_ms - trace.settled_ms, >=, MIN_FLASH_SEEN_MS);

  /* Down again, the layout now measured */
  trace_jump (view, last_turn->start, last_turn->end, &trace);
  g_assert_true (trace.flashed_when_first_visible);
  g_assert_true (trace.flashed_when_settled);

  fixture_close (&fixture);
}

/* Moving the keyboard focus through the window, over the sidebar's
 * document rows, opens nothing: only choosing a row does */
static void
test_focus_opens_nothing (void)
{
  Fixture fixture = { 0, };
  SpDocumentView *left, *right;
  GtkListBox *documents;
  GtkWidget *row;
  gboolean reached_sidebar = FALSE;

  fixture_open (&fixture, "Focus.standpoint");
  left = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT);
  right = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.side-by-side", NULL));
  g_assert_true (wait_for_mapped (GTK_WIDGET (right)));
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);
  g_assert_cmpint (sp_document_view_get_document_id (right), ==, fixture.transcript_id);
  assert_focus_in_text (fixture.window, left);

  /* Focus on the transcript's row (the report's is the selected one) */
  documents = sp_sidebar_get_document_list (sp_window_get_sidebar (fixture.window));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (documents)); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && !gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
      break;
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  spin (50);
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);

  /* Tab from there on, all the way round the window */
  for (int i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (fixture.window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (documents)))
        reached_sidebar = TRUE;
      g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);
      g_assert_cmpint (sp_document_view_get_document_id (right), ==, fixture.transcript_id);
    }
  g_assert_true (reached_sidebar);
  spin (50);
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);

  fixture_close (&fixture);
}

/* The Compare and Attributions views hand passages back to reading */
static void
test_views (void)
{
  Fixture fixture = { 0, };
  SpDocumentView *left, *right;
  SpAttributionView *attributions;
  g_autoptr(GPtrArray) annotations = NULL;
  gint64 annotation_id = 0;
  int report_start, report_end, transcript_start, transcript_end;

  fixture_open (&fixture, "Views.standpoint");
  left = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_LEFT);
  right = sp_window_get_pane_view (fixture.window, SP_WINDOW_PANE_RIGHT);
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, SP_WINDOW_VIEW_READ);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-view", "s",
                                             SP_WINDOW_VIEW_ATTRIBUTIONS));
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, SP_WINDOW_VIEW_ATTRIBUTIONS);

  /* ::show-pair: the report on the left, the transcript on the right,
   * both passages shown and flashed */
  sp_window_show_document_in_pane (fixture.window, SP_WINDOW_PANE_LEFT, fixture.report_id);
  find_passage (left, REPORT_PASSAGE, &report_start, &report_end);
  sp_window_show_document_in_pane (fixture.window, SP_WINDOW_PANE_LEFT, fixture.transcript_id);
  find_passage (left, TRANSCRIPT_PASSAGE, &transcript_start, &transcript_end);
  attributions = sp_window_get_attribution_view (fixture.window);
  g_signal_emit_by_name (attributions, "show-pair",
                         fixture.report_id, (gint64) report_start, (gint64) report_end,
                         fixture.transcript_id, (gint64) transcript_start, (gint64) transcript_end);
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, SP_WINDOW_VIEW_READ);
  g_assert_true (sp_window_get_side_by_side (fixture.window));
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.report_id);
  g_assert_cmpint (sp_document_view_get_document_id (right), ==, fixture.transcript_id);
  assert_landed (left, report_start, report_end);
  assert_landed (right, transcript_start, transcript_end);

  /* ::annotation-activated of Compare: opened in the active pane */
  g_assert_true (sp_project_annotate (fixture.project, fixture.transcript_id, transcript_start, transcript_end,
                                      NULL, 0, 0, SP_STANCE_NONE, "", SP_ANNOTATE_DEFAULT, &annotation_id, NULL));
  sp_window_focus_pane (fixture.window, SP_WINDOW_PANE_LEFT);
  sp_window_set_view (fixture.window, SP_WINDOW_VIEW_COMPARE);
  g_signal_emit_by_name (sp_window_get_compare_view (fixture.window), "annotation-activated", annotation_id);
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, SP_WINDOW_VIEW_READ);
  g_assert_cmpint (sp_document_view_get_document_id (left), ==, fixture.transcript_id);
  {
    int s, e;

    g_assert_true (sp_document_view_get_selection (left, &s, &e));
    g_assert_cmpint (s, ==, transcript_start);
    g_assert_cmpint (e, ==, transcript_end);
  }

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/Standpoint/ui/side-by-side/link-and-follow", test_link_and_follow);
  g_test_add_func ("/Standpoint/ui/side-by-side/tag-in-right-pane", test_tag_in_right_pane);
  g_test_add_func ("/Standpoint/ui/side-by-side/pair-remembered", test_pair_remembered);
  g_test_add_func ("/Standpoint/ui/side-by-side/views", test_views);
  g_test_add_func ("/Standpoint/ui/side-by-side/focus-opens-nothing", test_focus_opens_nothing);
  g_test_add_func ("/Standpoint/ui/side-by-side/flash-when-visible", test_flash_when_visible);

  return g_test_run ();
}
