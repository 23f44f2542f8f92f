/* sp-compare-filter-bar.h: the filter the compare pages share — any set
 * of documents, stakeholder sectors and stances, each chosen in the popover
 * of a menu button that says what is chosen ("2 documents", "Government,
 * Industry", "Any stance"). Emits ::changed when the choice changes.
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

typedef enum
{
  SP_COMPARE_FILTER_DOCUMENTS,
  SP_COMPARE_FILTER_SECTORS,
  SP_COMPARE_FILTER_STANCES,
} SpCompareFilterKind;

GtkWidget       *sp_compare_filter_bar_new             (void);
/* Fills the choices from @project (NULL: none), keeping the chosen
 * documents and sectors that are still there; does not emit ::changed
 * unless a chosen one vanished. */
void             sp_compare_filter_bar_reload          (SpCompareFilterBar *self,
                                                        SpProject          *project);
SpCompareFilter *sp_compare_filter_bar_dup_filter      (SpCompareFilterBar *self);
/* Choose only this document (0: all) or stance (SP_STANCE_NONE: any). */
void             sp_compare_filter_bar_select_document (SpCompareFilterBar *self,
                                                        gint64              document_id);
void             sp_compare_filter_bar_select_stance   (SpCompareFilterBar *self,
                                                        SpStance            stance);
/* Add a document, sector or stance to the choice, or take it out, as its
 * check button does (SP_STANCE_NONE here: passages with no stance). */
void             sp_compare_filter_bar_set_document_chosen (SpCompareFilterBar *self,
                                                        gint64              document_id,
                                                        gboolean            chosen);
void             sp_compare_filter_bar_set_sector_chosen (SpCompareFilterBar *self,
                                                        const char         *sector,
                                                        gboolean            chosen);
void             sp_compare_filter_bar_set_stance_chosen (SpCompareFilterBar *self,
                                                        SpStance            stance,
                                                        gboolean            chosen);
/* What the button of @kind says is chosen. */
const char      *sp_compare_filter_bar_get_label       (SpCompareFilterBar *self,
                                                        SpCompareFilterKind kind);
GtkMenuButton   *sp_compare_filter_bar_get_button      (SpCompareFilterBar *self,
                                                        SpCompareFilterKind kind);

G_END_DECLS
