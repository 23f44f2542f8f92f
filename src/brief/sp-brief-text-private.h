/* sp-brief-text-private.h: what sp-brief-text.c lays out and
 * sp-brief-text-record.c draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-brief-text.h"

G_BEGIN_DECLS

/* A run of glyphs in one font and colour, on one line. */
typedef struct
{
  PangoItem        *item;
  PangoGlyphString *glyphs;
  double            x;       /* points from the line's left edge */
  int               hyphen_width;  /* -1 until needed */
} Run;

typedef struct
{
  SpBriefTextLine extents;
  guint           first_run; /* in self->runs, left to right */
  guint           n_runs;
  int             start;     /* bytes of self->text */
  int             end;
} Line;

struct _SpBriefText
{
  char   *text;
  GArray *lines;  /* of Line */
  GArray *runs;   /* of Run */
};

G_END_DECLS
