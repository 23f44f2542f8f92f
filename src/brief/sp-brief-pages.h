/* sp-brief-pages.h: a brief laid out on pages with Pango and drawn with
 * Cairo. The same drawing serves the PDF file, the export dialog's
 * preview and GtkPrintOperation, so what is previewed is what is printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sp-brief.h"

G_BEGIN_DECLS

typedef struct _SpBriefPages SpBriefPages;

/* Pages of @width × @height points. Copies what it needs of @brief. */
SpBriefPages *sp_brief_pages_new       (const SpBrief  *brief,
                                        double          width,
                                        double          height);
void          sp_brief_pages_free      (SpBriefPages   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBriefPages, sp_brief_pages_free)

/* Finds the page breaks with @cr's font options; stops after @max_pages
 * pages (0: no limit), enough for a preview. Returns the number of pages
 * found. @cr is left as it was. */
guint         sp_brief_pages_paginate  (SpBriefPages   *self,
                                        cairo_t        *cr,
                                        guint           max_pages);
/* The same a few pages at a time, as GtkPrintOperation::paginate wants
 * it, so a long brief does not freeze the window: begin, then call
 * paginate_more until it returns TRUE. */
void          sp_brief_pages_paginate_begin (SpBriefPages *self,
                                             cairo_t      *cr);
gboolean      sp_brief_pages_paginate_more  (SpBriefPages *self,
                                             guint         max_pages);
guint         sp_brief_pages_get_n_pages (SpBriefPages *self);
/* Draws page @page (from 0, below the number paginate found) onto @cr,
 * whose unit is the point, on a white page. */
void          sp_brief_pages_draw_page (SpBriefPages   *self,
                                        cairo_t        *cr,
                                        guint           page);
/* Lays out and draws every page in one pass, calling cairo_show_page()
 * after each, as a PDF needs. Returns the number of pages. */
guint         sp_brief_pages_draw_all  (SpBriefPages   *self,
                                        cairo_t        *cr);

G_END_DECLS
