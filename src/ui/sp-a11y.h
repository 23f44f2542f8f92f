/* sp-a11y.h: small accessibility fixes for GTK 4.8 widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkDropDown's inner button takes the focus, but GTK 4.8 leaves it
 * unnamed, so a screen reader announces "GtkToggleButton" (a labelled-by
 * relation is not followed there). Gives it @label, the drop-down's own
 * accessible label. */
void sp_a11y_name_drop_down_button (GtkDropDown *drop_down,
                                    const char  *label);

G_END_DECLS
