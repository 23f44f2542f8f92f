/* sp-brief-text.h: a block of a brief's Pango markup, shaped once and
 * broken into lines of a given width, for laying pages out and drawing
 * them with Cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "sp-brief-ops.h"

G_BEGIN_DECLS

typedef struct _SpBriefText SpBriefText;

/* A line's extents, in points from the top of the block. */
typedef struct
{
  double top;
  double bottom;
  double baseline;
  double width;
} SpBriefTextLine;

/* @markup in @font broken into lines at most @width points wide, with
 * tab stops at @tabs (@n_tabs of them, points from the left, then on at
 * the distance between the last two; NULL: every eight spaces), as
 * PangoLayout breaks them. Markup that does not parse is shown as it is. */
SpBriefText           *sp_brief_text_new        (PangoContext               *context,
                                                 const PangoFontDescription *font,
                                                 const char                 *markup,
                                                 double                      width,
                                                 const double               *tabs,
                                                 guint                       n_tabs);
void                   sp_brief_text_free       (SpBriefText                *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBriefText, sp_brief_text_free)

/* At least one, even for empty text. */
guint                  sp_brief_text_get_n_lines (const SpBriefText         *self);
const SpBriefTextLine *sp_brief_text_get_line   (const SpBriefText          *self,
                                                 guint                       line);
/* The plain text of line @line, without markup: for tests. */
char                  *sp_brief_text_dup_line_text (const SpBriefText       *self,
                                                    guint                     line);
/* Adds line @line to @ops with the block's left edge at @x and the
 * line's baseline at @baseline, in @rgb unless the markup gives a
 * colour. */
void                   sp_brief_text_record_line (const SpBriefText         *self,
                                                  SpBriefOps                *ops,
                                                  guint                      line,
                                                  double                     x,
                                                  double                     baseline,
                                                  const double               rgb[3]);

/* Code points Unicode keeps out of text (U+FFFF, U+FDD0…): GLib lets
 * them through, Cairo refuses text with them. */
static inline gboolean
sp_unichar_is_noncharacter (gunichar c)
{
  return (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef);
}

G_END_DECLS
