/* sp-theme-compare-page.h: compare by theme — a theme of the codebook,
 * and one column per stakeholder with their passages on it, ordered by
 * stance. Activating a passage emits ::annotation-activated (gint64 id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-compare.h"

G_BEGIN_DECLS

#define SP_TYPE_THEME_COMPARE_PAGE (sp_theme_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (SpThemeComparePage, sp_theme_compare_page, SP, THEME_COMPARE_PAGE, GtkWidget)

GtkWidget *sp_theme_compare_page_new         (void);
/* Refills the themes of @project, then computes the columns of the
 * chosen theme under @filter (both kept) in a worker; the columns in view
 * stay until the new ones are ready. */
gboolean   sp_theme_compare_page_reload      (SpThemeComparePage    *self,
                                              SpProject             *project,
                                              const SpCompareFilter *filter,
                                              GError               **error);
void       sp_theme_compare_page_set_theme   (SpThemeComparePage    *self,
                                              gint64                 theme_id);
gint64     sp_theme_compare_page_get_theme   (SpThemeComparePage    *self);
/* The box of columns, one child per stakeholder: a vertical box (style
 * class "sp-theme-column") holding the name (a GtkLabel with style class
 * "sp-theme-column-title"), a stance summary and an SpPassageList. */
GtkWidget *sp_theme_compare_page_get_columns (SpThemeComparePage    *self);
/* Whether the columns of the chosen theme are still being computed. */
gboolean   sp_theme_compare_page_get_busy    (SpThemeComparePage    *self);

G_END_DECLS
