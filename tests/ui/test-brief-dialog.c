/* test-brief-dialog.c: the annotated brief dialog on the sample project
 * with two of Thomas Li's passages tagged: the preview is laid out again
 * when the scope changes, and Export writes the chosen format with the
 * chosen scope (driven through sp_brief_dialog_export_to_path(), as the
 * native file chooser cannot be driven under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-brief-dialog.h"
#include "sp-project-themes.h"
#include "ui-screenshot.h"
#include "ui-test-helpers.h"

#define LI_QUOTE_1 "don't bundle these values with standards goals"
#define LI_QUOTE_2 "we decouple all these so-called values from technical standards"

typedef struct
{
  SpBriefDialog *dialog;
  guint          wanted;
  char          *exported;
} Waiting;

static void
annotate (SpProject  *project,
          gint64      document_id,
          const char *passage,
          gint64      theme_id,
          SpStance    stance)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_project_get_document_text (project, document_id, &error);
  const char *hit = strstr (text, passage);
  gint64 start;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  g_assert_true (sp_project_annotate (project, document_id, start, start + g_utf8_strlen (passage, -1),
                                      &theme_id, 1, 0, stance, "Li's memo", SP_ANNOTATE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
previews_reached (gpointer data)
{
  Waiting *waiting = data;

  return sp_brief_dialog_get_n_previews (waiting->dialog) >= waiting->wanted;
}

static void
wait_for_preview (Waiting *waiting)
{
  waiting->wanted = sp_brief_dialog_get_n_previews (waiting->dialog) + 1;
  g_assert_true (wait_for (previews_reached, waiting));
}

/* Laid out for two pages, each taller than wide. */
static gboolean
preview_is_tall (gpointer data)
{
  GtkWidget *preview = data;

  return gtk_widget_get_height (preview) > 2 * gtk_widget_get_width (preview);
}

static void
exported_cb (SpBriefDialog *dialog,
             const char    *path,
             Waiting       *waiting)
{
  g_free (waiting->exported);
  waiting->exported = g_strdup (path);
}

static gboolean
is_exported (gpointer data)
{
  return ((Waiting *) data)->exported != NULL;
}

static char *
export_as (Waiting    *waiting,
           guint       format,
           const char *path)
{
  char *contents = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (sp_brief_dialog_get_control (waiting->dialog, "format")), format);
  g_clear_pointer (&waiting->exported, g_free);
  sp_brief_dialog_export_to_path (waiting->dialog, path);
  g_assert_true (wait_for (is_exported, waiting));
  g_assert_cmpstr (waiting->exported, ==, path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
count_page_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page,
               guint             *n_pages)
{
  (*n_pages)++;
}

/* What @argv prints on its standard output. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_brief_dialog (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBriefScope) scope = NULL;
  g_autofree char *md_path = NULL, *html_path = NULL, *pdf_path = NULL, *narrow_path = NULL;
  g_autofree char *markdown = NULL, *html = NULL, *pdf = NULL, *narrow = NULL;
  g_autofree char *print_path = NULL, *printed_info = NULL, *exported_info = NULL, *printed_text = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  guint n_printed = 0;
  SpProject *project = open_sample_project ("brief-dialog-XXXXXX", "brief.standpoint", &dir);
  SpWindow *window = present_window (project, 1200);
  g_autoptr(GPtrArray) documents = sp_project_list_documents (project, &error);
  gint64 transcript_id = ((SpDocumentInfo *) g_ptr_array_index (documents, 1))->id;
  gint64 values = sp_project_lookup_theme_id (project, "Values in standards", &error);
  Waiting waiting = { 0 };
  GtkWidget *preview;
  GtkCheckButton *opposes;
  g_autofree char *command = NULL;

  g_assert_no_error (error);
  annotate (project, transcript_id, LI_QUOTE_1, values, SP_STANCE_OPPOSES);
  annotate (project, transcript_id, LI_QUOTE_2, values, SP_STANCE_OPPOSES);

  waiting.dialog = SP_BRIEF_DIALOG (sp_brief_dialog_new (GTK_WINDOW (window), project));
  g_signal_connect (waiting.dialog, "exported", G_CALLBACK (exported_cb), &waiting);
  g_object_add_weak_pointer (G_OBJECT (waiting.dialog), (gpointer *) &waiting.dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (waiting.dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (waiting.dialog)) == GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (waiting.dialog));
  g_assert_true (wait_for_mapped (GTK_WIDGET (waiting.dialog)));

  /* The first preview comes by itself, laid out over the page count of
   * the preview (two pages tall). */
  waiting.wanted = 1;
  g_assert_true (wait_for (previews_reached, &waiting));
  preview = sp_brief_dialog_get_control (waiting.dialog, "preview");
  g_assert_true (wait_for (preview_is_tall, preview));
  save_screenshot (GTK_WIDGET (waiting.dialog), "brief-dialog.png");

  /* Defaults: the project's title, every theme and stance, memos on. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_brief_dialog_get_control (waiting.dialog, "title"))),
                   ==, "brief");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sp_brief_dialog_get_control (waiting.dialog, "memos"))));
  scope = sp_brief_dialog_dup_scope (waiting.dialog);
  g_assert_cmpuint (scope->theme_ids->len, ==, 0);
  g_assert_cmpuint (scope->stances, ==, 0);

  md_path = g_build_filename (dir, "brief.md", NULL);
  markdown = export_as (&waiting, 0, md_path);
  g_assert_true (g_str_has_prefix (markdown, "# brief\n"));
  g_assert_nonnull (strstr (markdown, "### Thomas Li — Opposes\n\n> don't bundle these values with standards goals\n"));
  g_assert_nonnull (strstr (markdown, "> " LI_QUOTE_2 "\n"));
  g_assert_nonnull (strstr (markdown, "*Memo:* Li's memo"));

  /* A new title and leaving Opposes out lay the preview out again, and
   * the export follows. */
  gtk_editable_set_text (GTK_EDITABLE (sp_brief_dialog_get_control (waiting.dialog, "title")), "Supporters only");
  opposes = sp_brief_dialog_get_check (waiting.dialog, SP_BRIEF_DIALOG_STANCES, SP_STANCE_OPPOSES);
  g_assert_nonnull (opposes);
  gtk_check_button_set_active (opposes, FALSE);
  wait_for_preview (&waiting);
  g_clear_pointer (&scope, sp_brief_scope_free);
  scope = sp_brief_dialog_dup_scope (waiting.dialog);
  g_assert_cmpuint (scope->stances, ==, (1u << SP_STANCE_SUPPORTS) | (1u << SP_STANCE_MIXED) |
                    (1u << SP_STANCE_NEUTRAL) | (1u << SP_STANCE_UNCLEAR) | (1u << SP_STANCE_NONE));

  narrow_path = g_build_filename (dir, "narrow.md", NULL);
  narrow = export_as (&waiting, 0, narrow_path);
  g_assert_true (g_str_has_prefix (narrow, "# Supporters only\n"));
  g_assert_null (strstr (narrow, LI_QUOTE_1));
  g_assert_nonnull (strstr (narrow, "No annotated passages are in the brief's scope."));
  gtk_check_button_set_active (opposes, TRUE);
  wait_for_preview (&waiting);

  /* Only one theme ticked: the scope names it. */
  for (guint i = 0; ; i++)
    {
      g_autoptr(GPtrArray) themes = sp_project_list_themes (project, &error);

      if (i == themes->len)
        break;
      if (((SpThemeInfo *) g_ptr_array_index (themes, i))->id != values)
        gtk_check_button_set_active (sp_brief_dialog_get_check (waiting.dialog, SP_BRIEF_DIALOG_THEMES,
                                                                ((SpThemeInfo *) g_ptr_array_index (themes, i))->id),
                                     FALSE);
    }
  wait_for_preview (&waiting);

  html_path = g_build_filename (dir, "brief.html", NULL);
  html = export_as (&waiting, 1, html_path);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_assert_nonnull (strstr (html, "<h1>Supporters only</h1>"));
  g_assert_nonnull (strstr (html, "<li>Themes: Values in standards</li>"));
  g_assert_nonnull (strstr (html, "<blockquote><p>don&#39;t bundle these values with standards goals</p>"));

  pdf_path = g_build_filename (dir, "brief.pdf", NULL);
  pdf = export_as (&waiting, 2, pdf_path);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-1."));

  /* Printing goes through GtkPrintOperation, exported to a file here as
   * no printer dialog can be driven: the same pages as the PDF. */
  g_clear_pointer (&scope, sp_brief_scope_free);
  scope = sp_brief_dialog_dup_scope (waiting.dialog);
  print_path = g_build_filename (dir, "printed.pdf", NULL);
  operation = sp_brief_print_operation_new (project, scope, &error);
  g_assert_no_error (error);
  g_signal_connect (operation, "draw-page", G_CALLBACK (count_page_cb), &n_printed);
  gtk_print_operation_set_export_filename (operation, print_path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window),
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  printed_info = run_tool ((const char *[]) { "pdfinfo", print_path, NULL });
  exported_info = run_tool ((const char *[]) { "pdfinfo", pdf_path, NULL });
  for (guint i = 0; i < 2; i++)
    {
      const char *info = i == 0 ? printed_info : exported_info;

      g_assert_nonnull (strstr (info, "Pages:           2\n"));
      g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)\n"));
    }
  g_assert_cmpuint (n_printed, ==, 2);
  printed_text = run_tool ((const char *[]) { "pdftotext", print_path, "-", NULL });
  g_assert_nonnull (strstr (printed_text, "Supporters only"));
  g_assert_nonnull (strstr (printed_text, "Values in standards"));
  g_assert_nonnull (strstr (printed_text, "don't bundle these values"));

  /* Nothing ticked in a list: nothing to brief, nothing to export. */
  gtk_check_button_set_active (sp_brief_dialog_get_check (waiting.dialog, SP_BRIEF_DIALOG_THEMES, values), FALSE);
  g_assert_null (sp_brief_dialog_dup_scope (waiting.dialog));

  gtk_window_close (GTK_WINDOW (waiting.dialog));
  spin (100);
  g_assert_null (waiting.dialog);
  g_free (waiting.exported);

  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  g_object_unref (project);
  spin (50);
  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  ui_test_init (&argc, &argv);
  use_app_style ();

  g_test_add_func ("/Standpoint/ui/brief-dialog/preview-and-export", test_brief_dialog);

  return g_test_run ();
}
