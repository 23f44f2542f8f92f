/* sp-brief-pages.c: laying a brief out on pages.
 *
 * The brief becomes a list of blocks (a heading, a quote with its
 * citation, a memo, a table row), each Pango markup with a style. A page
 * is filled block after block; a block that does not fit is split between
 * lines, and a heading never ends a page. Each block is laid out once,
 * when its page is filled, and dropped soon after, so memory stays flat
 * however long the brief is, and a PDF is laid out and drawn in a single
 * pass. Blocks are set by sp-brief-text.c and pages drawn as lists of
 * Cairo operations (sp-brief-ops.c), so a PDF's pages can be laid out in
 * one thread while Cairo writes the ones before in another (see
 * sp_brief_pages_draw_all()). Laying blocks out in several threads at
 * once was tried and dropped: each needs a font map of its own (Pango's
 * are not thread safe), and loading the fonts again cost more than the
 * threads saved on a two-core machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sp-brief-pages.h"
#include "sp-brief-text.h"

#define MARGIN        56.0   /* points: about 2 cm */
#define FOOTER_GAP    24.0
#define QUOTE_PAD      6.0
#define INDENT        18.0

typedef enum
{
  STYLE_TITLE,
  STYLE_META,
  STYLE_THEME,        /* a theme's heading, underlined in its colour */
  STYLE_APPENDIX,     /* an appendix heading, underlined in grey */
  STYLE_BODY,
  STYLE_STATEMENT,
  STYLE_TABLE_HEAD,
  STYLE_TABLE_ROW,
  STYLE_STAKEHOLDER,
  STYLE_QUOTE,        /* tinted in its theme's colour, with a bar */
  STYLE_MEMO,
  STYLE_LINKS,
  STYLE_ENTRY,        /* codebook entries and sources */
  N_STYLES
} Style;

typedef struct
{
  const char *font;
  double      space_before;
  double      space_after;
  double      indent;
  gboolean    keep_with_next;
} StyleInfo;

static const StyleInfo styles[N_STYLES] = {
  [STYLE_TITLE]       = { "Sans Bold 20",   0, 6, 0, TRUE },
  [STYLE_META]        = { "Sans 9.5",       0, 4, 0, FALSE },
  [STYLE_THEME]       = { "Sans Bold 15",  18, 9, 0, TRUE },
  [STYLE_APPENDIX]    = { "Sans Bold 15",  18, 9, 0, TRUE },
  [STYLE_BODY]        = { "Serif 10.5",     0, 5, 0, FALSE },
  [STYLE_STATEMENT]   = { "Serif 10.5",     0, 8, 0, FALSE },
  [STYLE_TABLE_HEAD]  = { "Sans Bold 9.5",  2, 3, 0, TRUE },
  [STYLE_TABLE_ROW]   = { "Sans 9.5",       0, 2, 0, FALSE },
  [STYLE_STAKEHOLDER] = { "Sans Bold 11.5", 12, 5, 0, TRUE },
  [STYLE_QUOTE]       = { "Serif 10.5",     4, 4, INDENT, FALSE },
  [STYLE_MEMO]        = { "Serif Italic 10", 0, 3, INDENT, FALSE },
  [STYLE_LINKS]       = { "Sans 9",         0, 4, INDENT, FALSE },
  [STYLE_ENTRY]       = { "Sans 9.5",       0, 3, 0, FALSE },
};

typedef struct
{
  Style  style;
  guint  depth;       /* extra indentation, codebook tree level */
  gboolean new_page;  /* starts a page: the appendix */
  double color[3];    /* theme colour for STYLE_THEME and STYLE_QUOTE */
  char  *markup;
} Block;

/* Where a page starts: a block, and a line in it. */
typedef struct
{
  guint block;
  guint line;
} Position;

/* A block laid out, and its lines. */
typedef struct
{
  guint        block;   /* G_MAXUINT: none */
  SpBriefText *text;
} LaidBlock;

struct _SpBriefPages
{
  double        width;
  double        height;
  GArray       *blocks;       /* of Block */
  GArray       *page_starts;  /* of Position, after pagination */
  PangoContext *context;
  PangoFontDescription *fonts[N_STYLES];
  LaidBlock     laid[2];      /* the last two blocks laid out */
  guint         context_serial;  /* of the context they were laid out with */
  Position      paginated_to;    /* where the next page starts */
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
}

static void
parse_color (const char *color,
             double      rgb[3])
{
  guint value = (guint) g_ascii_strtoull (sp_brief_safe_color (color) + 1, NULL, 16);

  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

static void
add_block (SpBriefPages *self,
           Style         style,
           const char   *color,
           guint         depth,
           char         *markup)
{
  Block block = { style, depth, FALSE, { 0.5, 0.5, 0.5 }, markup };

  if (color != NULL)
    parse_color (color, block.color);
  g_array_append_val (self->blocks, block);
}

/* Building blocks: every text from the project is escaped, so a quote
 * cannot inject Pango markup. */

/* Non-characters (U+FFFF, U+FDD0…) pass GLib's checks but not Cairo's:
 * they become U+FFFD, so the PDF keeps the text around them. Bidi
 * controls stay within their text. */
static char *
escape (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *isolated = sp_brief_isolate_bidi (text);

  for (const char *p = isolated; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (sp_unichar_is_noncharacter (c))
        g_string_append_unichar (clean, 0xfffd);
      else
        g_string_append_len (clean, p, g_utf8_next_char (p) - p);
    }
  return g_markup_escape_text (clean->str, (gssize) clean->len);
}

static char *
stance_markup (SpStance stance)
{
  g_autofree char *label = escape (sp_stance_get_label (stance));

  return g_strdup_printf ("<span foreground=\"%s\" weight=\"bold\">%s</span>",
                          sp_brief_stance_color (stance), label);
}

static char *
citation_markup (const SpCitation *citation)
{
  g_autofree char *text = sp_citation_format (citation);

  return escape (text);
}

static void
add_quote_blocks (SpBriefPages       *self,
                  const char         *color,
                  const SpBriefQuote *quote)
{
  g_autofree char *text = escape (quote->quote);
  g_autofree char *citation = citation_markup (&quote->citation);
  g_autofree char *stance = stance_markup (quote->stance);

  add_block (self, STYLE_QUOTE, color, 0,
             g_strdup_printf ("%s\n<span size=\"smaller\" foreground=\"#5e5c64\">— %s</span>  "
                              "<span size=\"smaller\">%s</span>", text, citation, stance));

  if (quote->memo[0] != '\0')
    {
      g_autofree char *label = escape (_("Memo:"));
      g_autofree char *memo = escape (quote->memo);

      add_block (self, STYLE_MEMO, NULL, 0, g_strdup_printf ("<b>%s</b> %s", label, memo));
    }

  if (quote->links->len > 0)
    {
      GString *links = g_string_new (NULL);

      for (guint i = 0; i < quote->links->len; i++)
        {
          const SpBriefLink *link = g_ptr_array_index (quote->links, i);
          g_autofree char *label = escape (link->label);
          g_autofree char *other = escape (link->quote);
          g_autofree char *other_citation = citation_markup (&link->citation);

          g_string_append_printf (links, "%s<b>%s</b> “%s” <span foreground=\"#5e5c64\">— %s</span>",
                                  i > 0 ? "\n" : "", label, other, other_citation);
        }
      add_block (self, STYLE_LINKS, NULL, 0, g_string_free (links, FALSE));
    }
}

static void
add_theme_blocks (SpBriefPages       *self,
                  const SpBriefTheme *theme)
{
  const SpThemeInfo *info = theme->theme;
  g_autofree char *head_name = escape (_("Stakeholder"));
  g_autofree char *head_stance = escape (_("Stance"));
  g_autofree char *head_count = escape (_("Passages"));

  add_block (self, STYLE_THEME, info->color, 0, escape (info->name));
  if (info->description != NULL && info->description[0] != '\0')
    add_block (self, STYLE_BODY, NULL, 0, escape (info->description));
  if (info->statement != NULL && info->statement[0] != '\0')
    {
      g_autofree char *label = escape (_("Position:"));
      g_autofree char *statement = escape (info->statement);

      add_block (self, STYLE_STATEMENT, NULL, 0, g_strdup_printf ("<b>%s</b> %s", label, statement));
    }

  add_block (self, STYLE_TABLE_HEAD, NULL, 0,
             g_strdup_printf ("%s\t%s\t%s", head_name, head_stance, head_count));
  for (guint i = 0; i < theme->stakeholders->len; i++)
    {
      const SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, i);
      g_autofree char *name = escape (stakeholder->name);
      g_autofree char *stance = stance_markup (stakeholder->stance);

      add_block (self, STYLE_TABLE_ROW, NULL, 0,
                 g_strdup_printf ("%s\t%s\t%u", name, stance, stakeholder->quotes->len));
    }

  for (guint i = 0; i < theme->stakeholders->len; i++)
    {
      const SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, i);
      g_autofree char *name = escape (stakeholder->name);
      g_autofree char *stance = stance_markup (stakeholder->stance);

      add_block (self, STYLE_STAKEHOLDER, NULL, 0, g_strdup_printf ("%s — %s", name, stance));
      for (guint q = 0; q < stakeholder->quotes->len; q++)
        add_quote_blocks (self, info->color, g_ptr_array_index (stakeholder->quotes, q));
    }
}

static void
add_appendix_blocks (SpBriefPages  *self,
                     const SpBrief *brief)
{
  guint first = self->blocks->len;

  if (brief->codebook->len > 0)
    {
      add_block (self, STYLE_APPENDIX, NULL, 0, escape (_("Codebook")));
      for (guint i = 0; i < brief->codebook->len; i++)
        {
          const SpThemeInfo *theme = g_ptr_array_index (brief->codebook, i);
          g_autofree char *name = escape (theme->name);
          g_autofree char *description = escape (theme->description);
          g_autofree char *label = escape (_("Position:"));
          g_autofree char *statement = escape (theme->statement);
          gboolean has_statement = theme->statement != NULL && theme->statement[0] != '\0';

          add_block (self, STYLE_ENTRY, NULL, theme->depth,
                     g_strdup_printf ("<span foreground=\"%s\">■</span> <b>%s</b>  %s%s%s%s%s",
                                      sp_brief_safe_color (theme->color), name, description,
                                      has_statement ? "\n<i>" : "", has_statement ? label : "",
                                      has_statement ? "</i> " : "", has_statement ? statement : ""));
        }
    }

  add_block (self, STYLE_APPENDIX, NULL, 0, escape (_("Sources")));
  for (guint i = 0; i < brief->sources->len; i++)
    {
      const SpDocumentInfo *document = g_ptr_array_index (brief->sources, i);
      g_autofree char *title = escape (document->title);
      g_autofree char *source = escape (document->source_name);

      add_block (self, STYLE_ENTRY, NULL, 0,
                 g_strdup_printf ("%u. %s <span foreground=\"#5e5c64\">%s</span>", i + 1, title, source));
    }

  g_array_index (self->blocks, Block, first).new_page = TRUE;
}

static void
laid_block_clear (LaidBlock *laid)
{
  g_clear_pointer (&laid->text, sp_brief_text_free);
  laid->block = G_MAXUINT;
}

static void
drop_laid_blocks (SpBriefPages *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->laid); i++)
    laid_block_clear (&self->laid[i]);
}

SpBriefPages *
sp_brief_pages_new (const SpBrief *brief,
                    double         width,
                    double         height)
{
  SpBriefPages *self = g_new0 (SpBriefPages, 1);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  GString *scope = g_string_new (NULL);

  g_return_val_if_fail (brief != NULL, NULL);
  g_return_val_if_fail (width > 3 * MARGIN && height > 4 * MARGIN, NULL);

  self->width = width;
  self->height = height;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (Position));
  for (guint i = 0; i < G_N_ELEMENTS (self->laid); i++)
    self->laid[i].block = G_MAXUINT;
  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (styles[i].font);

  add_block (self, STYLE_TITLE, NULL, 0, escape (brief->title));
  date = escape (brief->date);
  g_string_append (scope, date);
  for (guint i = 0; i < brief->scope_lines->len; i++)
    {
      g_autofree char *line = escape (g_ptr_array_index (brief->scope_lines, i));

      g_string_append_printf (scope, "\n%s", line);
    }
  add_block (self, STYLE_META, NULL, 0, g_string_free (scope, FALSE));

  if (brief->themes->len == 0)
    add_block (self, STYLE_BODY, NULL, 0, escape (_("No annotated passages are in the brief's scope.")));
  for (guint i = 0; i < brief->themes->len; i++)
    add_theme_blocks (self, g_ptr_array_index (brief->themes, i));
  add_appendix_blocks (self, brief);

  return self;
}

void
sp_brief_pages_free (SpBriefPages *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_array_unref (self->page_starts);
  drop_laid_blocks (self);
  g_clear_object (&self->context);
  for (guint i = 0; i < N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  g_free (self);
}

/* Laying out */

static double
content_width (SpBriefPages *self)
{
  return self->width - 2 * MARGIN;
}

static double
content_bottom (SpBriefPages *self)
{
  return self->height - MARGIN - FOOTER_GAP;
}

static double
block_indent (const Block *block)
{
  return styles[block->style].indent + block->depth * INDENT;
}

/* Unhinted metrics whatever the surface, so lines break the same on the
 * PDF, the screen's preview and the printer. Glyph positions are not
 * rounded to whole points either: rounding made letter spacing uneven,
 * and in a PDF every glyph off its natural advance needs a number of its
 * own, which made the file 40% larger and slower to write. And every
 * surface a brief is drawn on measures in points, 72 to the inch: with
 * the font map's 96, each font was a third larger than its size says. */
static void
set_page_metrics (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_cairo_context_set_resolution (context, 72.0);
}

static void
prepare_context (SpBriefPages *self,
                 cairo_t      *cr)
{
  if (self->context == NULL)
    {
      self->context = pango_cairo_create_context (cr);
      set_page_metrics (self->context);
    }
  pango_cairo_update_context (cr, self->context);

  /* Another surface may break lines differently. */
  if (pango_context_get_serial (self->context) != self->context_serial)
    {
      drop_laid_blocks (self);
      self->context_serial = pango_context_get_serial (self->context);
    }
}

static SpBriefText *
block_text (SpBriefPages *self,
            const Block  *block)
{
  double width = content_width (self) - block_indent (block);

  if (block->style == STYLE_QUOTE)
    width -= 2 * QUOTE_PAD;

  if (block->style == STYLE_TABLE_HEAD || block->style == STYLE_TABLE_ROW)
    {
      double tabs[] = { width * 0.55, width * 0.8 };

      return sp_brief_text_new (self->context, self->fonts[block->style], block->markup, width,
                                tabs, G_N_ELEMENTS (tabs));
    }
  return sp_brief_text_new (self->context, self->fonts[block->style], block->markup, width, NULL, 0);
}

/* Block @index laid out. Filling a page needs the block it is in and,
 * below a heading, the next one; the block split over a page break is
 * needed again on the next page. So the last two stay, and each block
 * is laid out once on the way through the brief. Block @keep, if laid
 * out, stays. */
static const LaidBlock *
lay_out_block (SpBriefPages *self,
               guint         index,
               guint         keep)
{
  LaidBlock *laid;

  for (guint i = 0; i < G_N_ELEMENTS (self->laid); i++)
    if (self->laid[i].block == index)
      return &self->laid[i];

  /* A free slot, else the earlier block, unless it is the one to keep. */
  if (self->laid[0].block == G_MAXUINT || self->laid[1].block == G_MAXUINT)
    laid = self->laid[0].block == G_MAXUINT ? &self->laid[0] : &self->laid[1];
  else if (self->laid[0].block == keep || self->laid[1].block == keep)
    laid = self->laid[0].block == keep ? &self->laid[1] : &self->laid[0];
  else
    laid = self->laid[0].block < self->laid[1].block ? &self->laid[0] : &self->laid[1];

  laid_block_clear (laid);
  laid->block = index;
  laid->text = block_text (self, &g_array_index (self->blocks, Block, index));
  return laid;
}

static void
draw_decoration (SpBriefPages *self,
                 SpBriefOps   *ops,
                 const Block  *block,
                 double        top,
                 double        bottom)
{
  double x = MARGIN + block_indent (block);
  const double tint[4] = { block->color[0], block->color[1], block->color[2], 0.16 };
  const double color[4] = { block->color[0], block->color[1], block->color[2], 1.0 };
  const double rule[4] = { 0.87, 0.87, 0.85, 1.0 };

  switch (block->style)
    {
    case STYLE_QUOTE:
      sp_brief_ops_fill_rect (ops, x, top - QUOTE_PAD / 2, content_width (self) - block_indent (block),
                              bottom - top + QUOTE_PAD, tint);
      sp_brief_ops_fill_rect (ops, x, top - QUOTE_PAD / 2, 3, bottom - top + QUOTE_PAD, color);
      break;
    case STYLE_THEME:
    case STYLE_APPENDIX:
      sp_brief_ops_fill_rect (ops, MARGIN, bottom + 2, content_width (self), 2.5, color);
      break;
    case STYLE_TABLE_HEAD:
    case STYLE_TABLE_ROW:
      sp_brief_ops_fill_rect (ops, MARGIN, bottom + 1, content_width (self), 0.5, rule);
      break;
    default:
      break;
    }
}

/* Draws lines [first, last) of @text with the first one's top at @y. */
static void
draw_lines (SpBriefPages      *self,
            SpBriefOps        *ops,
            const Block       *block,
            const SpBriefText *text,
            guint              first,
            guint              last,
            double             y)
{
  static const double ink[3] = { 0.14, 0.12, 0.19 };
  double offset = sp_brief_text_get_line (text, first)->top;
  double x = MARGIN + block_indent (block) + (block->style == STYLE_QUOTE ? QUOTE_PAD + 3 : 0);

  draw_decoration (self, ops, block, y, y + sp_brief_text_get_line (text, last - 1)->bottom - offset);
  for (guint i = first; i < last; i++)
    sp_brief_text_record_line (text, ops, i, x, y + sp_brief_text_get_line (text, i)->baseline - offset, ink);
}

static double
first_line_height (SpBriefPages *self,
                   guint         index)
{
  const LaidBlock *laid;

  if (index >= self->blocks->len)
    return 0;
  laid = lay_out_block (self, index, index - 1);  /* the block above stays */
  return styles[g_array_index (self->blocks, Block, index).style].space_before +
         sp_brief_text_get_line (laid->text, 0)->bottom;
}

static void
draw_footer (SpBriefPages *self,
             SpBriefOps   *ops,
             guint         page)
{
  static const double grey[3] = { 0.37, 0.36, 0.39 };
  char number[16];
  g_autoptr(SpBriefText) text = NULL;
  const SpBriefTextLine *line;

  g_snprintf (number, sizeof number, "%u", page + 1);
  text = sp_brief_text_new (self->context, self->fonts[STYLE_META], number, content_width (self), NULL, 0);
  line = sp_brief_text_get_line (text, 0);
  sp_brief_text_record_line (text, ops, 0, (self->width - line->width) / 2,
                             self->height - MARGIN + 4 + line->baseline, grey);
}

/* Fills one page from @from (drawing it into @ops if set) and returns
 * where the next page starts; block == blocks->len at the end. */
static Position
fill_page (SpBriefPages *self,
           SpBriefOps   *ops,
           Position      from)
{
  double y = MARGIN;
  double bottom = content_bottom (self);
  Position at = from;

  while (at.block < self->blocks->len)
    {
      const Block *block = &g_array_index (self->blocks, Block, at.block);
      const StyleInfo *style = &styles[block->style];
      const SpBriefText *text = lay_out_block (self, at.block, G_MAXUINT)->text;
      guint n_lines = sp_brief_text_get_n_lines (text);
      double space = (y > MARGIN && at.line == 0) ? style->space_before : 0;
      double offset = sp_brief_text_get_line (text, at.line)->top;
      guint last = at.line;
      double height;

      if (block->new_page && at.line == 0 && y > MARGIN)
        break;

      /* As many lines as fit below @y. */
      while (last < n_lines && y + space + sp_brief_text_get_line (text, last)->bottom - offset <= bottom)
        last++;

      if (last == n_lines && style->keep_with_next &&
          y + space + (sp_brief_text_get_line (text, last - 1)->bottom - offset) +
          style->space_after + first_line_height (self, at.block + 1) > bottom &&
          y > MARGIN)
        last = at.line;  /* a heading at the foot of a page goes on the next */

      /* Do not leave a single line of a block behind; but a page
       * must always take something, or a huge block would never fit. */
      if (last < n_lines && n_lines - last < 2 && y > MARGIN)
        last = last - at.line >= 3 ? last - 1 : at.line;  /* nor carry one line over */
      if (last > at.line && last < n_lines && last - at.line < 2 && y > MARGIN)
        last = at.line;
      if (last == at.line && y == MARGIN)
        last = at.line + 1;
      if (last == at.line)
        break;

      y += space;
      if (ops != NULL)
        draw_lines (self, ops, block, text, at.line, last, y);
      height = sp_brief_text_get_line (text, last - 1)->bottom - offset;
      y += height;

      if (last < n_lines)
        {
          at.line = last;
          break;
        }
      y += style->space_after;
      at.block++;
      at.line = 0;
    }

  return at;
}

void
sp_brief_pages_paginate_begin (SpBriefPages *self,
                               cairo_t      *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  prepare_context (self, cr);
  g_array_set_size (self->page_starts, 0);
  self->paginated_to = (Position) { 0, 0 };
}

gboolean
sp_brief_pages_paginate_more (SpBriefPages *self,
                              guint         max_pages)
{
  g_return_val_if_fail (self != NULL && self->context != NULL, TRUE);

  for (guint i = 0; i < max_pages && self->paginated_to.block < self->blocks->len; i++)
    {
      g_array_append_val (self->page_starts, self->paginated_to);
      self->paginated_to = fill_page (self, NULL, self->paginated_to);
    }
  return self->paginated_to.block >= self->blocks->len;
}

guint
sp_brief_pages_paginate (SpBriefPages *self,
                         cairo_t      *cr,
                         guint         max_pages)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  sp_brief_pages_paginate_begin (self, cr);
  sp_brief_pages_paginate_more (self, max_pages == 0 ? G_MAXUINT : max_pages);
  return self->page_starts->len;
}

guint
sp_brief_pages_get_n_pages (SpBriefPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->page_starts->len;
}

/* Page @page, from @from, into @ops; *@next is where the next starts. */
static void
draw_page_at (SpBriefPages *self,
              SpBriefOps   *ops,
              guint         page,
              Position      from,
              Position     *next)
{
  static const double white[4] = { 1, 1, 1, 1 };

  sp_brief_ops_clear (ops);
  sp_brief_ops_fill_rect (ops, 0, 0, self->width, self->height, white);
  *next = fill_page (self, ops, from);
  draw_footer (self, ops, page);
}

void
sp_brief_pages_draw_page (SpBriefPages *self,
                          cairo_t      *cr,
                          guint         page)
{
  g_autoptr(SpBriefOps) ops = sp_brief_ops_new ();
  Position next;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->page_starts->len);

  prepare_context (self, cr);
  draw_page_at (self, ops, page, g_array_index (self->page_starts, Position, page), &next);
  sp_brief_ops_replay (ops, cr);
}

/* Writing every page: one thread lays pages out while the caller's draws
 * the ones before into its surface (a PDF's, which is most of Cairo's
 * work), so a long brief takes the longer of the two rather than their
 * sum. The layout thread has a font map and context of its own, since
 * Pango's are not thread safe; pages cross over as operation lists that
 * hold only Cairo objects. A few lists go round between the threads, so
 * memory stays that of a few pages. */

#define PAGES_IN_FLIGHT 4

typedef struct
{
  SpBriefPages         *pages;
  cairo_font_options_t *options;  /* of the target surface */
  GAsyncQueue          *laid_out; /* of SpBriefOps, then the end marker */
  GAsyncQueue          *free;     /* of SpBriefOps, to lay out into */
  gint                  stop;     /* atomic: the drawing failed */
} Pipeline;

/* Marks the end of the pages in the laid_out queue. */
static const char end_of_pages_marker;
#define END_OF_PAGES ((gpointer) &end_of_pages_marker)

static gpointer
lay_out_pages_thread (gpointer data)
{
  Pipeline *pipeline = data;
  SpBriefPages *self = pipeline->pages;
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  Position at = { 0, 0 };
  guint page = 0;

  self->context = pango_font_map_create_context (font_map);
  /* The surface's font options under ours, as pango_cairo_update_context()
   * would merge them. */
  set_page_metrics (self->context);
  cairo_font_options_merge (pipeline->options, pango_cairo_context_get_font_options (self->context));
  pango_cairo_context_set_font_options (self->context, pipeline->options);
  self->context_serial = pango_context_get_serial (self->context);

  while (at.block < self->blocks->len && !g_atomic_int_get (&pipeline->stop))
    {
      SpBriefOps *ops = g_async_queue_pop (pipeline->free);

      g_array_append_val (self->page_starts, at);
      draw_page_at (self, ops, page++, at, &at);
      g_async_queue_push (pipeline->laid_out, ops);
    }
  /* Pango's objects stay with the pages, for the thread that frees them. */
  drop_laid_blocks (self);
  g_async_queue_push (pipeline->laid_out, END_OF_PAGES);
  return NULL;
}

guint
sp_brief_pages_draw_all (SpBriefPages *self,
                         cairo_t      *cr)
{
  Pipeline pipeline = { self, cairo_font_options_create (), g_async_queue_new (), g_async_queue_new (), 0 };
  GThread *thread;
  SpBriefOps *ops;
  guint n_pages = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_surface_get_font_options (cairo_get_target (cr), pipeline.options);
  /* Pango objects of the caller's thread are freed in it. */
  drop_laid_blocks (self);
  g_clear_object (&self->context);
  for (guint i = 0; i < PAGES_IN_FLIGHT; i++)
    g_async_queue_push (pipeline.free, sp_brief_ops_new ());
  g_array_set_size (self->page_starts, 0);

  thread = g_thread_new ("sp-brief-layout", lay_out_pages_thread, &pipeline);
  while ((ops = g_async_queue_pop (pipeline.laid_out)) != (SpBriefOps *) END_OF_PAGES)
    {
      if (!g_atomic_int_get (&pipeline.stop))
        {
          sp_brief_ops_replay (ops, cr);
          cairo_show_page (cr);
          if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
            n_pages++;
          else
            g_atomic_int_set (&pipeline.stop, TRUE);
        }
      g_async_queue_push (pipeline.free, ops);
    }
  g_thread_join (thread);

  while ((ops = g_async_queue_try_pop (pipeline.free)) != NULL)
    sp_brief_ops_free (ops);
  g_async_queue_unref (pipeline.free);
  g_async_queue_unref (pipeline.laid_out);
  cairo_font_options_destroy (pipeline.options);
  return n_pages;
}
