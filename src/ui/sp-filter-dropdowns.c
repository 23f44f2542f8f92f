/* sp-filter-dropdowns.c: filter drop-downs shared by the panels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-filter-dropdowns.h"
#include "sp-types.h"

gint64
sp_filter_dropdown_selected_id (GtkDropDown *dropdown,
                                GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

void
sp_filter_dropdown_use_string_expression (GtkDropDown *dropdown)
{
  GtkExpression *expression;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
}

void
sp_filter_dropdown_set_stances (GtkDropDown *dropdown)
{
  /* In SpStance order after "Any stance", so a position is a stance. */
  const char *stances[] = {
    _("Any stance"),
    sp_stance_get_label (SP_STANCE_SUPPORTS),
    sp_stance_get_label (SP_STANCE_OPPOSES),
    sp_stance_get_label (SP_STANCE_MIXED),
    sp_stance_get_label (SP_STANCE_NEUTRAL),
    sp_stance_get_label (SP_STANCE_UNCLEAR),
    NULL
  };
  g_autoptr(GtkStringList) stance_names = gtk_string_list_new (stances);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (stance_names));
}
