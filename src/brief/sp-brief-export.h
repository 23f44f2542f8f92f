/* sp-brief-export.h: writing a brief as Markdown (CommonMark), one
 * self-contained HTML file, or PDF; the file is written to a temporary
 * and renamed into place (sp-export-file.h), so a failure leaves nothing
 * half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-brief.h"
#include "sp-brief-paper.h"

G_BEGIN_DECLS

typedef enum
{
  SP_BRIEF_FORMAT_MARKDOWN,
  SP_BRIEF_FORMAT_HTML,
  SP_BRIEF_FORMAT_PDF,
} SpBriefFormat;

/* "md" or "markdown", "html", "pdf". */
gboolean    sp_brief_format_from_string (const char     *str,
                                         SpBriefFormat  *format);
/* "md", "html", "pdf": the file name extension. */
const char *sp_brief_format_to_string   (SpBriefFormat   format);

/* The whole document as text (sp-brief-markdown.c, sp-brief-html.c). */
char       *sp_brief_to_markdown        (const SpBrief  *brief);
char       *sp_brief_to_html            (const SpBrief  *brief);

/* Lays @brief out on @paper and writes it to @stream as PDF, with its
 * fonts embedded (sp-brief-pdf.c). */
gboolean    sp_brief_write_pdf          (const SpBrief  *brief,
                                         SpBriefPaper    paper,
                                         GOutputStream  *stream,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Writes @brief to @path in @format; @paper is for PDF only. */
gboolean    sp_brief_write              (const SpBrief  *brief,
                                         SpBriefFormat   format,
                                         SpBriefPaper    paper,
                                         const char     *path,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* sp_brief_new() then sp_brief_write(). */
gboolean    sp_brief_export             (SpProject           *project,
                                         const SpBriefScope  *scope,
                                         SpBriefFormat        format,
                                         SpBriefPaper         paper,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GError             **error);

G_END_DECLS
