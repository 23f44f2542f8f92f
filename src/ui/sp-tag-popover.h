/* sp-tag-popover.h: tagging a passage: themes (filterable, several can be
 * checked), the stakeholder who holds the position, a stance and a memo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_TAG_POPOVER (sp_tag_popover_get_type ())

G_DECLARE_FINAL_TYPE (SpTagPopover, sp_tag_popover, SP, TAG_POPOVER, GtkPopover)

GtkWidget  *sp_tag_popover_new              (void);

/* Fills the popover: @themes (SpThemeInfo, tree order) and @stakeholders
 * (SpStakeholderInfo) to choose from, and what is chosen at first. @editing
 * labels the button "Save" instead of "Tag". */
void        sp_tag_popover_setup            (SpTagPopover  *self,
                                             GPtrArray     *themes,
                                             GPtrArray     *stakeholders,
                                             const gint64  *theme_ids,
                                             guint          n_theme_ids,
                                             gint64         stakeholder_id,
                                             SpStance       stance,
                                             const char    *memo,
                                             gboolean       editing);

/* The checked themes (gint64), in list order. */
GArray     *sp_tag_popover_get_theme_ids    (SpTagPopover  *self);
void        sp_tag_popover_set_theme_checked (SpTagPopover *self,
                                             gint64         theme_id,
                                             gboolean       checked);
gint64      sp_tag_popover_get_stakeholder_id (SpTagPopover *self);
void        sp_tag_popover_set_stakeholder_id (SpTagPopover *self,
                                             gint64         stakeholder_id);
SpStance    sp_tag_popover_get_stance       (SpTagPopover  *self);
void        sp_tag_popover_set_stance       (SpTagPopover  *self,
                                             SpStance       stance);
const char *sp_tag_popover_get_memo         (SpTagPopover  *self);
void        sp_tag_popover_set_memo         (SpTagPopover  *self,
                                             const char    *memo);
void        sp_tag_popover_set_filter_text  (SpTagPopover  *self,
                                             const char    *text);
/* Themes the filter leaves visible. */
guint       sp_tag_popover_get_n_visible_themes (SpTagPopover *self);
/* As if the Tag button was clicked: emits ::tag if a theme is checked. */
gboolean    sp_tag_popover_activate_tag     (SpTagPopover  *self);

G_END_DECLS
