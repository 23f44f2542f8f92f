/* sp-export.h: a project's data in formats other tools read — CSV, W3C Web
 * Annotation JSON-LD, REFI-QDA (.qdc codebook, .qdpx project) and GraphML
 * networks — and the REFI-QDA import.
 *
 * Every writer takes a GOutputStream; sp_export_to_path() writes through
 * SpExportFile, so a failed or cancelled export leaves no truncated file.
 * Writers only read the project, but for one property: the first export
 * stores the namespace its stable GUIDs derive from (sp-export-ids.c). Run
 * them on a connection of their own (sp_project_open_secondary()) to keep
 * them off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

typedef enum
{
  SP_EXPORT_CSV,
  SP_EXPORT_WEB_ANNOTATION,
  SP_EXPORT_QDC,
  SP_EXPORT_QDPX,
  SP_EXPORT_GRAPHML_THEMES,
  SP_EXPORT_GRAPHML_AGREEMENT,
} SpExportFormat;

/* One row per annotation and theme (an annotation without themes gets one
 * row with an empty theme), RFC 4180, UTF-8, CRLF, with a header. Text
 * cells that a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR) get a leading single quote (OWASP "CSV injection"). */
gboolean sp_export_csv            (SpProject      *project,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);
/* An AnnotationCollection whose first AnnotationPage holds every
 * annotation (see sp-export-web-annotation.c for the shape). */
gboolean sp_export_web_annotation (SpProject      *project,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);
/* The codebook as a REFI-QDA Codebook (.qdc, XML). */
gboolean sp_export_qdc            (SpProject      *project,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);
/* The whole project as a REFI-QDA Project (.qdpx, a zip of project.qde and
 * sources/<GUID>.txt). */
gboolean sp_export_qdpx           (SpProject      *project,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);
/* The stakeholder–theme network (bipartite, stance-weighted edges). */
gboolean sp_export_graphml_themes (SpProject      *project,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);
/* The stakeholder agreement network (agree and conflict counts). */
gboolean sp_export_graphml_agreement (SpProject   *project,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);

/* Writes @format to @path atomically (temporary file, then rename). */
gboolean sp_export_to_path        (SpProject      *project,
                                   SpExportFormat  format,
                                   const char     *path,
                                   GCancellable   *cancellable,
                                   GError        **error);

/* Imports a REFI-QDA project (.qdpx) or codebook (.qdc) into @project:
 * its sources as documents, codes as themes, cases as stakeholders and
 * coded selections as annotations. Everything is checked before anything
 * is stored, and stored in one transaction: on any error (unsafe archive
 * entry, XML with a DTD, dangling reference, …) the project is unchanged
 * and @error names the entry or GUID at fault. */
gboolean sp_import_refi_qda       (SpProject      *project,
                                   GFile          *file,
                                   GCancellable   *cancellable,
                                   GError        **error);

G_END_DECLS
