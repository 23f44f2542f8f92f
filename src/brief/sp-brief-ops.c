/* sp-brief-ops.c: a page of a brief as a list of Cairo operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-brief-ops.h"

typedef enum
{
  OP_FILL_RECT,
  OP_SHOW_GLYPHS,
} OpKind;

typedef struct
{
  OpKind kind;
  double color[4];
  union
  {
    struct
    {
      double x, y, width, height;
    } rect;
    struct
    {
      cairo_scaled_font_t        *font;
      guint                       text;       /* offsets into the page's arrays */
      int                         text_length;
      guint                       glyphs;
      int                         n_glyphs;
      guint                       clusters;
      int                         n_clusters;
      cairo_text_cluster_flags_t  cluster_flags;
    } glyphs;
  };
} Op;

struct _SpBriefOps
{
  GArray     *ops;       /* of Op */
  GByteArray *text;
  GArray     *glyphs;    /* of cairo_glyph_t */
  GArray     *clusters;  /* of cairo_text_cluster_t */
};

static void
op_clear (gpointer data)
{
  Op *op = data;

  if (op->kind == OP_SHOW_GLYPHS)
    g_clear_pointer (&op->glyphs.font, cairo_scaled_font_destroy);
}

SpBriefOps *
sp_brief_ops_new (void)
{
  SpBriefOps *self = g_new0 (SpBriefOps, 1);

  self->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_array_set_clear_func (self->ops, op_clear);
  self->text = g_byte_array_new ();
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  return self;
}

void
sp_brief_ops_free (SpBriefOps *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ops);
  g_byte_array_unref (self->text);
  g_array_unref (self->glyphs);
  g_array_unref (self->clusters);
  g_free (self);
}

void
sp_brief_ops_clear (SpBriefOps *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->ops, 0);
  g_byte_array_set_size (self->text, 0);
  g_array_set_size (self->glyphs, 0);
  g_array_set_size (self->clusters, 0);
}

void
sp_brief_ops_fill_rect (SpBriefOps   *self,
                        double        x,
                        double        y,
                        double        width,
                        double        height,
                        const double  rgba[4])
{
  Op op = { .kind = OP_FILL_RECT, .color = { rgba[0], rgba[1], rgba[2], rgba[3] },
            .rect = { x, y, width, height } };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->ops, op);
}

void
sp_brief_ops_show_glyphs (SpBriefOps                 *self,
                          cairo_scaled_font_t        *font,
                          const double                rgb[3],
                          const char                 *text,
                          int                         text_length,
                          const cairo_glyph_t        *glyphs,
                          int                         n_glyphs,
                          const cairo_text_cluster_t *clusters,
                          int                         n_clusters,
                          cairo_text_cluster_flags_t  cluster_flags)
{
  Op op = { .kind = OP_SHOW_GLYPHS, .color = { rgb[0], rgb[1], rgb[2], 1.0 } };

  g_return_if_fail (self != NULL && font != NULL);

  if (n_glyphs == 0 && text_length == 0)
    return;
  op.glyphs.font = cairo_scaled_font_reference (font);
  op.glyphs.text = self->text->len;
  op.glyphs.text_length = text_length;
  op.glyphs.glyphs = self->glyphs->len;
  op.glyphs.n_glyphs = n_glyphs;
  op.glyphs.clusters = self->clusters->len;
  op.glyphs.n_clusters = n_clusters;
  op.glyphs.cluster_flags = cluster_flags;
  g_byte_array_append (self->text, (const guint8 *) text, text_length);
  g_array_append_vals (self->glyphs, glyphs, n_glyphs);
  g_array_append_vals (self->clusters, clusters, n_clusters);
  g_array_append_val (self->ops, op);
}

void
sp_brief_ops_replay (const SpBriefOps *self,
                     cairo_t          *cr)
{
  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);
  for (guint i = 0; i < self->ops->len; i++)
    {
      const Op *op = &g_array_index (self->ops, Op, i);

      switch (op->kind)
        {
        case OP_FILL_RECT:
          if (op->color[3] >= 1.0)
            cairo_set_source_rgb (cr, op->color[0], op->color[1], op->color[2]);
          else
            cairo_set_source_rgba (cr, op->color[0], op->color[1], op->color[2], op->color[3]);
          cairo_rectangle (cr, op->rect.x, op->rect.y, op->rect.width, op->rect.height);
          cairo_fill (cr);
          break;

        case OP_SHOW_GLYPHS:
          cairo_set_source_rgb (cr, op->color[0], op->color[1], op->color[2]);
          cairo_set_scaled_font (cr, op->glyphs.font);
          if (op->glyphs.n_clusters == 0)
            cairo_show_glyphs (cr, &g_array_index (self->glyphs, cairo_glyph_t, op->glyphs.glyphs),
                               op->glyphs.n_glyphs);
          else
            cairo_show_text_glyphs (cr, (const char *) self->text->data + op->glyphs.text,
                                    op->glyphs.text_length,
                                    &g_array_index (self->glyphs, cairo_glyph_t, op->glyphs.glyphs),
                                    op->glyphs.n_glyphs,
                                    &g_array_index (self->clusters, cairo_text_cluster_t, op->glyphs.clusters),
                                    op->glyphs.n_clusters, op->glyphs.cluster_flags);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}
