/* ui-test-helpers.h: fixtures shared by the display tests — running the
 * main loop until a condition holds, opening the sample project in a
 * temporary directory, presenting the main window and small look-ups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-project-themes.h"
#include "sp-window.h"

G_BEGIN_DECLS

#define TIMEOUT_MS 10000

/* gtk_test_init() and adw_init(), with animations off: GTK 4.8's GtkRange
 * disconnects an adjustment animation's frame-clock handler twice when a
 * window is destroyed mid-scroll (a critical, fatal in tests), and nothing
 * tested here depends on animations. */
void          ui_test_init        (int           *argc,
                                   char        ***argv);

typedef gboolean (*CheckFunc) (gpointer data);

gboolean      wait_for            (CheckFunc      check,
                                   gpointer       data);
gboolean      wait_for_mapped     (GtkWidget     *widget);
void          spin                (guint          ms);
gboolean      is_mapped           (gpointer       data);

SpProject    *open_sample_project (const char    *dir_template,
                                   const char    *file_name,
                                   char         **dir_out);
void          remove_dir          (const char    *dir);

SpWindow     *present_window      (SpProject     *project,
                                   int            width);
gint64        show_document       (SpWindow      *window,
                                   const char    *title_prefix);

guint         count_rows          (GtkListBox    *list);
int           find_text           (GtkTextBuffer *buffer,
                                   const char    *needle,
                                   int            from);
SpThemeInfo  *theme_with_shortcut (GPtrArray     *themes,
                                   const char    *shortcut);
/* The annotations of @document_id (SpAnnotationInfo), reading order */
GPtrArray    *list_annotations    (SpProject     *project,
                                   gint64         document_id);

G_END_DECLS
