/* sp-attribution-view-private.h: what the tests look at inside the
 * attribution view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-attribution-detail.h"
#include "sp-attribution-view.h"

G_BEGIN_DECLS

/* The attributed passages of the last check, in list order. */
guint                _sp_attribution_view_get_n_passages  (SpAttributionView *self);
const SpAttribution *_sp_attribution_view_get_passage     (SpAttributionView *self,
                                                           guint              index);
/* Selects the row of passage @index, as a click does. */
void                 _sp_attribution_view_select_passage  (SpAttributionView *self,
                                                           guint              index);
/* The state badge's text in the row of passage @index. */
const char          *_sp_attribution_view_get_row_state   (SpAttributionView *self,
                                                           guint              index);
SpAttributionDetail *_sp_attribution_view_get_detail      (SpAttributionView *self);

G_END_DECLS
