/* sp-attribution-detail.h: one attributed report passage beside its
 * ranked transcript candidates (speaker, timestamp, score, text), with the
 * buttons that accept the chosen candidate, reject them all or show the
 * pair side by side (the actions attribution.accept, .reject-all and
 * .show-pair of an enclosing widget). Enter on a candidate emits
 * ::candidate-activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-attribution.h"

G_BEGIN_DECLS

#define SP_TYPE_ATTRIBUTION_DETAIL (sp_attribution_detail_get_type ())

G_DECLARE_FINAL_TYPE (SpAttributionDetail, sp_attribution_detail, SP, ATTRIBUTION_DETAIL, GtkWidget)

GtkWidget                    *sp_attribution_detail_new             (void);
/* Shows @attribution (NULL: none), which must outlive the next call;
 * the best candidate is chosen. */
void                          sp_attribution_detail_set_attribution (SpAttributionDetail   *self,
                                                                     const SpAttribution   *attribution);
/* Shows the passage's state again after it changed. */
void                          sp_attribution_detail_update_state    (SpAttributionDetail   *self);
/* The chosen candidate, or NULL. */
const SpAttributionCandidate *sp_attribution_detail_get_chosen      (SpAttributionDetail   *self);
void                          sp_attribution_detail_choose          (SpAttributionDetail   *self,
                                                                     guint                  index);


G_END_DECLS
