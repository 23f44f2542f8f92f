/* sp-stance-style.h: how stances look in the compare views — their
 * badge style classes and the colours cells and bars are drawn in,
 * legible in the light and the dark style. Their names are
 * sp_stance_get_label() (sp-types.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-types.h"

G_BEGIN_DECLS

/* The colour a stance is drawn in, for the current (light or dark) style. */
void        sp_stance_get_rgba       (SpStance    stance,
                                      GdkRGBA    *rgba);

/* A small badge naming @stance ("sp-stance-badge sp-stance-<name>"),
 * or an empty hidden label for SP_STANCE_NONE. */
GtkWidget  *sp_stance_badge_new      (SpStance    stance);

/* A row of colour swatches with the stance names, explaining the bars. */
GtkWidget  *sp_stance_legend_new     (void);

/* "Supports: 2, Opposes: 1" for the counts by stance (SpStance order);
 * "" when every count is 0. */
char       *sp_stance_describe_counts (const guint *n_by_stance);

G_END_DECLS
