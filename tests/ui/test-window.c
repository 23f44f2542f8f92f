/* test-window.c: the main window on the sample project — sidebar contents,
 * the document view's text and structure tags, following footnotes and
 * coming back — plus opening errors, read-only projects and importing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-brief-dialog.h"
#include "sp-sample.h"
#include "sp-window.h"
#include "ui-test-helpers.h"

/* Helpers */

static gboolean
is_not_importing (gpointer data)
{
  return !sp_window_is_importing (SP_WINDOW (data));
}

/* All the label texts under @widget, one per line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  else if (ADW_IS_PREFERENCES_ROW (widget))
    {
      g_string_append (out, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
row_text (GtkWidget *row)
{
  GString *out = g_string_new (NULL);

  collect_labels (row, out);
  return g_string_free (out, FALSE);
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *needle)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      g_autofree char *text = NULL;

      if (row == NULL)
        return NULL;

      text = row_text (GTK_WIDGET (row));
      if (strstr (text, needle) != NULL)
        return row;
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first mapped button for @action_name under @widget. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message dialog over @parent, if one is shown. */
static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog (GTK_WINDOW (data)) != NULL;
}

/* Whether @tag covers every character of [start, end). */
static gboolean
tag_covers (GtkTextBuffer *buffer,
            const char    *tag_name,
            int            start,
            int            end)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  g_assert_cmpint (start, <, end);

  for (int offset = start; offset < end; offset++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_heading_tag (GtkTextBuffer *buffer,
                 int            start,
                 int            end)
{
  for (int level = 1; level <= 6; level++)
    {
      g_autofree char *name = g_strdup_printf (SP_TAG_HEADING_PREFIX "%d", level);

      if (tag_covers (buffer, name, start, end))
        return TRUE;
    }

  return FALSE;
}

static int
cursor_offset (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

typedef struct
{
  GtkTextView *view;
  int          offset;
} VisibleCheck;

/* Whether the character at @offset is scrolled into the visible area. */
static gboolean
offset_is_visible (gpointer data)
{
  VisibleCheck *check = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (check->view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, check->offset);
  gtk_text_view_get_visible_rect (check->view, &visible);
  gtk_text_view_get_iter_location (check->view, &iter, &location);

  return location.y >= visible.y &&
         location.y + location.height <= visible.y + visible.height;
}

static SpSegmentInfo *
find_segment (GPtrArray     *segments,
              SpSegmentKind  kind,
              int            skip)
{
  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (segments, i);

      if (seg->kind == kind && skip-- == 0)
        return seg;
    }

  return NULL;
}

static SpSegmentInfo *
segment_by_ordinal (GPtrArray *segments,
                    int        ordinal)
{
  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (segments, i);

      if (seg->ordinal == ordinal)
        return seg;
    }

  return NULL;
}

/* The sample project in the window */

static void
test_window_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autofree char *project_name = NULL;
  SpWindow *window;
  SpSidebar *sidebar;
  SpDocumentView *view;
  GtkTextBuffer *buffer;
  GtkListBoxRow *row;
  g_autofree char *text = NULL;
  g_autofree char *robin = NULL;
  SpSegmentInfo *heading, *ref, *note;
  GPtrArray *segments;
  VisibleCheck visible;
  GtkTextIter start, end;
  int offset;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Sample project.standpoint", NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  window = present_window (project, 1100);
  g_assert_cmpstr (sp_window_get_page (window), ==, "project");
  g_assert_true (sp_window_get_project (window) == project);

  /* The window names the project */
  project_name = sp_project_dup_title (project);
  g_assert_cmpstr (project_name, ==, "Sample project");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Sample project"));

  /* The sidebar lists both documents and the eight speakers */
  sidebar = sp_window_get_sidebar (window);
  g_assert_cmpuint (sp_sidebar_get_n_documents (sidebar), ==, 2);
  g_assert_cmpuint (count_rows (sp_sidebar_get_document_list (sidebar)), ==, 2);
  g_assert_nonnull (find_row (sp_sidebar_get_document_list (sidebar), "Geopolitics of Global Technology Standards"));
  g_assert_nonnull (find_row (sp_sidebar_get_document_list (sidebar), "Edited transcript of Webinar"));
  g_assert_nonnull (find_row (sp_sidebar_get_document_list (sidebar), "Report"));
  g_assert_nonnull (find_row (sp_sidebar_get_document_list (sidebar), "Transcript · "));

  g_assert_cmpuint (sp_sidebar_get_n_stakeholders (sidebar), ==, 8);
  g_assert_cmpuint (count_rows (sp_sidebar_get_stakeholder_list (sidebar)), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      static const char *speakers[] = {
        "Robin Mansell", "Milton Mueller", "Thomas Li", "Andrea Renda",
        "June Park", "Baisheng An", "Scott Kennedy", "Claire Milne",
      };

      g_assert_nonnull (find_row (sp_sidebar_get_stakeholder_list (sidebar), speakers[i]));
    }
  row = find_row (sp_sidebar_get_stakeholder_list (sidebar), "Robin Mansell");
  robin = row_text (GTK_WIDGET (row));
  g_assert_nonnull (strstr (robin, " turns"));

  /* The transcript */
  row = find_row (sp_sidebar_get_document_list (sidebar), "Edited transcript of Webinar");
  g_assert_nonnull (row);
  gtk_list_box_select_row (sp_sidebar_get_document_list (sidebar), row);
  view = sp_window_get_document_view (window);
  g_assert_cmpint (sp_document_view_get_document_id (view), ==, sp_sidebar_row_get_id (row));
  g_assert_cmpint (sp_sidebar_get_selected_document (sidebar), ==, sp_sidebar_row_get_id (row));
  g_assert_true (g_str_has_prefix (sp_document_view_get_title (view), "Edited transcript of Webinar"));

  buffer = sp_document_view_get_buffer (view);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (sp_document_view_get_source_view (view))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, "Edited transcript of Webinar"));
  g_assert_nonnull (strstr (text, "Geopolitics of Global High-tech Standards"));
  g_assert_true (strstr (text, "Geopolitics of Global High-tech Standards") < strchr (text, '\n'));

  /* The title is a heading */
  segments = sp_document_view_get_segments (view);
  heading = find_segment (segments, SP_SEGMENT_HEADING, 0);
  g_assert_nonnull (heading);
  g_assert_cmpint (heading->start, ==, 0);
  g_assert_true (has_heading_tag (buffer, heading->start, heading->end));
  g_assert_true (tag_covers (buffer, SP_TAG_HEADING_PREFIX "1", 0, (int) strlen ("Edited transcript of Webinar")));

  /* Each turn opens with its speaker line, in the speaker style */
  offset = find_text (buffer, "Robin Mansell 00:09", 0);
  g_assert_cmpint (offset, >, 0);
  g_assert_true (tag_covers (buffer, SP_TAG_SPEAKER, offset, offset + (int) strlen ("Robin Mansell 00:09")));
  g_assert_true (tag_covers (buffer, SP_TAG_TIMESTAMP, offset + (int) strlen ("Robin Mansell "),
                             offset + (int) strlen ("Robin Mansell 00:09")));
  g_assert_false (tag_covers (buffer, SP_TAG_TIMESTAMP, offset, offset + 1));
  offset = find_text (buffer, "Milton Mueller 06:03", 0);
  g_assert_cmpint (offset, >, 0);
  g_assert_true (tag_covers (buffer, SP_TAG_SPEAKER, offset, offset + (int) strlen ("Milton Mueller 06:03")));
  /* …and the words spoken are not */
  offset = find_text (buffer, "Welcome to this webinar", 0);
  g_assert_cmpint (offset, >, 0);
  g_assert_false (tag_covers (buffer, SP_TAG_SPEAKER, offset, offset + 7));
  g_assert_true (tag_covers (buffer, SP_TAG_TURN, offset, offset + 7));

  /* The report */
  row = find_row (sp_sidebar_get_document_list (sidebar), "Geopolitics of Global Technology Standards");
  g_assert_nonnull (row);
  gtk_list_box_select_row (sp_sidebar_get_document_list (sidebar), row);
  g_assert_cmpint (sp_document_view_get_document_id (view), ==, sp_sidebar_row_get_id (row));
  g_assert_nonnull (strstr (sp_document_view_get_title (view), "The Geopolitics of Global Technology Standards"));
  segments = sp_document_view_get_segments (view);

  /* "Introduction" is a heading (the table of contents names it first) */
  {
    gboolean found = FALSE;

    for (offset = find_text (buffer, "Introduction", 0);
         offset >= 0 && !found;
         offset = find_text (buffer, "Introduction", offset + 1))
      found = has_heading_tag (buffer, offset, offset + (int) strlen ("Introduction"));

    g_assert_true (found);
  }

  /* Footnote references are tagged; following one lands in its footnote */
  ref = find_segment (segments, SP_SEGMENT_FOOTNOTE_REF, 0);
  g_assert_nonnull (ref);
  g_assert_true (tag_covers (buffer, SP_TAG_FOOTNOTE_REF, ref->start, ref->end));
  note = segment_by_ordinal (segments, ref->target_ordinal);
  g_assert_nonnull (note);
  g_assert_cmpint (note->kind, ==, SP_SEGMENT_FOOTNOTE);
  g_assert_cmpint (note->number, ==, ref->number);
  g_assert_true (tag_covers (buffer, SP_TAG_FOOTNOTE, note->start, note->end));

  g_assert_false (sp_document_view_can_go_back (view));
  g_assert_true (sp_document_view_follow_footnote_at_offset (view, ref->start));
  g_assert_cmpint (cursor_offset (buffer), >=, note->start);
  g_assert_cmpint (cursor_offset (buffer), <, note->end);
  g_assert_true (tag_covers (buffer, SP_TAG_FLASH, note->start, note->end));
  visible.view = GTK_TEXT_VIEW (sp_document_view_get_source_view (view));
  visible.offset = cursor_offset (buffer);
  g_assert_true (wait_for (offset_is_visible, &visible));
  g_assert_true (sp_document_view_can_go_back (view));

  /* …and back (Alt+Left) to the reference */
  g_assert_true (sp_document_view_go_back (view));
  g_assert_cmpint (cursor_offset (buffer), ==, ref->start);
  visible.offset = ref->start;
  g_assert_true (wait_for (offset_is_visible, &visible));
  g_assert_false (sp_document_view_can_go_back (view));
  g_assert_false (sp_document_view_go_back (view));

  /* The footnote's number leads back to its reference too */
  g_assert_true (sp_document_view_follow_footnote_at_offset (view, ref->start));
  g_assert_true (sp_document_view_follow_footnote_at_offset (view, note->start));
  g_assert_cmpint (cursor_offset (buffer), ==, ref->start);
  g_assert_false (sp_document_view_can_go_back (view));

  /* Plain text is not a reference */
  offset = find_text (buffer, "Introduction", 0);
  g_assert_false (sp_document_view_follow_footnote_at_offset (view, offset));

  /* Closing the project goes back to the welcome page */
  sp_window_close_project (window);
  g_assert_cmpstr (sp_window_get_page (window), ==, "welcome");
  g_assert_null (sp_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Standpoint");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&project);
  remove_dir (dir);
}

/* A file that is not a project: the error is shown in the window */

static void
test_window_open_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  SpWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "notes.standpoint", NULL);
  g_file_set_contents (path, "These are my notes, not a project.\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = present_window (NULL, 1100);
  g_assert_cmpstr (sp_window_get_page (window), ==, "welcome");

  g_assert_false (sp_window_open_project (window, file, SP_PROJECT_OPEN_DEFAULT));
  g_assert_null (sp_window_get_project (window));
  g_assert_cmpstr (sp_window_get_page (window), ==, "welcome");

  g_assert_true (wait_for (has_message_dialog, window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.standpoint"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Standpoint project"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A new project is never written over an existing file */
  g_assert_false (sp_window_create_project (window, file));
  g_assert_true (wait_for (has_message_dialog, window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Create Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, "These are my notes, not a project.\n");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* A project opened read-only says so */

static void
test_window_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SpProject) created = NULL;
  g_autoptr(GFile) file = NULL;
  GtkInfoBar *info_bar;
  g_autofree char *info = NULL;
  GtkWidget *import_button;
  SpWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Hearing.standpoint", NULL);
  created = sp_project_create (path, &error);
  g_assert_no_error (error);
  sp_project_close (created);
  file = g_file_new_for_path (path);

  window = present_window (NULL, 1100);
  g_assert_true (sp_window_open_project (window, file, SP_PROJECT_OPEN_READ_ONLY));
  g_assert_nonnull (sp_window_get_project (window));
  g_assert_true (sp_project_is_read_only (sp_window_get_project (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Hearing"));

  info_bar = GTK_INFO_BAR (find_descendant (GTK_WIDGET (window), GTK_TYPE_INFO_BAR));
  g_assert_nonnull (info_bar);
  g_assert_true (gtk_info_bar_get_revealed (info_bar));
  info = row_text (GTK_WIDGET (info_bar));
  g_assert_nonnull (strstr (info, sp_project_get_read_only_reason (sp_window_get_project (window))));
  g_assert_nonnull (strstr (info, "read-only"));

  /* Nothing can be imported into it */
  import_button = find_action_button (GTK_WIDGET (window), "win.import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  {
    g_autofree char *transcript = g_build_filename (g_getenv ("SP_TEST_CORPUS"),
                                                    "geopolitics-of-standards-webinar-transcript.txt", NULL);
    g_autoptr(GFile) transcript_file = g_file_new_for_path (transcript);

    sp_window_import_files (window, &transcript_file, 1);
    g_assert_false (sp_window_is_importing (window));
    g_assert_cmpuint (sp_sidebar_get_n_documents (sp_window_get_sidebar (window)), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* The brief dialog over @parent, if one is shown. */
static gboolean
has_brief_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_BRIEF_DIALOG (window) && gtk_window_get_transient_for (window) == data &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

/* Whether @action_name is enabled in @window: a button for it, as the
 * menu has, is sensitive. */
static gboolean
action_enabled (SpWindow   *window,
                const char *action_name)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_popover_set_child (GTK_POPOVER (popover), button);
  gtk_widget_set_parent (popover, GTK_WIDGET (window));
  spin (50);
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (popover);
  return enabled;
}

/* The menu's ways out of the project: the brief dialog opens over the
 * window; exporting and printing need a project, importing a writable one. */
static void
test_window_export_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  SpWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Sample project.standpoint", NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);

  window = present_window (NULL, 1100);
  for (guint i = 0; i < 4; i++)
    {
      static const char *actions[] = { "win.brief", "win.print", "win.export-data", "win.import-qdpx" };

      g_assert_false (action_enabled (window, actions[i]));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.brief", NULL);
  spin (100);
  g_assert_false (has_brief_dialog (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = present_window (project, 1100);
  for (guint i = 0; i < 4; i++)
    {
      static const char *actions[] = { "win.brief", "win.print", "win.export-data", "win.import-qdpx" };

      g_assert_true (action_enabled (window, actions[i]));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.brief", NULL));
  g_assert_true (wait_for (has_brief_dialog, window));
  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  g_clear_object (&project);

  /* Read-only: briefs and exports yes, a REFI-QDA import no. */
  file = g_file_new_for_path (path);
  window = present_window (NULL, 1100);
  g_assert_true (sp_window_open_project (window, file, SP_PROJECT_OPEN_READ_ONLY));
  g_assert_false (action_enabled (window, "win.import-qdpx"));
  g_assert_true (action_enabled (window, "win.export-data"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.brief", NULL));
  g_assert_true (wait_for (has_brief_dialog, window));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* A read-only project cannot store its side-by-side pair in the file: the
 * user's settings keep it, under the project's path, and the file stays
 * byte-for-byte the same. */
static void
test_window_read_only_pair (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.standpoint.Standpoint");
  g_autoptr(GVariant) pairs = NULL;
  gint64 report, transcript;
  gsize length;
  SpWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Shared.standpoint", NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  report = ((SpDocumentInfo *) g_ptr_array_index (documents, 0))->id;
  transcript = ((SpDocumentInfo *) g_ptr_array_index (documents, 1))->id;
  sp_project_close (project);
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));
  file = g_file_new_for_path (path);

  window = present_window (NULL, 1100);
  g_assert_true (sp_window_open_project (window, file, SP_PROJECT_OPEN_READ_ONLY));
  sp_window_set_side_by_side (window, TRUE);
  g_assert_true (sp_window_show_document_in_pane (window, SP_WINDOW_PANE_LEFT, transcript));
  g_assert_true (sp_window_show_document_in_pane (window, SP_WINDOW_PANE_RIGHT, report));
  spin (100);
  gtk_window_destroy (GTK_WINDOW (window));

  pairs = g_settings_get_value (settings, "side-by-side-pairs");
  g_assert_cmpuint (g_variant_n_children (pairs), >=, 3);

  window = present_window (NULL, 1100);
  g_assert_true (sp_window_open_project (window, file, SP_PROJECT_OPEN_READ_ONLY));
  g_assert_true (sp_window_get_side_by_side (window));
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_pane_view (window, SP_WINDOW_PANE_LEFT)), ==, transcript);
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_pane_view (window, SP_WINDOW_PANE_RIGHT)), ==, report);
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_true (memcmp (before, after, length) == 0);
  g_settings_reset (settings, "side-by-side-pairs");
  remove_dir (dir);
}

/* Importing into the window: progress, the sidebar, and what failed */

static void
test_window_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *binary_path = NULL;
  g_autofree char *transcript = NULL;
  g_autoptr(SpProject) project = NULL;
  GFile *files[2];
  AdwMessageDialog *dialog;
  SpWindow *window;
  SpSidebar *sidebar;
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

  g_assert_no_error (error);
  path = g_build_filename (dir, "Imports.standpoint", NULL);
  project = sp_project_create (path, &error);
  g_assert_no_error (error);

  binary_path = g_build_filename (dir, "chart.png", NULL);
  g_file_set_contents (binary_path, binary, sizeof binary, &error);
  g_assert_no_error (error);
  transcript = g_build_filename (g_getenv ("SP_TEST_CORPUS"),
                                 "geopolitics-of-standards-webinar-transcript.txt", NULL);

  window = present_window (project, 1100);
  sidebar = sp_window_get_sidebar (window);
  g_assert_cmpuint (sp_sidebar_get_n_documents (sidebar), ==, 0);
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_document_view (window)), ==, 0);

  files[0] = g_file_new_for_path (transcript);
  files[1] = g_file_new_for_path (binary_path);
  sp_window_import_files (window, files, 2);
  g_assert_true (sp_window_is_importing (window));
  g_assert_true (wait_for (is_not_importing, window));

  /* The transcript is in, listed and shown */
  g_assert_cmpuint (sp_sidebar_get_n_documents (sidebar), ==, 1);
  g_assert_cmpuint (sp_sidebar_get_n_stakeholders (sidebar), ==, 8);
  g_assert_nonnull (find_row (sp_sidebar_get_document_list (sidebar), "Edited transcript of Webinar"));
  g_assert_cmpint (sp_sidebar_get_selected_document (sidebar), !=, 0);
  g_assert_cmpint (sp_document_view_get_document_id (sp_window_get_document_view (window)), ==,
                   sp_sidebar_get_selected_document (sidebar));

  /* The image is not, and the window says why */
  g_assert_true (wait_for (has_message_dialog, window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "1 File Could Not Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "chart.png"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "geopolitics-of-standards-webinar-transcript.txt"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Importing it again: already in the project */
  sp_window_import_files (window, files, 1);
  g_assert_true (wait_for (is_not_importing, window));
  g_assert_cmpuint (sp_sidebar_get_n_documents (sidebar), ==, 1);
  g_assert_true (wait_for (has_message_dialog, window));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "geopolitics-of-standards-webinar-transcript.txt"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already in this project"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&project);
  remove_dir (dir);
}

/* Files dropped on the window: documents are imported, a project opens */

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static gboolean
drop_files (SpWindow  *window,
            GFile    **files,
            gsize      n_files)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  GdkFileList *list = gdk_file_list_new_from_array (files, n_files);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);

  return accepted;
}

static void
test_window_drop (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *report = NULL;
  g_autoptr(SpProject) first = NULL;
  g_autoptr(SpProject) second = NULL;
  g_autoptr(GFile) report_file = NULL;
  g_autoptr(GFile) second_file = NULL;
  SpWindow *window;
  SpSidebar *sidebar;

  g_assert_no_error (error);
  first_path = g_build_filename (dir, "First.standpoint", NULL);
  second_path = g_build_filename (dir, "Second.standpoint", NULL);
  first = sp_project_create (first_path, &error);
  g_assert_no_error (error);
  second = sp_project_create (second_path, &error);
  g_assert_no_error (error);
  sp_project_close (second);
  g_clear_object (&second);

  report = g_build_filename (g_getenv ("SP_TEST_CORPUS"), "geopolitics-of-standards-report.md", NULL);
  report_file = g_file_new_for_path (report);
  second_file = g_file_new_for_path (second_path);

  window = present_window (first, 1100);
  sidebar = sp_window_get_sidebar (window);

  /* A document dropped on the window is imported into the project */
  g_assert_true (drop_files (window, &report_file, 1));
  g_assert_true (wait_for (is_not_importing, window));
  g_assert_cmpuint (sp_sidebar_get_n_documents (sidebar), ==, 1);
  g_assert_nonnull (find_row (sp_sidebar_get_document_list (sidebar), "Report · "));
  g_assert_nonnull (strstr (sp_document_view_get_title (sp_window_get_document_view (window)),
                            "Geopolitics of Global Technology Standards"));

  /* A project dropped on it is opened instead */
  g_assert_true (drop_files (window, &second_file, 1));
  g_assert_nonnull (sp_window_get_project (window));
  g_assert_cmpstr (sp_window_get_project_path (window), ==, second_path);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Second"));
  g_assert_cmpuint (sp_sidebar_get_n_documents (sidebar), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&first);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/Standpoint/ui/window/sample", test_window_sample);
  g_test_add_func ("/Standpoint/ui/window/open-error", test_window_open_error);
  g_test_add_func ("/Standpoint/ui/window/read-only", test_window_read_only);
  g_test_add_func ("/Standpoint/ui/window/export-actions", test_window_export_actions);
  g_test_add_func ("/Standpoint/ui/window/read-only-pair", test_window_read_only_pair);
  g_test_add_func ("/Standpoint/ui/window/import", test_window_import);
  g_test_add_func ("/Standpoint/ui/window/drop", test_window_drop);

  return g_test_run ();
}
