/* sp-project-private.h: what the pieces of SpProject share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sp-database.h"
#include "sp-error.h"
#include "sp-project.h"

G_BEGIN_DECLS

sqlite3  *_sp_project_get_db           (SpProject     *self);
/* The connection, or NULL with a "project is closed" error. */
sqlite3  *_sp_project_get_db_checked   (SpProject     *self,
                                        GError       **error);
/* Fails with SP_ERROR_READ_ONLY (or a closed-project error) unless the
 * project can take a change now. */
gboolean  _sp_project_check_writable   (SpProject     *self,
                                        GError       **error);
/* ISO 8601 UTC timestamp for created_at and friends. */
char     *_sp_project_now              (void);
/* Find or create the stakeholder a speaker name stands for, by name or
 * alias. Must run inside the caller's transaction. Returns 0 on error. */
gint64    _sp_project_ensure_stakeholder (SpProject   *self,
                                          const char  *name,
                                          GError     **error);
/* Lets a long statement be interrupted through @cancellable. */
void      _sp_project_watch_cancellable (SpProject    *self,
                                         GCancellable *cancellable);

typedef struct _SpUndoManager SpUndoManager;
SpUndoManager *_sp_undo_manager_new (SpProject *project);

G_END_DECLS
