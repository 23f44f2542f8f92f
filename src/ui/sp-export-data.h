/* sp-export-data.h: exporting a project's data (CSV, Web Annotation JSON,
 * REFI-QDA, GraphML) and importing a REFI-QDA project, from the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Asks for a file and a format, then exports in a thread (on a connection
 * of its own); failures are shown in a dialog over @parent. */
void sp_export_data_run  (GtkWindow *parent,
                          SpProject *project);
/* Asks for a .qdpx or .qdc file and imports it into @project in a thread
 * (on a connection of its own, so it is not on the undo stack); a refusal
 * is shown in a dialog and leaves the project as it was. */
void sp_import_qdpx_run  (GtkWindow *parent,
                          SpProject *project);

G_END_DECLS
