/* test-ui-i18n.c: the app's widgets in German. Binds the text domain the
 * way src/ui/main.c does, under LANGUAGE=de, then builds the main window on
 * the sample project and the welcome page and finds translated labels,
 * tooltips and menu items in them: strings from GtkBuilder templates
 * (translated by GtkBuilder through the default text domain), from C
 * code (gettext, ngettext) and from the core library's sample codebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-sample.h"
#include "sp-welcome-page.h"
#include "sp-window.h"
#include "ui-test-helpers.h"

static void
add_line (GString    *out,
          const char *text)
{
  if (text != NULL && *text != '\0')
    {
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
}

static void
collect_menu (GMenuModel *model,
              GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_line (out, label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          collect_menu (link, out);
          g_object_unref (link);
        }
    }
}

/* Every text a user can read under @widget, one per line: label texts
 * (without mnemonic underscores), button labels (with them), tooltips,
 * row and window titles, and the items of menu buttons' menus. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    add_line (out, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget))
    add_line (out, gtk_button_get_label (GTK_BUTTON (widget)));
  if (ADW_IS_BUTTON_CONTENT (widget))
    add_line (out, adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    add_line (out, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_WINDOW_TITLE (widget))
    add_line (out, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), out);
  add_line (out, tooltip);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
dup_texts (GtkWidget *widget)
{
  GString *out = g_string_new ("\n");

  collect_texts (widget, out);
  return g_string_free (out, FALSE);
}

/* Whether @texts has @line as a whole line. */
static gboolean
has_line (const char *texts,
          const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);

  return strstr (texts, needle) != NULL;
}

#define assert_line(texts, line) \
  G_STMT_START { \
    if (!has_line ((texts), (line))) \
      g_error ("no line “%s” among the texts:%s", (line), (texts)); \
  } G_STMT_END

#define assert_no_line(texts, line) \
  G_STMT_START { \
    if (has_line ((texts), (line))) \
      g_error ("the English “%s” is still shown", (line)); \
  } G_STMT_END

/* The catalogue itself: found, and German */
static void
test_catalogue (void)
{
  /* Without these the widget tests below could only fail obscurely. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "de");
  g_assert_cmpstr (_("Documents"), ==, "Dokumente");
  g_assert_cmpstr (ngettext ("%u turn", "%u turns", 1), ==, "%u Redebeitrag");
  g_assert_cmpstr (ngettext ("%u turn", "%u turns", 2), ==, "%u Redebeiträge");
  g_assert_cmpstr (C_("sector", "Civil society"), ==, "Zivilgesellschaft");
}

static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-i18n-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *texts = NULL;
  g_autoptr(SpProject) project = NULL;
  SpWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Beispielprojekt.standpoint", NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  sp_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_mapped (GTK_WIDGET (window)));
  spin (200);
  g_assert_cmpstr (sp_window_get_page (window), ==, "project");

  texts = dup_texts (GTK_WIDGET (window));

  /* The sidebar's section headings (sp-sidebar.ui) */
  assert_line (texts, "Dokumente");
  assert_line (texts, "Akteure");
  assert_no_line (texts, "Documents");
  assert_no_line (texts, "Stakeholders");
  /* The header bar: the Import button's label and tooltip, the main menu's
   * tooltip (sp-window.ui) */
  assert_line (texts, "Importieren");
  assert_line (texts, "_Importieren");
  assert_no_line (texts, "Import");
  assert_line (texts, "Berichte und Transkripte importieren");
  assert_line (texts, "Hauptmenü");
  /* The main menu's items (a GMenu in sp-window.ui) */
  assert_line (texts, "_Dateien importieren …");
  assert_line (texts, "_Codebuch …");
  assert_line (texts, "Projekt _schließen");
  assert_line (texts, "_Info zu Standpoint");
  assert_no_line (texts, "_Close Project");
  /* The sample codebook, created under LANGUAGE=de from the core
   * library's N_() strings (sp-codebook-sample.c) */
  assert_line (texts, "Gleichgesinnte Länder");
  assert_no_line (texts, "Like-minded countries");
  /* Built in C: the transcript's kind and turn count in the sidebar */
  g_assert_nonnull (strstr (texts, "Transkript · "));
  g_assert_nonnull (strstr (texts, " Redebeiträge\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&project);
  remove_dir (dir);
}

static void
test_welcome_page (void)
{
  SpWelcomePage *page = g_object_ref_sink (SP_WELCOME_PAGE (sp_welcome_page_new ()));
  g_autofree char *texts = dup_texts (GTK_WIDGET (page));

  assert_line (texts, "Willkommen bei Standpoint");
  /* The three buttons, with their mnemonics and as shown */
  assert_line (texts, "_Neues Projekt …");
  assert_line (texts, "Projekt ö_ffnen …");
  assert_line (texts, "_Beispielprojekt öffnen");
  assert_line (texts, "Neues Projekt …");
  assert_line (texts, "Projekt öffnen …");
  assert_line (texts, "Beispielprojekt öffnen");
  assert_line (texts, "Zuletzt geöffnete Projekte");
  assert_no_line (texts, "_New Project…");
  assert_no_line (texts, "Welcome to Standpoint");

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  /* As if started with LANGUAGE=de (meson sets it; this keeps the test
   * meaningful when run by hand). */
  g_setenv ("LANGUAGE", "de", TRUE);
  if (g_getenv ("STANDPOINT_LOCALEDIR") == NULL)
    g_error ("STANDPOINT_LOCALEDIR must name the build tree's po directory");

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init sets an English locale; take the environment's again
   * (LC_ALL=C.UTF-8: glibc ignores LANGUAGE only in the plain C locale),
   * then bind the text domain as main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STANDPOINT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/Standpoint/i18n/catalogue", test_catalogue);
  g_test_add_func ("/Standpoint/i18n/window", test_window);
  g_test_add_func ("/Standpoint/i18n/welcome-page", test_welcome_page);

  return g_test_run ();
}
