/* sp-brief-text.c: a block of markup shaped once and broken into lines.
 *
 * This is the part of PangoLayout a brief needs, done the cheaper way. A
 * PangoLayout shapes each run of text, breaks it where it overflows,
 * then shapes the part that stays on the line again, and it does all of
 * that for every one of a long brief's ten thousand quotes: two thirds of
 * the time a PDF took went there. Here each paragraph is itemized and
 * shaped once and the glyphs are divided between lines at Pango's own
 * break opportunities (pango_get_log_attrs), which gives the same lines
 * for the Latin, Cyrillic and CJK text of policy documents. Bidi text is
 * reordered per line with pango_reorder_items(), a right-to-left
 * paragraph is set flush right as PangoLayout sets it, and tab stops
 * serve the tables. tests/brief/test-brief-text.c holds it to
 * PangoLayout's lines and pixels. Lines are drawn by
 * sp-brief-text-record.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <hb.h>
#include <pango/pangocairo.h>

#include "sp-brief-text-private.h"

/* What laying out one block needs to know. */
typedef struct
{
  SpBriefText                *self;
  PangoContext               *context;
  const PangoFontDescription *font;
  PangoAttrList              *attrs;
  int                         width;     /* Pango units */
  int                        *tabs;      /* Pango units */
  guint                       n_tabs;
  int                         tab_width; /* eight spaces; -1 until a tab needs it */
  double                      y;         /* points: the next line's top */
  PangoDirection              direction; /* of the last paragraph */
} Builder;

/* A paragraph shaped, before it is broken into lines. */
typedef struct
{
  const char *text;        /* the paragraph's first byte */
  int         start;       /* bytes of the text */
  int         n_chars;
  int        *char_bytes;  /* n_chars + 1: each character's byte offset from start */
  int        *byte_chars;  /* length + 1: the character each byte is part of */
  PangoLogAttr *log_attrs; /* n_chars + 1 */
  int        *widths;      /* n_chars: logical widths, Pango units */
  gboolean   *cluster_starts; /* n_chars + 1: a line may begin here */
  gboolean   *tabs;        /* n_chars */
  GQueue      runs;        /* of Run *, logical order, not yet on a line */
  gboolean    bidi;        /* some run goes right to left */
} Paragraph;

static void
run_clear (gpointer data)
{
  Run *run = data;

  g_clear_pointer (&run->item, pango_item_free);
  g_clear_pointer (&run->glyphs, pango_glyph_string_free);
}

static Run *
run_new (PangoItem        *item,
         PangoGlyphString *glyphs)
{
  Run *run = g_new0 (Run, 1);

  run->item = item;
  run->glyphs = glyphs;
  run->hyphen_width = -1;
  return run;
}

static void
run_free (Run *run)
{
  run_clear (run);
  g_free (run);
}

/* Splits @run before byte @index of its item, which starts a cluster:
 * @run keeps what follows, and the part before is returned. Glyphs of a
 * right-to-left run are stored right to left, so its first characters
 * are its last glyphs. */
static Run *
run_split (Run *run,
           int  index,
           int  n_chars)
{
  PangoGlyphString *rest = run->glyphs;
  PangoGlyphString *head = pango_glyph_string_new ();
  gboolean rtl = run->item->analysis.level % 2 == 1;
  int n_head = 0;
  int first;

  for (int g = 0; g < rest->num_glyphs; g++)
    if (rest->log_clusters[g] < index)
      n_head++;
  first = rtl ? rest->num_glyphs - n_head : 0;

  pango_glyph_string_set_size (head, n_head);
  memcpy (head->glyphs, rest->glyphs + first, n_head * sizeof (PangoGlyphInfo));
  memcpy (head->log_clusters, rest->log_clusters + first, n_head * sizeof (int));

  if (!rtl)
    {
      memmove (rest->glyphs, rest->glyphs + n_head, (rest->num_glyphs - n_head) * sizeof (PangoGlyphInfo));
      memmove (rest->log_clusters, rest->log_clusters + n_head, (rest->num_glyphs - n_head) * sizeof (int));
    }
  pango_glyph_string_set_size (rest, rest->num_glyphs - n_head);
  for (int g = 0; g < rest->num_glyphs; g++)
    rest->log_clusters[g] -= index;

  return run_new (pango_item_split (run->item, index, n_chars), head);
}

static void
paragraph_clear (Paragraph *paragraph)
{
  g_free (paragraph->char_bytes);
  g_free (paragraph->byte_chars);
  g_free (paragraph->log_attrs);
  g_free (paragraph->widths);
  g_free (paragraph->cluster_starts);
  g_free (paragraph->tabs);
  g_queue_clear_full (&paragraph->runs, (GDestroyNotify) run_free);
}

static int
char_at_byte (const Paragraph *paragraph,
              int              offset)
{
  return paragraph->byte_chars[offset];
}

static gboolean
is_tab_item (const char      *text,
             const PangoItem *item)
{
  return item->length > 0 && text[item->offset] == '\t';
}

/* Itemizes and shapes the paragraph, and notes the width of each
 * character and where lines may begin. */
static void
shape_paragraph (Builder   *builder,
                 Paragraph *paragraph,
                 int        length)
{
  const char *text = builder->self->text;
  const char *start = text + paragraph->start;
  const char *p = start;
  PangoDirection direction;
  GList *items;

  /* Deprecated without a replacement: PangoLayout finds a paragraph's
   * direction the same way inside. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  direction = pango_find_base_dir (start, length);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (direction == PANGO_DIRECTION_NEUTRAL)
    direction = builder->direction;
  builder->direction = direction;

  paragraph->n_chars = (int) g_utf8_strlen (start, length);
  paragraph->char_bytes = g_new (int, paragraph->n_chars + 1);
  paragraph->byte_chars = g_new (int, length + 1);
  paragraph->tabs = g_new0 (gboolean, paragraph->n_chars + 1);
  for (int c = 0; c < paragraph->n_chars; c++)
    {
      const char *next = g_utf8_next_char (p);

      paragraph->char_bytes[c] = (int) (p - start);
      paragraph->tabs[c] = *p == '\t';
      for (; p < next; p++)
        paragraph->byte_chars[p - start] = c;
    }
  paragraph->char_bytes[paragraph->n_chars] = length;
  paragraph->byte_chars[length] = paragraph->n_chars;

  paragraph->log_attrs = g_new0 (PangoLogAttr, paragraph->n_chars + 1);
  pango_get_log_attrs (start, length, direction == PANGO_DIRECTION_RTL ? 1 : 0,
                       pango_context_get_language (builder->context),
                       paragraph->log_attrs, paragraph->n_chars + 1);
  paragraph->widths = g_new0 (int, paragraph->n_chars + 1);
  paragraph->cluster_starts = g_new0 (gboolean, paragraph->n_chars + 1);
  paragraph->cluster_starts[paragraph->n_chars] = TRUE;

  if (length == 0)
    return;

  items = pango_itemize_with_base_dir (builder->context, direction, text, paragraph->start, length,
                                       builder->attrs, NULL);
  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;
      PangoGlyphString *glyphs = pango_glyph_string_new ();
      PangoGlyphItem glyph_item = { .item = item, .glyphs = glyphs };
      int first_char = char_at_byte (paragraph, item->offset - paragraph->start);

      pango_shape_with_flags (text + item->offset, item->length, start, length,
                              &item->analysis, glyphs, PANGO_SHAPE_NONE);
      /* A tab's width depends on where it lands: set when lines are made. */
      if (is_tab_item (text, item))
        for (int g = 0; g < glyphs->num_glyphs; g++)
          {
            glyphs->glyphs[g].glyph = PANGO_GLYPH_EMPTY;
            glyphs->glyphs[g].geometry.width = 0;
          }

      pango_glyph_item_get_logical_widths (&glyph_item, text, paragraph->widths + first_char);
      for (int g = 0; g < glyphs->num_glyphs; g++)
        paragraph->cluster_starts[char_at_byte (paragraph, item->offset - paragraph->start +
                                                           glyphs->log_clusters[g])] = TRUE;
      paragraph->bidi |= item->analysis.level % 2 == 1;
      g_queue_push_tail (&paragraph->runs, run_new (item, glyphs));
    }
  g_list_free (items);
}

/* The font the markup gives at byte @index: the block's, with the
 * markup's attributes there. Free with pango_font_description_free(). */
static PangoFontDescription *
font_at (Builder *builder,
         int      index)
{
  PangoFontDescription *font = pango_font_description_copy (builder->font);
  PangoAttrIterator *iter = pango_attr_list_get_iterator (builder->attrs);

  do
    {
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if (index >= start && index < end)
        {
          pango_attr_iterator_get_font (iter, font, NULL, NULL);
          pango_font_description_set_family (font, pango_font_description_get_family (font));
          break;
        }
    }
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return font;
}

/* Eight spaces in the font the text starts in, as PangoLayout measures
 * its default tab stops. */
static int
get_tab_width (Builder *builder)
{
  if (builder->tab_width < 0)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      PangoFontDescription *font = font_at (builder, 0);
      GList *items;

      pango_attr_list_insert (attrs, pango_attr_font_desc_new (font));
      pango_font_description_free (font);
      items = pango_itemize (builder->context, " ", 0, 1, attrs, NULL);
      builder->tab_width = 0;
      if (items != NULL)
        {
          PangoGlyphString *glyphs = pango_glyph_string_new ();

          pango_shape_with_flags ("        ", 8, "        ", 8, &((PangoItem *) items->data)->analysis,
                                  glyphs, PANGO_SHAPE_NONE);
          builder->tab_width = pango_glyph_string_get_width (glyphs);
          pango_glyph_string_free (glyphs);
        }
      g_list_free_full (items, (GDestroyNotify) pango_item_free);
      if (builder->tab_width <= 0)  /* a broken font: anything, so tabs end */
        builder->tab_width = 50 * PANGO_SCALE;
    }
  return builder->tab_width;
}

/* Tab stop @i: one of @tabs, then on at the distance between the last two;
 * without tab stops, every eight spaces. */
static int
tab_position (Builder *builder,
              guint    i)
{
  int last, before_last, gap;

  if (i < builder->n_tabs)
    return builder->tabs[i];
  if (builder->n_tabs == 0)
    return get_tab_width (builder) * (int) i;

  last = builder->tabs[builder->n_tabs - 1];
  before_last = builder->n_tabs > 1 ? builder->tabs[builder->n_tabs - 2] : 0;
  gap = last > before_last ? last - before_last : get_tab_width (builder);
  return last + gap * (int) (i - builder->n_tabs + 1);
}

/* Where a tab at @x moves the text to, as PangoLayout does it: the next
 * stop at least a point away, or with the default stops a space away. */
static int
next_tab_stop (Builder *builder,
               int      x)
{
  int gap = builder->n_tabs > 0 ? 1 : get_tab_width (builder) / 8;

  for (guint i = 0; ; i++)
    {
      int position = tab_position (builder, i);

      if (position >= x + gap)
        return position;
    }
}

/* The width of the hyphen a break inside a word adds, in the font of
 * the run that character @c is in. */
static int
hyphen_width (Paragraph *paragraph,
              int        c)
{
  int offset = paragraph->start + paragraph->char_bytes[c];

  for (GList *l = paragraph->runs.head; l != NULL; l = l->next)
    {
      Run *run = l->data;

      if (offset < run->item->offset || offset >= run->item->offset + run->item->length)
        continue;
      /* As PangoLayout measures it: a hyphen's advance in the run's font,
       * U+2010 or else "-", though the shaper may pick another. */
      if (run->hyphen_width < 0)
        {
          hb_font_t *font = pango_font_get_hb_font (run->item->analysis.font);
          hb_codepoint_t glyph;

          run->hyphen_width = 0;
          if (font != NULL && (hb_font_get_nominal_glyph (font, 0x2010, &glyph) ||
                               hb_font_get_nominal_glyph (font, '-', &glyph)))
            run->hyphen_width = hb_font_get_glyph_h_advance (font, glyph);
        }
      return run->hyphen_width;
    }
  return 0;
}

/* What breaking before character @c adds to the line's width, as
 * PangoLayout counts it: a hyphen inside a word, or less the space just
 * before the break. */
static int
break_extra_width (Paragraph *paragraph,
                   int        c)
{
  const PangoLogAttr *attrs = paragraph->log_attrs;

  if (attrs[c].break_inserts_hyphen)
    return hyphen_width (paragraph, c - 1) -
           (attrs[c].break_removes_preceding ? paragraph->widths[c - 1] : 0);
  return attrs[c - 1].is_white ? -paragraph->widths[c - 1] : 0;
}

/* PangoLayout ends a line within a paragraph only after U+2028 LINE
 * SEPARATOR, though Pango's break rules make \v, \f and NEL mandatory
 * breaks too. */
static gboolean
after_line_separator (const Paragraph *paragraph,
                      int              c)
{
  return g_utf8_get_char (paragraph->text + paragraph->char_bytes[c - 1]) == 0x2028;
}

/* The last break before the line from @from overflows. The widths of
 * tabs on the line are set on the way. */
static int
line_end_before_overflow (Builder   *builder,
                          Paragraph *paragraph,
                          int        from,
                          gboolean   char_breaks)
{
  const PangoLogAttr *attrs = paragraph->log_attrs;
  int x = 0;
  int end = from;

  for (int c = from; c <= paragraph->n_chars; c++)
    {
      if (c > from)
        {
          int extra = break_extra_width (paragraph, c);

          if (x + extra > builder->width)
            break;
          if (c == paragraph->n_chars || (attrs[c].is_mandatory_break && after_line_separator (paragraph, c)))
            return c;
          if (char_breaks ? attrs[c].is_char_break : attrs[c].is_line_break)
            end = c;
        }
      if (c == paragraph->n_chars)
        break;
      if (paragraph->tabs[c])
        paragraph->widths[c] = next_tab_stop (builder, x) - x;
      x += paragraph->widths[c];
    }
  return end;
}

/* The end of the line that starts at character @from: the last break
 * opportunity before the text overflows, else (a word longer than the
 * line) the last place between characters, else one cluster. */
static int
find_line_end (Builder   *builder,
               Paragraph *paragraph,
               int        from)
{
  int end;

  if (from == paragraph->n_chars)  /* an empty paragraph */
    return from;
  end = line_end_before_overflow (builder, paragraph, from, FALSE);
  if (end == from)
    end = line_end_before_overflow (builder, paragraph, from, TRUE);
  if (end == from)
    end = from + 1;

  /* Never inside a cluster, such as a ligature: before it if the line
   * has room for something else, else after it. */
  if (!paragraph->cluster_starts[end])
    {
      int before = end;

      while (before > from && !paragraph->cluster_starts[before])
        before--;
      if (before > from)
        return before;
      while (!paragraph->cluster_starts[end])
        end++;
    }
  return end;
}

static void
set_tab_widths (const Paragraph *paragraph,
                const char      *text,
                Run             *run)
{
  if (!is_tab_item (text, run->item))
    return;
  for (int g = 0; g < run->glyphs->num_glyphs; g++)
    {
      int c = char_at_byte (paragraph, run->item->offset - paragraph->start + run->glyphs->log_clusters[g]);

      run->glyphs->glyphs[g].geometry.width = paragraph->widths[c];
    }
}

/* A line with no glyphs is as tall as the font at byte @index. */
static void
get_empty_extents (Builder *builder,
                   int      index,
                   int     *ascent,
                   int     *descent)
{
  PangoFontDescription *description = font_at (builder, index);
  PangoFont *font = pango_context_load_font (builder->context, description);
  PangoFontMetrics *metrics;

  if (font == NULL)  /* no fonts at all: the size will do */
    {
      *ascent = pango_font_description_get_size (description);
      *descent = *ascent / 4;
      pango_font_description_free (description);
      return;
    }
  pango_font_description_free (description);
  metrics = pango_font_get_metrics (font, NULL);
  *ascent = pango_font_metrics_get_ascent (metrics);
  *descent = pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  g_object_unref (font);
}

/* A line broken after a space: the space takes no room, as in
 * PangoLayout, so a right-to-left line is flush with the right margin.
 * @run is the line's last run in logical order, and @c its last
 * character. */
static void
hide_final_space (Paragraph *paragraph,
                  Run       *run,
                  int        c)
{
  PangoGlyphString *glyphs = run->glyphs;
  gboolean rtl = run->item->analysis.level % 2 == 1;
  int g = rtl ? 0 : glyphs->num_glyphs - 1;

  if (glyphs->num_glyphs < 1 || !paragraph->log_attrs[c].is_white)
    return;
  /* Not when the space is part of a larger cluster. */
  if (glyphs->num_glyphs >= 2 && glyphs->log_clusters[g] == glyphs->log_clusters[g + (rtl ? 1 : -1)])
    return;
  glyphs->glyphs[g].geometry.width = 0;
  glyphs->glyphs[g].glyph = PANGO_GLYPH_EMPTY;
  paragraph->widths[c] = 0;
}

/* A font's glyphs share its logical extents, but for the boxes drawn for
 * characters it lacks: a run with any is measured glyph by glyph, as
 * PangoLayout measures every run. */
static void
get_run_logical_extents (const Run      *run,
                         PangoRectangle *logical)
{
  PangoFont *font = run->item->analysis.font;

  for (int g = 0; g < run->glyphs->num_glyphs; g++)
    if ((run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
      {
        pango_glyph_string_extents (run->glyphs, font, NULL, logical);
        return;
      }
  pango_font_get_glyph_extents (font, run->glyphs->glyphs[0].glyph, NULL, logical);
}

/* Puts @runs (logical order, taken) on a line, left to right. */
static void
add_line (Builder   *builder,
          Paragraph *paragraph,
          GPtrArray *runs,
          int        start_char,
          int        end_char)
{
  SpBriefText *self = builder->self;
  Line line = { { 0, 0, 0, 0 }, self->runs->len, runs->len,
                paragraph->start + paragraph->char_bytes[start_char],
                paragraph->start + paragraph->char_bytes[end_char] };
  int ascent = 0, descent = 0, width = 0;
  gboolean has_glyphs = FALSE;
  double x;

  if (end_char < paragraph->n_chars && end_char > start_char && runs->len > 0)
    hide_final_space (paragraph, g_ptr_array_index (runs, runs->len - 1), end_char - 1);

  if (paragraph->bidi && runs->len > 1)
    {
      GList *items = NULL, *visual;
      g_autoptr(GPtrArray) logical = g_ptr_array_copy (runs, NULL, NULL);

      for (guint i = runs->len; i > 0; i--)
        items = g_list_prepend (items, ((Run *) g_ptr_array_index (runs, i - 1))->item);
      visual = pango_reorder_items (items);
      g_ptr_array_set_size (runs, 0);
      for (GList *l = visual; l != NULL; l = l->next)
        for (guint i = 0; i < logical->len; i++)
          if (((Run *) g_ptr_array_index (logical, i))->item == l->data)
            g_ptr_array_add (runs, g_ptr_array_index (logical, i));
      g_list_free (visual);
      g_list_free (items);
    }

  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = g_ptr_array_index (runs, i);

      set_tab_widths (paragraph, self->text, run);
      width += pango_glyph_string_get_width (run->glyphs);
    }
  x = builder->direction == PANGO_DIRECTION_RTL ? (double) MAX (builder->width - width, 0) / PANGO_SCALE : 0;
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = g_ptr_array_index (runs, i);

      if (run->glyphs->num_glyphs > 0)
        {
          PangoRectangle logical;

          get_run_logical_extents (run, &logical);
          ascent = MAX (ascent, -logical.y);
          descent = MAX (descent, logical.y + logical.height);
          has_glyphs = TRUE;
        }
      run->x = x;
      x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
      g_array_append_val (self->runs, *run);
      g_free (run);  /* its contents now belong to self->runs */
    }

  if (!has_glyphs)
    get_empty_extents (builder, line.start, &ascent, &descent);

  line.extents.width = (double) width / PANGO_SCALE;
  line.extents.top = builder->y;
  line.extents.baseline = builder->y + (double) ascent / PANGO_SCALE;
  line.extents.bottom = builder->y + (double) (ascent + descent) / PANGO_SCALE;
  builder->y = line.extents.bottom;
  g_array_append_val (self->lines, line);
}

/* A word broken across lines gets a hyphen at the end of its first part. */
static void
add_hyphen (const Paragraph *paragraph,
            const char      *text,
            Run             *run)
{
  run->item->analysis.flags |= PANGO_ANALYSIS_FLAG_NEED_HYPHEN;
  pango_shape_with_flags (text + run->item->offset, run->item->length,
                          text + paragraph->start, paragraph->char_bytes[paragraph->n_chars],
                          &run->item->analysis, run->glyphs, PANGO_SHAPE_NONE);
}

/* The width of the line [@from, @end) with the hyphen a break inside a
 * word adds: the run it ends in is shaped again up to the break, for in
 * a joining script such as Arabic the last letter takes its final form,
 * which may be wider than the one measured inside the word. */
static int
hyphenated_width (Paragraph  *paragraph,
                  const char *text,
                  int         from,
                  int         end)
{
  int end_byte = paragraph->start + paragraph->char_bytes[end];
  int width = 0;

  for (GList *l = paragraph->runs.head; l != NULL; l = l->next)
    {
      Run *run = l->data;
      int run_start = char_at_byte (paragraph, run->item->offset - paragraph->start);
      PangoAnalysis analysis = run->item->analysis;
      PangoGlyphString *glyphs;

      if (run->item->offset + run->item->length < end_byte)
        continue;
      for (int c = from; c < run_start; c++)
        width += paragraph->widths[c];
      glyphs = pango_glyph_string_new ();
      analysis.flags |= PANGO_ANALYSIS_FLAG_NEED_HYPHEN;
      pango_shape_with_flags (text + run->item->offset, end_byte - run->item->offset, paragraph->text,
                              paragraph->char_bytes[paragraph->n_chars], &analysis, glyphs, PANGO_SHAPE_NONE);
      width += pango_glyph_string_get_width (glyphs);
      pango_glyph_string_free (glyphs);
      break;
    }
  return width;
}

/* A line broken inside a word at @end, moved back a character at a time
 * while the line with its hyphen is too wide, as PangoLayout does. */
static int
fit_hyphenated_end (Builder   *builder,
                    Paragraph *paragraph,
                    int        from,
                    int        end)
{
  const PangoLogAttr *attrs = paragraph->log_attrs;
  const char *text = builder->self->text;

  while (end < paragraph->n_chars && attrs[end].break_inserts_hyphen &&
         hyphenated_width (paragraph, text, from, end) > builder->width)
    {
      int before = end - 1;

      while (before > from && !(attrs[before].is_char_break && paragraph->cluster_starts[before]))
        before--;
      if (before == from)
        break;
      end = before;
    }
  return end;
}

/* Deals the paragraph's runs out to lines, splitting a run where a line
 * ends inside it. */
static void
break_paragraph (Builder   *builder,
                 Paragraph *paragraph)
{
  const char *text = builder->self->text;
  int from = 0;

  do
    {
      int end = fit_hyphenated_end (builder, paragraph, from, find_line_end (builder, paragraph, from));
      int end_byte = paragraph->start + paragraph->char_bytes[end];
      g_autoptr(GPtrArray) runs = g_ptr_array_new ();

      while (!g_queue_is_empty (&paragraph->runs))
        {
          Run *run = g_queue_peek_head (&paragraph->runs);

          if (run->item->offset >= end_byte)
            break;
          if (run->item->offset + run->item->length <= end_byte)
            g_ptr_array_add (runs, g_queue_pop_head (&paragraph->runs));
          else
            {
              int index = end_byte - run->item->offset;

              g_ptr_array_add (runs, run_split (run, index, end - char_at_byte (paragraph, run->item->offset -
                                                                                           paragraph->start)));
            }
        }
      if (end < paragraph->n_chars && paragraph->log_attrs[end].break_inserts_hyphen && runs->len > 0)
        add_hyphen (paragraph, text, g_ptr_array_index (runs, runs->len - 1));
      add_line (builder, paragraph, runs, from, end);
      from = end;
    }
  while (from < paragraph->n_chars);
}

static void
add_paragraphs (Builder *builder)
{
  const char *text = builder->self->text;
  int start = 0;
  int total = (int) strlen (text);

  do
    {
      Paragraph paragraph = { .text = text + start, .start = start };
      int delimiter, next;

      pango_find_paragraph_boundary (text + start, total - start, &delimiter, &next);
      shape_paragraph (builder, &paragraph, delimiter);
      break_paragraph (builder, &paragraph);
      paragraph_clear (&paragraph);
      if (next <= 0 || start + next > total || (start + next == total && delimiter == next))
        break;
      start += next;
    }
  while (TRUE);
}

SpBriefText *
sp_brief_text_new (PangoContext               *context,
                   const PangoFontDescription *font,
                   const char                 *markup,
                   double                      width,
                   const double               *tabs,
                   guint                       n_tabs)
{
  SpBriefText *self = g_new0 (SpBriefText, 1);
  g_autofree int *tab_units = g_new (int, n_tabs + 1);
  Builder builder = { self, context, font, NULL, (int) (width * PANGO_SCALE), tab_units, n_tabs,
                      -1, 0, pango_context_get_base_dir (context) };
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (font != NULL && markup != NULL, NULL);

  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_array_set_clear_func (self->runs, run_clear);

  if (!pango_parse_markup (markup, -1, 0, &builder.attrs, &self->text, NULL, &error))
    {
      g_debug ("Brief markup does not parse (%s): %s", error->message, markup);
      self->text = g_strdup (markup);
      builder.attrs = pango_attr_list_new ();
    }
  pango_attr_list_insert_before (builder.attrs, pango_attr_font_desc_new (font));

  for (guint i = 0; i < n_tabs; i++)
    tab_units[i] = (int) (tabs[i] * PANGO_SCALE);
  if (builder.direction != PANGO_DIRECTION_RTL)
    builder.direction = PANGO_DIRECTION_LTR;

  add_paragraphs (&builder);
  pango_attr_list_unref (builder.attrs);
  return self;
}

void
sp_brief_text_free (SpBriefText *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->runs);
  g_array_unref (self->lines);
  g_free (self->text);
  g_free (self);
}

guint
sp_brief_text_get_n_lines (const SpBriefText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lines->len;
}

const SpBriefTextLine *
sp_brief_text_get_line (const SpBriefText *self,
                        guint              line)
{
  g_return_val_if_fail (self != NULL && line < self->lines->len, NULL);
  return &g_array_index (self->lines, Line, line).extents;
}

char *
sp_brief_text_dup_line_text (const SpBriefText *self,
                             guint              line)
{
  const Line *l;

  g_return_val_if_fail (self != NULL && line < self->lines->len, NULL);
  l = &g_array_index (self->lines, Line, line);
  return g_strndup (self->text + l->start, l->end - l->start);
}
