/* sp-brief-pdf.c: a brief as PDF, drawn by sp-brief-pages.c onto a Cairo
 * PDF surface (which embeds subsets of the fonts used).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sp-brief-export.h"
#include "sp-brief-pages.h"

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PdfSink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfSink *sink = closure;

  /* Cairo writes as it finishes each page: a long brief stops within a
   * page of being cancelled, whatever the stream underneath checks. */
  if (sink->error != NULL || g_cancellable_set_error_if_cancelled (sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
sp_brief_write_pdf (const SpBrief  *brief,
                    SpBriefPaper    paper,
                    GOutputStream  *stream,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(SpBriefPages) pages = NULL;
  /* Cairo writes the PDF in many small pieces: gather them, rather than
   * make a system call for each. */
  g_autoptr(GOutputStream) buffered = NULL;
  PdfSink sink = { NULL, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (brief != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  buffered = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  sink.stream = buffered;

  sp_brief_paper_get_size (paper, &width, &height);
  pages = sp_brief_pages_new (brief, width, height);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, brief->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Standpoint");
  cr = cairo_create (surface);
  sp_brief_pages_draw_all (pages, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error == NULL && status == CAIRO_STATUS_SUCCESS)
    g_output_stream_flush (buffered, cancellable, &sink.error);

  if (sink.error != NULL)
    {
      g_propagate_prefixed_error (error, sink.error, _("Could not write the PDF: "));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
