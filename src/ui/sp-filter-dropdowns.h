/* sp-filter-dropdowns.h: the filter drop-downs that the annotations and
 * search panels set up alike (theme, stakeholder, stance).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The id at the selected position of @dropdown, whose items stand in the
 * same order as @ids; 0 for none. */
gint64 sp_filter_dropdown_selected_id           (GtkDropDown *dropdown,
                                                 GArray      *ids);

/* Lets @dropdown search and show the strings of its GtkStringList. */
void   sp_filter_dropdown_use_string_expression (GtkDropDown *dropdown);

/* Fills @dropdown with "Any stance" and the stances, in SpStance order. */
void   sp_filter_dropdown_set_stances           (GtkDropDown *dropdown);

G_END_DECLS
