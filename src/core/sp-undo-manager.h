/* sp-undo-manager.h: undoable changes to a project.
 *
 * Every change a user makes to annotations, themes and stakeholders is an
 * SpCommand: an apply and a revert function. The undo manager runs each in
 * one transaction, so a change (or its undo) is either whole and durable
 * when the call returns, or did not happen at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Runs inside a transaction the undo manager opened; must not begin or
 * commit one itself. Returning FALSE rolls everything back. */
typedef gboolean (*SpCommandFunc) (SpProject  *project,
                                   gpointer    data,
                                   GError    **error);

typedef struct _SpCommand SpCommand;

/* @label is what the Undo menu item and toast say, e.g. "Tag passage".
 * @changes: the SpProjectChange flags ::changed is emitted with. */
SpCommand *sp_command_new   (const char     *label,
                             SpProjectChange changes,
                             SpCommandFunc   apply,
                             SpCommandFunc   revert,
                             gpointer        data,
                             GDestroyNotify  free_data);
void       sp_command_free  (SpCommand      *command);
const char *sp_command_get_label (SpCommand *command);
gpointer   sp_command_get_data  (SpCommand *command);
/* What @command changes, when that is one object: @kind is the one
 * SpProjectChange flag of its kind (e.g. SP_PROJECT_CHANGE_ANNOTATIONS) and
 * @id its id. Lets a view refresh just that object after undo or redo.
 * A command without a subject (the default) may change anything. */
void       sp_command_set_subject (SpCommand       *command,
                                   SpProjectChange  kind,
                                   gint64           id);
gboolean   sp_command_get_subject (SpCommand       *command,
                                   SpProjectChange *kind,
                                   gint64          *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCommand, sp_command_free)

#define SP_TYPE_UNDO_MANAGER (sp_undo_manager_get_type ())

G_DECLARE_FINAL_TYPE (SpUndoManager, sp_undo_manager, SP, UNDO_MANAGER, GObject)

/* The project's own manager (one per primary project object). */
SpUndoManager *sp_project_get_undo_manager (SpProject *project);

/* Applies @command (taking ownership) in one transaction and, on success,
 * puts it on the undo stack and clears the redo stack. */
gboolean    sp_undo_manager_execute        (SpUndoManager  *self,
                                            SpCommand      *command,
                                            GError        **error);
gboolean    sp_undo_manager_undo           (SpUndoManager  *self,
                                            GError        **error);
gboolean    sp_undo_manager_redo           (SpUndoManager  *self,
                                            GError        **error);
gboolean    sp_undo_manager_can_undo       (SpUndoManager  *self);
gboolean    sp_undo_manager_can_redo       (SpUndoManager  *self);
/* Label of what Undo/Redo would do now, or NULL. */
const char *sp_undo_manager_get_undo_label (SpUndoManager  *self);
const char *sp_undo_manager_get_redo_label (SpUndoManager  *self);
/* The subject (see sp_command_set_subject()) of what Undo/Redo would do
 * now; FALSE, leaving @kind and @id alone, if there is no such command or
 * it has no subject. */
gboolean    sp_undo_manager_peek_undo_subject (SpUndoManager   *self,
                                               SpProjectChange *kind,
                                               gint64          *id);
gboolean    sp_undo_manager_peek_redo_subject (SpUndoManager   *self,
                                               SpProjectChange *kind,
                                               gint64          *id);
void        sp_undo_manager_clear          (SpUndoManager  *self);

G_END_DECLS
