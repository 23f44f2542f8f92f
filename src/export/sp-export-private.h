/* sp-export-private.h: what the exporters share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Writes @buffer to @stream and empties it, so a large export is written
 * in pieces rather than built whole in memory. */
gboolean     _sp_export_flush     (GOutputStream  *stream,
                                   GString        *buffer,
                                   GCancellable   *cancellable,
                                   GError        **error);

/* Replaces, in place, the characters XML 1.0 cannot carry even escaped:
 * control characters (all below U+0020 but tab, LF and CR) with spaces,
 * U+FFFE and U+FFFF with U+FFFD. Returns @text. */
char        *_sp_export_xml_scrub (char           *text);

/* Stable identifiers for what a project exports: the same project gives
 * the same GUIDs on every export, so a tool that imported one export can
 * recognise the items of the next. */
typedef struct _SpExportIds SpExportIds;

SpExportIds *_sp_export_ids_new   (SpProject      *project,
                                   GError        **error);
/* A UUID (version 5 layout, SHA-1 of the project's namespace, @kind and
 * @id), lower case, e.g. for ("theme", 3). */
char        *_sp_export_ids_guid  (SpExportIds    *self,
                                   const char     *kind,
                                   gint64          id);
void         _sp_export_ids_free  (SpExportIds    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpExportIds, _sp_export_ids_free)

G_END_DECLS
