/* sp-brief-text-record.c: the lines of an SpBriefText as Cairo
 * operations: glyphs with the text they stand for (so a PDF's text can be
 * searched and copied), in the markup's colours, with a box for each
 * character no font has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "sp-brief-text-private.h"

/* The colour the markup gives @run, if any. */
static gboolean
get_run_foreground (const Run *run,
                    double     rgb[3])
{
  for (GSList *l = run->item->analysis.extra_attrs; l != NULL; l = l->next)
    {
      const PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_FOREGROUND)
        {
          const PangoColor *color = &((const PangoAttrColor *) attribute)->color;

          rgb[0] = color->red / 65535.0;
          rgb[1] = color->green / 65535.0;
          rgb[2] = color->blue / 65535.0;
          return TRUE;
        }
    }
  return FALSE;
}

/* A character the fonts lack shows as an empty box of the glyph's size,
 * as PangoCairo shows it (with its code inside, which a brief does not
 * need). */
static void
record_missing_glyph (SpBriefOps           *ops,
                      PangoFont            *font,
                      const PangoGlyphInfo *glyph,
                      double                x,
                      double                y,
                      const double          rgb[3])
{
  const double rgba[4] = { rgb[0], rgb[1], rgb[2], 1.0 };
  const double line = 0.5;
  PangoRectangle ink;
  double left, top, width, height;

  pango_font_get_glyph_extents (font, glyph->glyph, &ink, NULL);
  left = x + (double) ink.x / PANGO_SCALE;
  top = y + (double) ink.y / PANGO_SCALE;
  width = MAX ((double) ink.width / PANGO_SCALE, 2 * line);
  height = MAX ((double) ink.height / PANGO_SCALE, 2 * line);

  sp_brief_ops_fill_rect (ops, left, top, width, line, rgba);
  sp_brief_ops_fill_rect (ops, left, top + height - line, width, line, rgba);
  sp_brief_ops_fill_rect (ops, left, top, line, height, rgba);
  sp_brief_ops_fill_rect (ops, left + width - line, top, line, height, rgba);
}

static gboolean
has_noncharacters (const char *text,
                   int         length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (sp_unichar_is_noncharacter (c))
        return TRUE;
    }
  return FALSE;
}

/* The glyphs of @run as Cairo draws them, each cluster with the text it
 * stands for, so the text of a PDF can be searched and copied. This is
 * what pango_cairo_show_glyph_item() does, but into @ops. */
static void
record_run (const SpBriefText *self,
            const Run         *run,
            SpBriefOps        *ops,
            double             x,
            double             y,
            const double       default_rgb[3])
{
  PangoGlyphString *glyphs = run->glyphs;
  PangoFont *font = run->item->analysis.font;
  PangoGlyphItem glyph_item = { .item = run->item, .glyphs = glyphs };
  PangoGlyphItemIter iter;
  g_autofree cairo_glyph_t *cairo_glyphs = g_new (cairo_glyph_t, glyphs->num_glyphs + 1);
  g_autofree cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, glyphs->num_glyphs + 1);
  g_autofree gboolean *drawn = g_new0 (gboolean, glyphs->num_glyphs + 1);
  gboolean backward = run->item->analysis.level % 2 == 1;
  int x_position = 0, n_glyphs = 0, n_clusters = 0;
  double rgb[3];

  if (!get_run_foreground (run, rgb))
    memcpy (rgb, default_rgb, sizeof rgb);

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *glyph = &glyphs->glyphs[i];
      double glyph_x = x + (double) (x_position + glyph->geometry.x_offset) / PANGO_SCALE;
      double glyph_y = y + (double) glyph->geometry.y_offset / PANGO_SCALE;

      x_position += glyph->geometry.width;
      if (glyph->glyph == PANGO_GLYPH_EMPTY)
        continue;
      if (glyph->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        {
          if (glyph->glyph != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG))
            record_missing_glyph (ops, font, glyph, glyph_x, glyph_y, rgb);
          continue;
        }
      cairo_glyphs[n_glyphs++] = (cairo_glyph_t) { glyph->glyph, glyph_x, glyph_y };
      drawn[i] = TRUE;
    }

  /* Clusters in the text's order; a right-to-left run's glyphs are stored
   * the other way round, hence backward. */
  for (gboolean more = pango_glyph_item_iter_init_start (&iter, &glyph_item, self->text);
       more; more = pango_glyph_item_iter_next_cluster (&iter))
    {
      int first = backward ? iter.end_glyph + 1 : iter.start_glyph;
      int last = backward ? iter.start_glyph + 1 : iter.end_glyph;
      int count = 0;

      for (int g = first; g < last; g++)
        count += drawn[g] ? 1 : 0;
      clusters[n_clusters++] = (cairo_text_cluster_t) { iter.end_index - iter.start_index, count };
    }

  /* Cairo refuses text with non-characters (U+FFFF, U+FDD0…) that GLib
   * lets through, and would draw nothing more: such a run goes without
   * its text. */
  if (has_noncharacters (self->text + run->item->offset, run->item->length))
    n_clusters = 0;
  sp_brief_ops_show_glyphs (ops, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)), rgb,
                            self->text + run->item->offset, n_clusters > 0 ? run->item->length : 0,
                            cairo_glyphs, n_glyphs, clusters, n_clusters,
                            backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
}

void
sp_brief_text_record_line (const SpBriefText *self,
                           SpBriefOps        *ops,
                           guint              line,
                           double             x,
                           double             baseline,
                           const double       rgb[3])
{
  const Line *l;

  g_return_if_fail (self != NULL && ops != NULL && line < self->lines->len);

  l = &g_array_index (self->lines, Line, line);
  for (guint i = l->first_run; i < l->first_run + l->n_runs; i++)
    {
      const Run *run = &g_array_index (self->runs, Run, i);

      if (run->glyphs->num_glyphs > 0)
        record_run (self, run, ops, x + run->x, baseline, rgb);
    }
}
