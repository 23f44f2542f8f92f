/* sp-drop-down-ellipsize.h: drop-downs of long names (document titles)
 * that stay narrow: the button ellipsizes the chosen name, the popup
 * shows names whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @drop_down's model must hold GtkStringObjects. */
void sp_drop_down_ellipsize (GtkDropDown *drop_down,
                             int          max_width_chars);

G_END_DECLS
