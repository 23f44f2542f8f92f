/* sp-import-file.h: reading one file into a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-importer.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* Reads @file (refusing one over SP_IMPORT_MAX_BYTES before reading it),
 * recognises a file already in the project by its SHA-256
 * (SP_ERROR_DUPLICATE), imports it and stores it in one transaction.
 * Warnings for the user (encoding conversions, …) are appended to
 * @warnings (may be NULL) as strings. Returns the document id or 0. */
gint64 sp_import_file (SpProject       *project,
                       GFile           *file,
                       SpImportFormat   format,
                       GCancellable    *cancellable,
                       GPtrArray       *warnings,
                       GError         **error);

/* Hex SHA-256 of @data, as stored in documents.sha256. */
char  *sp_import_sha256 (const char *data,
                         gsize       len);

G_END_DECLS
