/* sp-sample.h: the sample project built from the two corpus documents that
 * ship inside Standpoint, so a new user sees real content at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* $XDG_DATA_HOME/standpoint/Sample project.standpoint */
char      *sp_sample_project_default_path (void);

/* Opens the sample project at @path, first building it there (report, then
 * transcript) if there is no file yet. */
SpProject *sp_sample_project_open         (const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Imports the sample documents into @project (skipping ones already there). */
gboolean   sp_sample_project_fill         (SpProject     *project,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
