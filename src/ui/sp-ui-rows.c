/* sp-ui-rows.c: pieces shared by list rows and editors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-ui-rows.h"

GtkWidget *
sp_theme_dot_new (const char *color)
{
  GtkWidget *dot = gtk_label_new (NULL);
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>",
                                                     color != NULL ? color : "#888888");

  gtk_label_set_markup (GTK_LABEL (dot), markup);
  return dot;
}

GtkWidget *
sp_row_name_label_new (const char *name)
{
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

void
sp_row_append_keycap (GtkBox     *box,
                      const char *shortcut)
{
  GtkWidget *key;

  g_return_if_fail (GTK_IS_BOX (box));

  if (shortcut == NULL || shortcut[0] == '\0')
    return;

  key = gtk_label_new (shortcut);
  gtk_widget_add_css_class (key, "sp-keycap");
  gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
  gtk_box_append (box, key);
}

GtkWidget *
sp_row_count_label_new (guint count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (label), 2);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  return label;
}

void
sp_error_bar_show (GtkRevealer *revealer,
                   GtkLabel    *label,
                   GtkWidget   *widget,
                   const char  *message)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, message);
  gtk_revealer_set_reveal_child (revealer, TRUE);
  gtk_widget_error_bell (widget);
}

void
sp_error_bar_dismiss (GtkRevealer *revealer,
                      GtkLabel    *label)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_revealer_set_reveal_child (revealer, FALSE);
  gtk_label_set_label (label, "");
}

gboolean
sp_error_bar_check (GtkRevealer  *revealer,
                    GtkLabel     *label,
                    GtkWidget    *owner,
                    gboolean      ok,
                    GError      **error)
{
  if (ok)
    sp_error_bar_dismiss (revealer, label);
  else
    sp_error_bar_show (revealer, label, owner,
                       error != NULL && *error != NULL ? (*error)->message
                                                       : _("The change could not be made"));
  return ok;
}

void
sp_show_error_dialog (GtkWindow    *parent,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
