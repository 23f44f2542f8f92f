/* sp-compare-filter-bar.h: the filter the compare pages share — one
 * document, one stakeholder sector and one stance, or all of them. Emits
 * ::changed when the analyst picks another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-compare.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_COMPARE_FILTER_BAR (sp_compare_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (SpCompareFilterBar, sp_compare_filter_bar, SP, COMPARE_FILTER_BAR, GtkWidget)

GtkWidget       *sp_compare_filter_bar_new             (void);
/* Fills the choices from @project (NULL: none), keeping the chosen
 * document and sector when they are still there; does not emit ::changed
 * unless a choice vanished. */
void             sp_compare_filter_bar_reload          (SpCompareFilterBar *self,
                                                        SpProject          *project);
SpCompareFilter *sp_compare_filter_bar_dup_filter      (SpCompareFilterBar *self);
/* Choose a document (0: all) or a stance (SP_STANCE_NONE: any). */
void             sp_compare_filter_bar_select_document (SpCompareFilterBar *self,
                                                        gint64              document_id);
void             sp_compare_filter_bar_select_stance   (SpCompareFilterBar *self,
                                                        SpStance            stance);

G_END_DECLS
