/* sp-codebook-editor.h: a window to edit the project's codebook: the tree
 * of themes, their names, colours, keys, descriptions and position
 * statements; adding, moving, merging and deleting them. Every change goes
 * through the project (so it can be undone in the main window too); a
 * change the project refuses is shown in the window and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_CODEBOOK_EDITOR (sp_codebook_editor_get_type ())

G_DECLARE_FINAL_TYPE (SpCodebookEditor, sp_codebook_editor, SP, CODEBOOK_EDITOR, AdwWindow)

SpCodebookEditor *sp_codebook_editor_new                 (SpProject        *project);
SpProject        *sp_codebook_editor_get_project         (SpCodebookEditor *self);

/* 0 if none */
gint64            sp_codebook_editor_get_selected_theme  (SpCodebookEditor *self);
gboolean          sp_codebook_editor_select_theme        (SpCodebookEditor *self,
                                                          gint64            theme_id);
GtkListBox       *sp_codebook_editor_get_theme_list      (SpCodebookEditor *self);
/* The theme a row of the list stands for. */
gint64            sp_codebook_editor_row_get_id          (GtkListBoxRow    *row);

/* The fields of the selected theme (AdwEntryRows: set the text, then emit
 * "apply", as pressing Enter does). */
AdwEntryRow      *sp_codebook_editor_get_name_row        (SpCodebookEditor *self);
AdwEntryRow      *sp_codebook_editor_get_shortcut_row    (SpCodebookEditor *self);
AdwEntryRow      *sp_codebook_editor_get_description_row (SpCodebookEditor *self);
AdwEntryRow      *sp_codebook_editor_get_statement_row   (SpCodebookEditor *self);
GtkColorButton   *sp_codebook_editor_get_color_button    (SpCodebookEditor *self);

/* The message shown for the last refused change, or NULL. */
const char       *sp_codebook_editor_get_error           (SpCodebookEditor *self);
/* The question the editor asks (delete, merge, move), while it is open. */
AdwMessageDialog *sp_codebook_editor_get_dialog          (SpCodebookEditor *self);
/* The choice of theme in that dialog (move and merge), or NULL. Its
 * items are theme names; sp_codebook_editor_dialog_choice_id() maps a
 * position to its theme (0: top level). */
GtkDropDown      *sp_codebook_editor_get_dialog_choice   (SpCodebookEditor *self);
gint64            sp_codebook_editor_dialog_choice_id    (SpCodebookEditor *self,
                                                          guint             position);

G_END_DECLS
