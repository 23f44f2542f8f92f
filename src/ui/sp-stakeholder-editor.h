/* sp-stakeholder-editor.h: a window to edit one stakeholder: name,
 * organisation, role, sector, region, colour, notes and aliases; merging
 * them into another stakeholder, or deleting them. Every change goes
 * through the project, so it can be undone; a refused change shows the
 * project's message in the window and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_STAKEHOLDER_EDITOR (sp_stakeholder_editor_get_type ())

G_DECLARE_FINAL_TYPE (SpStakeholderEditor, sp_stakeholder_editor, SP, STAKEHOLDER_EDITOR, AdwWindow)

SpStakeholderEditor *sp_stakeholder_editor_new              (SpProject           *project,
                                                             gint64               stakeholder_id);
/* Shows another stakeholder of the same project. */
void                 sp_stakeholder_editor_set_stakeholder  (SpStakeholderEditor *self,
                                                             gint64               stakeholder_id);
gint64               sp_stakeholder_editor_get_stakeholder  (SpStakeholderEditor *self);

/* Text fields: "name", "organisation", "role", "region", "notes" (set the
 * text, then emit "apply", as pressing Enter does), and "alias" (the entry
 * adding an alias). */
AdwEntryRow         *sp_stakeholder_editor_get_entry        (SpStakeholderEditor *self,
                                                             const char          *field);
/* Its items follow sp_stakeholder_sectors(). */
AdwComboRow         *sp_stakeholder_editor_get_sector_row   (SpStakeholderEditor *self);
/* The other stakeholders; sp_stakeholder_editor_merge_choice_id() maps a
 * position to its stakeholder. */
AdwComboRow         *sp_stakeholder_editor_get_merge_row    (SpStakeholderEditor *self);
gint64               sp_stakeholder_editor_merge_choice_id  (SpStakeholderEditor *self,
                                                             guint                position);
/* The remove button of an alias's row, or NULL. */
GtkButton           *sp_stakeholder_editor_get_alias_remove_button (SpStakeholderEditor *self,
                                                             const char          *alias);
const char          *sp_stakeholder_editor_get_error        (SpStakeholderEditor *self);
/* The merge confirmation, while it is open. */
AdwMessageDialog    *sp_stakeholder_editor_get_dialog       (SpStakeholderEditor *self);

G_END_DECLS
