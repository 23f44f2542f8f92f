/* sp-attribution-detail.h: one attributed report passage beside its
 * ranked transcript candidates (speaker, timestamp, score, text), with the
 * buttons that accept the chosen candidate, reject them all or show the
 * pair side by side (the actions attribution.accept, .reject-all and
 * .show-pair of an enclosing widget). Enter on a candidate emits
 * ::candidate-activated; choosing another emits ::chosen-changed. Each
 * candidate shows its first lines (all on demand) with the words it
 * shares with the passage in bold.
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
/* Marks the candidate overlapping [@start, @end) of the transcript (the
 * target of the passage's "paraphrases" link; -1, -1: none) as linked;
 * Accept is then no longer suggested for it. */
void                          sp_attribution_detail_set_linked_range (SpAttributionDetail  *self,
                                                                      gint64                start,
                                                                      gint64                end);
/* Whether the chosen candidate is the linked one. */
gboolean                      sp_attribution_detail_chosen_is_linked (SpAttributionDetail  *self);

/* For tests: a candidate's text as markup, whether it shows the "Linked"
 * badge, the Accept button. */
const char                   *_sp_attribution_detail_get_candidate_markup (SpAttributionDetail *self,
                                                                           guint                index);
gboolean                      _sp_attribution_detail_shows_linked         (SpAttributionDetail *self,
                                                                           guint                index);
GtkWidget                    *_sp_attribution_detail_get_accept_button    (SpAttributionDetail *self);


G_END_DECLS
