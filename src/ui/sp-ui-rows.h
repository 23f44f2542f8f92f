/* sp-ui-rows.h: pieces that several list rows and editors build the same
 * way — a theme's colour dot, name, keycap and count, an editor's error
 * bar and an error dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A "●" label in @color (grey when NULL). */
GtkWidget *sp_theme_dot_new          (const char  *color);

/* A start-aligned label for @name that ellipsizes and takes the spare width. */
GtkWidget *sp_row_name_label_new     (const char  *name);

/* Appends @shortcut to @box as a keycap, unless it is NULL or empty. */
void       sp_row_append_keycap      (GtkBox      *box,
                                      const char  *shortcut);

/* A right-aligned, dimmed, numeric label for @count. */
GtkWidget *sp_row_count_label_new    (guint        count);

/* Shows @message in an error bar (@revealer around @label) and rings the
 * bell on @widget. */
void       sp_error_bar_show         (GtkRevealer *revealer,
                                      GtkLabel    *label,
                                      GtkWidget   *widget,
                                      const char  *message);

/* Hides the error bar and clears its message. */
void       sp_error_bar_dismiss      (GtkRevealer *revealer,
                                      GtkLabel    *label);
/* Shows @error's message (or a generic one) when @ok is FALSE, clears the bar
 * otherwise; returns @ok, so an editor can put its fields back on failure. */
gboolean   sp_error_bar_check        (GtkRevealer *revealer,
                                      GtkLabel    *label,
                                      GtkWidget   *owner,
                                      gboolean     ok,
                                      GError     **error);

/* Presents a modal message dialog over @parent with @heading and @error's
 * message, for a failure that has no error bar to show it in. */
void       sp_show_error_dialog      (GtkWindow    *parent,
                                      const char   *heading,
                                      const GError *error);

G_END_DECLS
