/* sp-brief-ops.h: a page of a brief as a list of Cairo operations.
 *
 * Pages are laid out with Pango, whose objects belong to the thread that
 * made them; the list holds only Cairo objects (scaled fonts are thread
 * safe) and plain data, so a page laid out in one thread can be drawn in
 * another, while the next page is being laid out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpBriefOps SpBriefOps;

SpBriefOps *sp_brief_ops_new         (void);
void        sp_brief_ops_free        (SpBriefOps           *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBriefOps, sp_brief_ops_free)

/* Forgets the operations, keeping the memory for the next page. */
void        sp_brief_ops_clear       (SpBriefOps           *self);

void        sp_brief_ops_fill_rect   (SpBriefOps           *self,
                                      double                x,
                                      double                y,
                                      double                width,
                                      double                height,
                                      const double          rgba[4]);
/* Glyphs in @font (referenced) and colour @rgb, with the @text they
 * show and the clusters mapping one to the other, as for
 * cairo_show_text_glyphs(); without clusters, the glyphs alone.
 * Everything is copied. */
void        sp_brief_ops_show_glyphs (SpBriefOps                 *self,
                                      cairo_scaled_font_t        *font,
                                      const double                rgb[3],
                                      const char                 *text,
                                      int                         text_length,
                                      const cairo_glyph_t        *glyphs,
                                      int                         n_glyphs,
                                      const cairo_text_cluster_t *clusters,
                                      int                         n_clusters,
                                      cairo_text_cluster_flags_t  cluster_flags);

void        sp_brief_ops_replay      (const SpBriefOps     *self,
                                      cairo_t              *cr);

G_END_DECLS
