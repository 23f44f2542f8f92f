/* sp-schema-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "STPT": written to PRAGMA application_id so that `file` and Standpoint can
 * tell a project from any other SQLite database. */
#define SP_APPLICATION_ID 0x53545054

guint       sp_schema_get_version   (void);
const char *sp_schema_get_migration (guint version);

G_END_DECLS
