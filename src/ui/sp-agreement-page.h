/* sp-agreement-page.h: the agreement map — stakeholders x stakeholders,
 * the number of themes they agree (green) and conflict (red) on — beside
 * the themes of the chosen pair and, per theme, the passages behind it.
 * Activating a passage emits ::annotation-activated (gint64 id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-compare.h"
#include "sp-heat-grid.h"

G_BEGIN_DECLS

#define SP_TYPE_AGREEMENT_PAGE (sp_agreement_page_get_type ())

G_DECLARE_FINAL_TYPE (SpAgreementPage, sp_agreement_page, SP, AGREEMENT_PAGE, GtkWidget)

GtkWidget  *sp_agreement_page_new         (void);
/* Shows @agreement (computed from @project under @filter; taken over),
 * keeping @project and @filter for the passages behind the chosen pair. */
void        sp_agreement_page_show        (SpAgreementPage       *self,
                                           SpProject             *project,
                                           const SpCompareFilter *filter,
                                           SpAgreement           *agreement);
/* The row (and column) of a stakeholder; FALSE when it is not on the map. */
gboolean    sp_agreement_page_find_stakeholder (SpAgreementPage *self,
                                           gint64                 stakeholder_id,
                                           guint                 *index);
SpHeatGrid *sp_agreement_page_get_grid    (SpAgreementPage       *self);
/* The box of the chosen pair's sections: per theme, a heading (style
 * class "sp-agreement-agree" or "sp-agreement-conflict") then an
 * SpPassageList. */
GtkWidget  *sp_agreement_page_get_details (SpAgreementPage       *self);
/* Whether the chosen pair's passages are still being listed. */
gboolean    sp_agreement_page_get_busy    (SpAgreementPage       *self);

G_END_DECLS
