/* sp-import-util.h: what the three importers share.
 *
 * An importer first gathers each block (paragraph, heading, list item, …)
 * into an SpImportBuffer (sp-import-buffer.h), turning inline markup into
 * spans (sp-import-inline.h); a transcript importer also looks for the
 * lines that open a turn (sp-import-speaker.h). It then hands the finished
 * block to an SpImportWriter (sp-import-writer.h), which builds the
 * SpDocumentContent. This header includes all of them, plus a few tests on
 * plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-document-content.h"
#include "sp-import-buffer.h"
#include "sp-import-inline.h"
#include "sp-import-speaker.h"
#include "sp-import-writer.h"

G_BEGIN_DECLS

/* How often the line loops look at the GCancellable. */
#define SP_IMPORT_CANCEL_INTERVAL 4096

/* Whether a short block is, or holds, a URL or reads like a bibliography
 * entry: what the text after a footnote looks like when it continues it. */
gboolean       sp_import_looks_like_reference (const char      *text,
                                               gsize            len);
gboolean       sp_import_is_blank           (const char        *text,
                                             gsize              len);
/* Collapses runs of white space to one space and trims; tidies " |X" to " | X". */
char          *sp_import_tidy_title         (const char        *text,
                                             gssize             len);

G_END_DECLS
