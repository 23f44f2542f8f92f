/* sp-import-private.h: the individual importers, called by sp_import_bytes()
 * with text that is already valid UTF-8, free of NUL bytes and of a BOM,
 * and with line ends normalised to "\n".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-importer.h"

G_BEGIN_DECLS

SpDocumentContent *_sp_import_text       (const char    *text,
                                          gsize          len,
                                          GCancellable  *cancellable,
                                          GError       **error);
SpDocumentContent *_sp_import_report     (const char    *text,
                                          gsize          len,
                                          GCancellable  *cancellable,
                                          GError       **error);
SpDocumentContent *_sp_import_transcript (const char    *text,
                                          gsize          len,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
