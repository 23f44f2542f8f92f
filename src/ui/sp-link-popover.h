/* sp-link-popover.h: linking two selected passages: the kind of link
 * (paraphrases, responds to, contradicts, cites; one key each, Enter for
 * paraphrases) and its direction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-links.h"

G_BEGIN_DECLS

#define SP_TYPE_LINK_POPOVER (sp_link_popover_get_type ())

G_DECLARE_FINAL_TYPE (SpLinkPopover, sp_link_popover, SP, LINK_POPOVER, GtkPopover)

GtkWidget  *sp_link_popover_new         (void);

/* Shows the passage of this pane (@here) and of the other one (@there),
 * and sets the direction back to the default: from here to there. */
void        sp_link_popover_setup       (SpLinkPopover *self,
                                         const char    *here,
                                         const char    *there);
/* TRUE when the link goes from the other pane's passage to this one's. */
gboolean    sp_link_popover_get_swapped (SpLinkPopover *self);
void        sp_link_popover_set_swapped (SpLinkPopover *self,
                                         gboolean       swapped);
/* As if the kind's button was pressed: emits ::link. */
void        sp_link_popover_choose      (SpLinkPopover *self,
                                         SpLinkKind     kind);

/* Signals:
 *   ::link (int kind) a kind was chosen; the popover is popped down.
 */

G_END_DECLS
