/* sp-drop-down-ellipsize.c: narrow drop-downs of long names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-drop-down-ellipsize.h"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  int max_width_chars = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (max_width_chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = string != NULL ? gtk_string_object_get_string (string) : "";

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  /* The whole name, for the ellipsized button */
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static GtkListItemFactory *
label_factory_new (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}

void
sp_drop_down_ellipsize (GtkDropDown *drop_down,
                        int          max_width_chars)
{
  g_autoptr(GtkListItemFactory) button = label_factory_new (max_width_chars);
  g_autoptr(GtkListItemFactory) list = label_factory_new (0);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}
