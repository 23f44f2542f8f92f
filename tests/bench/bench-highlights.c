/* bench-highlights.c: a 1 MB transcript with 10,000 annotations (many
 * overlapping, some with two themes) in the document view.
 *
 * (a) Opening it: sp_document_view_load() plus set_annotations() with all
 *     highlights applied, against loading the same text into a bare
 *     GtkTextView without tags. Goal: under 300 ms, at most 1.5 times the
 *     bare view.
 * (b) Tagging one selection as a theme's key does (win.tag-theme): from the
 *     action to the committed row and the highlight in the buffer, through
 *     sp_project_annotate(), the undo manager and the window's refresh.
 *     Goal: under 16 ms (one frame).
 *
 * Figures only: a benchmark never fails on slowness. Needs a display (run
 * under xvfb-run -a dbus-run-session, as `./run bench` does); without one
 * it is skipped. Direct use: bench-highlights [KILOBYTES] [ANNOTATIONS]
 * [open], where "open" runs (a) alone, as when profiling it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "bench-corpus.h"
#include "sp-annotations.h"
#include "sp-import-file.h"
#include "sp-project-private.h"
#include "sp-project-themes.h"
#include "sp-text-index.h"
#include "sp-undo-manager.h"
#include "sp-window.h"

#define RUNS 7
#define TAG_RUNS 7
/* A tagging run slower than this (ms) ends its series after three runs. */
#define SLOW_MS 2000

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_double);
  return times[n / 2];
}

/* Runs the main loop until nothing is pending: layout, styles, drawing. */
static void
settle (void)
{
  for (guint i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
present (GtkWindow *window)
{
  gboolean timed_out = FALSE;
  guint id;

  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_present (window);
  id = g_timeout_add (10000, timeout_cb, &timed_out);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  settle ();
}

/* Themes, then @n annotations over the document's paragraphs and between
 * them, straight into the tables in one transaction: spaced about 100
 * characters apart, 30 to 280 long, so most overlap the next one or two;
 * every third has a second theme. */
static void
add_annotations (SpProject  *project,
                 gint64      document_id,
                 const char *text,
                 guint       n,
                 GArray     *theme_ids)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(SpTextIndex) index = sp_text_index_new (text, strlen (text));
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) theme = NULL;
  g_autoptr(GError) error = NULL;
  const char *colors[] = { "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#f5c211" };
  gsize n_chars = sp_text_index_get_n_chars (index);

  if (!sp_db_exec (db, "BEGIN", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO themes (name, color, shortcut, created_at)"
                                              " VALUES ('Bench %c', '%s', '%u', 'now')",
                                              'A' + i, colors[i], i + 1);
      gint64 id;

      if (!sp_db_exec (db, sql, &error))
        g_error ("%s", error->message);
      id = sqlite3_last_insert_rowid (db);
      g_array_append_val (theme_ids, id);
    }

  insert = sp_db_prepare (db,
                          "INSERT INTO annotations (document_id, start, end, quote, stance, memo, created_at, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, 'supports', '', 'now', 'now')",
                          &error);
  theme = sp_db_prepare (db, "INSERT INTO annotation_themes (annotation_id, theme_id) VALUES (?1, ?2)", &error);
  if (insert == NULL || theme == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < n; i++)
    {
      gsize start = (gsize) ((double) i * (double) (n_chars - 400) / n) + (i * 37) % 50;
      gsize end = MIN (n_chars, start + 30 + (i * 7919) % 250);
      g_autofree char *quote = sp_text_index_substring (index, start, end);
      gint64 id;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, document_id);
      sqlite3_bind_int64 (insert, 2, (gint64) start);
      sqlite3_bind_int64 (insert, 3, (gint64) end);
      sqlite3_bind_text (insert, 4, quote, -1, SQLITE_STATIC);
      if (!sp_db_step_done (db, insert, "insert", &error))
        g_error ("%s", error->message);
      id = sqlite3_last_insert_rowid (db);

      for (guint t = 0; t < (i % 3 == 0 ? 2u : 1u); t++)
        {
          sqlite3_reset (theme);
          sqlite3_bind_int64 (theme, 1, id);
          sqlite3_bind_int64 (theme, 2, g_array_index (theme_ids, gint64, (i + t) % theme_ids->len));
          if (!sp_db_step_done (db, theme, "insert", &error))
            g_error ("%s", error->message);
        }
    }
  if (!sp_db_exec (db, "INSERT INTO annotations_fts (rowid, quote, memo) SELECT id, quote, memo FROM annotations;"
                       "COMMIT", &error))
    g_error ("%s", error->message);
}

static GPtrArray *
list_annotations (SpProject *project,
                  gint64     document_id)
{
  SpAnnotationFilter filter = { document_id, 0, 0, SP_STANCE_NONE };
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = sp_project_list_annotations (project, &filter, &error);

  g_assert_no_error (error);
  return annotations;
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            GtkTextTag    *tag,
            int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return tag != NULL && gtk_text_iter_has_tag (&iter, tag);
}

/* (a) Opening the document. */
static void
bench_open (SpProject *project,
            gint64     document_id)
{
  double view_sync[RUNS], view_settled[RUNS], bare_sync[RUNS], bare_settled[RUNS];
  double list_ms[RUNS], load_ms[RUNS], tag_ms[RUNS];
  guint n_annotations = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      GtkWidget *window, *scrolled, *text_view;
      SpDocumentView *view;
      g_autoptr(GPtrArray) annotations = NULL;
      g_autoptr(GPtrArray) themes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      SpAnnotationInfo *last;
      double t0, t1;

      /* The document view, highlights and all. */
      window = gtk_window_new ();
      view = SP_DOCUMENT_VIEW (sp_document_view_new ());
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
      present (GTK_WINDOW (window));

      t0 = sp_bench_now_seconds ();
      if (!sp_document_view_load (view, project, document_id, &error))
        g_error ("%s", error->message);
      t1 = sp_bench_now_seconds ();
      load_ms[r] = (t1 - t0) * 1000.0;
      annotations = list_annotations (project, document_id);
      themes = sp_project_list_themes (project, &error);
      g_assert_no_error (error);
      list_ms[r] = (sp_bench_now_seconds () - t1) * 1000.0;
      t1 = sp_bench_now_seconds ();
      sp_document_view_set_annotations (view, annotations, themes);
      tag_ms[r] = (sp_bench_now_seconds () - t1) * 1000.0;
      view_sync[r] = (sp_bench_now_seconds () - t0) * 1000.0;
      settle ();
      view_settled[r] = (sp_bench_now_seconds () - t0) * 1000.0;

      n_annotations = annotations->len;
      last = g_ptr_array_index (annotations, annotations->len - 1);
      if (!has_tag_at (sp_document_view_get_buffer (view),
                       gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (sp_document_view_get_buffer (view)),
                                                  SP_TAG_ANNOTATION),
                       (int) last->start))
        g_error ("the last annotation is not highlighted");
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();

      /* The same text in a bare GtkTextView, no tags. */
      window = gtk_window_new ();
      scrolled = gtk_scrolled_window_new ();
      text_view = gtk_text_view_new ();
      gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
      gtk_window_set_child (GTK_WINDOW (window), scrolled);
      present (GTK_WINDOW (window));

      t0 = sp_bench_now_seconds ();
      text = sp_project_get_document_text (project, document_id, &error);
      g_assert_no_error (error);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
      bare_sync[r] = (sp_bench_now_seconds () - t0) * 1000.0;
      settle ();
      bare_settled[r] = (sp_bench_now_seconds () - t0) * 1000.0;
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
    }

  {
    double v = median (view_sync, RUNS), vs = median (view_settled, RUNS);
    double b = median (bare_sync, RUNS), bs = median (bare_settled, RUNS);
    double l = median (list_ms, RUNS), lo = median (load_ms, RUNS), t = median (tag_ms, RUNS);

    g_print ("(a) open, %u annotations (median of %d, ms)  calls return   main loop idle\n", n_annotations, RUNS);
    g_print ("    SpDocumentView + highlights           %10.1f %16.1f\n", v, vs);
    g_print ("      of which sp_document_view_load()    %10.1f\n", lo);
    g_print ("      of which listing the annotations    %10.1f\n", l);
    g_print ("      of which set_annotations()          %10.1f\n", t);
    g_print ("    bare GtkTextView, no tags             %10.1f %16.1f\n", b, bs);
    g_print ("    ratio (goal <= 1.5, and < 300 ms)     %10.2f %16.2f\n", v / b, vs / bs);
  }
}

/* The @nth paragraph long enough to tag 58 characters of, counting round. */
static SpSegmentInfo *
find_paragraph (GPtrArray *segments,
                guint      nth)
{
  guint n = 0, seen = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *segment = g_ptr_array_index (segments, i);
      n += segment->kind == SP_SEGMENT_PARAGRAPH && segment->end - segment->start > 80;
    }
  g_assert_cmpuint (n, >, 0);
  nth %= n;
  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *segment = g_ptr_array_index (segments, i);

      if (segment->kind == SP_SEGMENT_PARAGRAPH && segment->end - segment->start > 80 && seen++ == nth)
        return segment;
    }
  g_assert_not_reached ();
}

/* (b) Tagging one selection, as a theme's key does. */
static void
bench_tag (SpProject *project,
           gint64     document_id,
           GArray    *theme_ids)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;
  SpUndoManager *undo = sp_project_get_undo_manager (project);
  double ui[TAG_RUNS], ui_pane[TAG_RUNS], core[TAG_RUNS];
  double undo_ms[2][TAG_RUNS];
  double refresh_list[TAG_RUNS], refresh_view[TAG_RUNS], refresh_panel[TAG_RUNS];
  guint n_ui[2] = { 0, 0 }, n_refresh = 0;
  g_autofree char *color = NULL;
  SpDocumentView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *annotation_tag;
  SpWindow *window;
  gint64 theme_id = g_array_index (theme_ids, gint64, 0);

  segments = sp_project_list_segments (project, document_id, &error);
  g_assert_no_error (error);
  themes = sp_project_list_themes (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < themes->len; i++)
    if (((SpThemeInfo *) themes->pdata[i])->id == theme_id)
      color = g_strdup (((SpThemeInfo *) themes->pdata[i])->color);

  /* The core alone: sp_project_annotate() through the undo manager. */
  for (guint r = 0; r < TAG_RUNS; r++)
    {
      SpSegmentInfo *p = find_paragraph (segments, 40 + r * 97);
      double t0 = sp_bench_now_seconds ();
      gint64 id = 0;

      if (!sp_project_annotate (project, document_id, p->start + 2, p->start + 60, &theme_id, 1, 0,
                                SP_STANCE_NONE, NULL, SP_ANNOTATE_DEFAULT, &id, &error))
        g_error ("%s", error->message);
      core[r] = (sp_bench_now_seconds () - t0) * 1000.0;
      if (!sp_undo_manager_undo (undo, &error))
        g_error ("%s", error->message);
    }

  window = sp_window_new (NULL);
  sp_window_set_project (window, project);
  present (GTK_WINDOW (window));
  if (!sp_sidebar_select_document (sp_window_get_sidebar (window), document_id))
    g_error ("could not show the document");
  settle ();
  view = sp_window_get_document_view (window);
  buffer = sp_document_view_get_buffer (view);
  annotation_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), SP_TAG_ANNOTATION);

  for (guint pane = 0; pane < 2; pane++)
    {
      g_object_set (window, "annotations-visible", pane == 1, NULL);
      settle ();

      n_ui[pane] = 0;
      for (guint r = 0; r < TAG_RUNS; r++)
        {
          SpSegmentInfo *p = find_paragraph (segments, 60 + r * 89);
          g_autoptr(GPtrArray) after = NULL;
          int start = (int) p->start + 2, end = (int) p->start + 60;
          gboolean found = FALSE;
          guint before = sp_project_count_annotations (project, NULL);
          double t0, ms;

          sp_document_view_select_range (view, start, end);
          settle ();
          t0 = sp_bench_now_seconds ();
          gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-theme", "x", theme_id);
          ms = (sp_bench_now_seconds () - t0) * 1000.0;
          (pane == 1 ? ui_pane : ui)[r] = ms;
          n_ui[pane]++;

          /* Committed, and highlighted, when the action returns. */
          if (sp_project_count_annotations (project, NULL) != before + 1)
            g_error ("the passage was not tagged");
          after = list_annotations (project, document_id);
          for (guint i = 0; i < after->len && !found; i++)
            {
              SpAnnotationInfo *info = g_ptr_array_index (after, i);
              /* Snapped to words: it may start or end a little off. */
              found = info->start < start + 5 && info->end > end - 5 && info->theme_ids->len == 1 &&
                      g_array_index (info->theme_ids, gint64, 0) == theme_id &&
                      g_strcmp0 (info->created_at, "now") != 0;
            }
          if (!found || !has_tag_at (buffer, annotation_tag, start + 5) ||
              sp_document_view_get_highlight_tag (view, color, FALSE) == NULL)
            g_error ("the new annotation at %d–%d is not stored (%d) or not highlighted (%d, %p)",
                     start, end, found, has_tag_at (buffer, annotation_tag, start + 5),
                     (gpointer) sp_document_view_get_highlight_tag (view, color, FALSE));

          settle ();
          t0 = sp_bench_now_seconds ();
          if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL))
            g_error ("could not undo");
          undo_ms[pane][r] = (sp_bench_now_seconds () - t0) * 1000.0;
          if (sp_project_count_annotations (project, NULL) != before)
            g_error ("undo left the annotation at %d–%d stored", start, end);
          settle ();
          /* Far off the goal: a few runs tell as much, and the benchmark
           * should end in minutes. */
          if (ms > SLOW_MS && r >= 2)
            break;
        }
    }

  /* What the window's refresh after a change does, piece by piece (as
   * _sp_window_reload_annotations() does), on the window's own widgets. */
  for (guint r = 0; r < TAG_RUNS; r++)
    {
      g_autoptr(GPtrArray) annotations = NULL;
      g_autoptr(GPtrArray) stakeholders = NULL;
      double t0 = sp_bench_now_seconds (), t1, t2;

      annotations = list_annotations (project, document_id);
      t1 = sp_bench_now_seconds ();
      sp_document_view_set_annotations (view, annotations, themes);
      t2 = sp_bench_now_seconds ();
      stakeholders = sp_project_list_stakeholders (project, NULL);
      sp_annotations_panel_set_annotations (sp_window_get_annotations_panel (window), annotations, themes,
                                            stakeholders);
      refresh_list[r] = (t1 - t0) * 1000.0;
      refresh_view[r] = (t2 - t1) * 1000.0;
      refresh_panel[r] = (sp_bench_now_seconds () - t2) * 1000.0;
      n_refresh++;
      settle ();
      if (refresh_panel[r] > SLOW_MS && r >= 2)
        break;
    }

  /* median() sorts, so the maximum is last after it. */
  g_print ("(b) tag one selection (median / max of n runs, ms; goal < 16)\n");
  g_print ("    sp_project_annotate() alone           %8.2f", median (core, TAG_RUNS));
  g_print (" %8.2f  n=%d\n", core[TAG_RUNS - 1], TAG_RUNS);
  g_print ("    win.tag-theme, annotations pane shut  %8.2f", median (ui, n_ui[0]));
  g_print (" %8.2f  n=%u\n", ui[n_ui[0] - 1], n_ui[0]);
  g_print ("    win.tag-theme, annotations pane open  %8.2f", median (ui_pane, n_ui[1]));
  g_print (" %8.2f  n=%u\n", ui_pane[n_ui[1] - 1], n_ui[1]);
  g_print ("    win.undo of it, annotations pane shut %8.2f", median (undo_ms[0], n_ui[0]));
  g_print (" %8.2f  n=%u\n", undo_ms[0][n_ui[0] - 1], n_ui[0]);
  g_print ("    win.undo of it, annotations pane open %8.2f", median (undo_ms[1], n_ui[1]));
  g_print (" %8.2f  n=%u\n", undo_ms[1][n_ui[1] - 1], n_ui[1]);
  g_print ("    the window's refresh, piece by piece (n=%u):\n", n_refresh);
  g_print ("      sp_project_list_annotations()       %8.2f\n", median (refresh_list, n_refresh));
  g_print ("      sp_document_view_set_annotations()  %8.2f\n", median (refresh_view, n_refresh));
  g_print ("      sp_annotations_panel_set_annotations() %5.2f\n", median (refresh_panel, n_refresh));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  gsize kilobytes = argc > 1 ? (gsize) atoi (argv[1]) : 1024;
  guint n_annotations = argc > 2 ? (guint) atoi (argv[2]) : 10000;
  g_autofree char *dir = NULL;
  g_autofree char *input = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) transcript = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GArray) theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;

  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run -a dbus-run-session\n");
      return 77;  /* skipped */
    }
  adw_init ();

  dir = g_dir_make_tmp ("standpoint-bench-highlights-XXXXXX", NULL);
  input = g_build_filename (dir, "hearing.txt", NULL);
  path = g_build_filename (dir, "Bench.standpoint", NULL);
  transcript = sp_bench_build_transcript (kilobytes * 1024);
  g_assert_true (g_file_set_contents (input, transcript->str, (gssize) transcript->len, NULL));

  project = sp_project_create (path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (input);
  if ((document_id = sp_import_file (project, file, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error)) == 0)
    g_error ("import failed: %s", error->message);
  text = sp_project_get_document_text (project, document_id, &error);
  g_assert_no_error (error);
  add_annotations (project, document_id, text, n_annotations, theme_ids);
  g_print ("document: %.2f MB, %ld characters, %u annotations\n",
           strlen (text) / 1048576.0, g_utf8_strlen (text, -1), sp_project_count_annotations (project, NULL));

  bench_open (project, document_id);
  /* "open" as a third argument: (a) only, when profiling it */
  if (argc <= 3 || g_strcmp0 (argv[3], "open") != 0)
    bench_tag (project, document_id, theme_ids);

  g_clear_object (&project);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (command) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
