/* sp-brief-pages.c: laying a brief out on pages.
 *
 * The brief becomes a list of blocks (a heading, a quote with its
 * citation, a memo, a table row), each Pango markup with a style. A page
 * is filled block after block; a block that does not fit is split between
 * lines, and a heading never ends a page. Layouts are made while a page
 * is filled and dropped after it, so memory stays flat however long the
 * brief is, and a PDF is laid out and drawn in a single pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sp-brief-pages.h"

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

struct _SpBriefPages
{
  double        width;
  double        height;
  GArray       *blocks;       /* of Block */
  GArray       *page_starts;  /* of Position, after pagination */
  PangoContext *context;
  PangoFontDescription *fonts[N_STYLES];
  struct _Pipeline *pipeline;  /* while sp_brief_pages_draw_all() runs */
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

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static char *
stance_markup (SpStance stance)
{
  g_autofree char *label = escape (sp_brief_stance_label (stance));

  return g_strdup_printf ("<span foreground=\"%s\" weight=\"bold\">%s</span>",
                          sp_brief_stance_color (stance), label);
}

static char *
citation_markup (const SpBriefCitation *citation)
{
  g_autofree char *text = sp_brief_citation_format (citation);

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
 * PDF, the screen's preview and the printer. */
static void
set_unhinted (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

static void
prepare_context (SpBriefPages *self,
                 cairo_t      *cr)
{
  if (self->context == NULL)
    {
      self->context = pango_cairo_create_context (cr);
      set_unhinted (self->context);
    }
  pango_cairo_update_context (cr, self->context);
}

static PangoLayout *
block_layout (SpBriefPages *self,
              PangoContext *context,
              const Block  *block)
{
  PangoLayout *layout = pango_layout_new (context);
  double width = content_width (self) - block_indent (block);

  if (block->style == STYLE_QUOTE)
    width -= 2 * QUOTE_PAD;

  pango_layout_set_font_description (layout, self->fonts[block->style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, block->markup, -1);

  if (block->style == STYLE_TABLE_HEAD || block->style == STYLE_TABLE_ROW)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (2, TRUE,
                                                                PANGO_TAB_LEFT, (int) (width * 0.55),
                                                                PANGO_TAB_LEFT, (int) (width * 0.8));

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
    }

  return layout;
}

/* Laying out ahead in threads, for the PDF.
 *
 * Most of a long PDF's time goes into Pango laying out paragraphs, which
 * does not depend on where a block lands on its page. So while the main
 * thread breaks pages and draws, workers lay out the next chunks of blocks.
 * Each chunk gets a font map and context of its own, which only its worker
 * touches until the chunk is handed over, and only the main thread after:
 * no Pango object is ever used by two threads at once. At most
 * CHUNKS_AHEAD chunks wait, so memory stays flat. */

#define CHUNK_BLOCKS  256
#define CHUNKS_AHEAD  4

typedef struct
{
  PangoFontMap  *font_map;
  PangoContext  *context;
  PangoLayout  **layouts;
  guint          n_layouts;
} Chunk;

typedef struct _Pipeline
{
  SpBriefPages *pages;
  GMutex        mutex;
  GCond         cond;
  Chunk       **chunks;       /* by chunk index; NULL until laid out */
  guint         n_chunks;
  guint         next_chunk;   /* the next one a worker takes */
  guint         reading;      /* the chunk the main thread is in */
  gboolean      stopping;
  GPtrArray    *workers;      /* of GThread */
} Pipeline;

static void
chunk_free (Chunk *chunk)
{
  for (guint i = 0; i < chunk->n_layouts; i++)
    g_object_unref (chunk->layouts[i]);
  g_free (chunk->layouts);
  g_object_unref (chunk->context);
  g_object_unref (chunk->font_map);
  g_free (chunk);
}

static Chunk *
chunk_lay_out (SpBriefPages *self,
               guint         index)
{
  Chunk *chunk = g_new0 (Chunk, 1);
  guint first = index * CHUNK_BLOCKS;

  chunk->font_map = pango_cairo_font_map_new ();
  chunk->context = pango_font_map_create_context (chunk->font_map);
  set_unhinted (chunk->context);
  chunk->n_layouts = MIN (CHUNK_BLOCKS, self->blocks->len - first);
  chunk->layouts = g_new0 (PangoLayout *, chunk->n_layouts);
  for (guint i = 0; i < chunk->n_layouts; i++)
    chunk->layouts[i] = block_layout (self, chunk->context, &g_array_index (self->blocks, Block, first + i));
  return chunk;
}

static gpointer
pipeline_worker (gpointer data)
{
  Pipeline *pipeline = data;

  g_mutex_lock (&pipeline->mutex);
  while (!pipeline->stopping && pipeline->next_chunk < pipeline->n_chunks)
    {
      guint index = pipeline->next_chunk;
      Chunk *chunk;

      if (index >= pipeline->reading + CHUNKS_AHEAD)
        {
          g_cond_wait (&pipeline->cond, &pipeline->mutex);
          continue;
        }
      pipeline->next_chunk++;
      g_mutex_unlock (&pipeline->mutex);

      chunk = chunk_lay_out (pipeline->pages, index);

      g_mutex_lock (&pipeline->mutex);
      pipeline->chunks[index] = chunk;
      g_cond_broadcast (&pipeline->cond);
    }
  g_mutex_unlock (&pipeline->mutex);
  return NULL;
}

static Pipeline *
pipeline_start (SpBriefPages *self)
{
  Pipeline *pipeline = g_new0 (Pipeline, 1);
  guint n_workers = CLAMP (g_get_num_processors (), 1, 4);

  pipeline->pages = self;
  g_mutex_init (&pipeline->mutex);
  g_cond_init (&pipeline->cond);
  pipeline->n_chunks = (self->blocks->len + CHUNK_BLOCKS - 1) / CHUNK_BLOCKS;
  pipeline->chunks = g_new0 (Chunk *, pipeline->n_chunks);
  pipeline->workers = g_ptr_array_new ();
  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (pipeline->workers, g_thread_new ("brief-layout", pipeline_worker, pipeline));
  return pipeline;
}

static void
pipeline_stop (Pipeline *pipeline)
{
  g_mutex_lock (&pipeline->mutex);
  pipeline->stopping = TRUE;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);

  for (guint i = 0; i < pipeline->workers->len; i++)
    g_thread_join (g_ptr_array_index (pipeline->workers, i));
  g_ptr_array_unref (pipeline->workers);
  for (guint i = 0; i < pipeline->n_chunks; i++)
    g_clear_pointer (&pipeline->chunks[i], chunk_free);
  g_free (pipeline->chunks);
  g_mutex_clear (&pipeline->mutex);
  g_cond_clear (&pipeline->cond);
  g_free (pipeline);
}

/* The layout of block @index, from the pipeline when one runs. A page
 * looks back one block at most (the one split over the page break), so
 * chunks before the previous one can go. */
static PangoLayout *
acquire_layout (SpBriefPages *self,
                guint         index)
{
  Pipeline *pipeline = self->pipeline;
  guint chunk_index = index / CHUNK_BLOCKS;
  PangoLayout *layout;

  if (pipeline == NULL)
    return block_layout (self, self->context, &g_array_index (self->blocks, Block, index));

  g_mutex_lock (&pipeline->mutex);
  if (chunk_index > pipeline->reading)
    {
      for (guint i = 0; i + 1 < chunk_index; i++)
        g_clear_pointer (&pipeline->chunks[i], chunk_free);
      pipeline->reading = chunk_index;
      g_cond_broadcast (&pipeline->cond);
    }
  while (pipeline->chunks[chunk_index] == NULL)
    g_cond_wait (&pipeline->cond, &pipeline->mutex);
  layout = g_object_ref (pipeline->chunks[chunk_index]->layouts[index % CHUNK_BLOCKS]);
  g_mutex_unlock (&pipeline->mutex);
  return layout;
}

/* The extents of each line of a layout, in points from its top. */
typedef struct
{
  double top;
  double bottom;
  double baseline;
} LineBox;

static GArray *
layout_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LineBox box;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box.top = (double) logical.y / PANGO_SCALE;
      box.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  return lines;
}

static void
draw_decoration (SpBriefPages *self,
                 cairo_t      *cr,
                 const Block  *block,
                 double        top,
                 double        bottom)
{
  double x = MARGIN + block_indent (block);

  switch (block->style)
    {
    case STYLE_QUOTE:
      cairo_set_source_rgba (cr, block->color[0], block->color[1], block->color[2], 0.16);
      cairo_rectangle (cr, x, top - QUOTE_PAD / 2, content_width (self) - block_indent (block),
                       bottom - top + QUOTE_PAD);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, block->color[0], block->color[1], block->color[2]);
      cairo_rectangle (cr, x, top - QUOTE_PAD / 2, 3, bottom - top + QUOTE_PAD);
      cairo_fill (cr);
      break;
    case STYLE_THEME:
    case STYLE_APPENDIX:
      cairo_set_source_rgb (cr, block->color[0], block->color[1], block->color[2]);
      cairo_rectangle (cr, MARGIN, bottom + 2, content_width (self), 2.5);
      cairo_fill (cr);
      break;
    case STYLE_TABLE_HEAD:
    case STYLE_TABLE_ROW:
      cairo_set_source_rgb (cr, 0.87, 0.87, 0.85);
      cairo_rectangle (cr, MARGIN, bottom + 1, content_width (self), 0.5);
      cairo_fill (cr);
      break;
    default:
      break;
    }
}

/* Draws lines [first, last) of @layout with its first line's top at @y. */
static void
draw_lines (SpBriefPages *self,
            cairo_t      *cr,
            const Block  *block,
            PangoLayout  *layout,
            GArray       *lines,
            guint         first,
            guint         last,
            double        y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = g_array_index (lines, LineBox, first).top;
  double x = MARGIN + block_indent (block) + (block->style == STYLE_QUOTE ? QUOTE_PAD + 3 : 0);
  guint i = 0;

  draw_decoration (self, cr, block, y, y + g_array_index (lines, LineBox, last - 1).bottom - offset);

  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  do
    {
      if (i >= first && i < last)
        {
          const LineBox *box = &g_array_index (lines, LineBox, i);
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + box->baseline - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < last && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static double
first_line_height (SpBriefPages *self,
                   guint         index)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) lines = NULL;
  const Block *block;

  if (index >= self->blocks->len)
    return 0;
  block = &g_array_index (self->blocks, Block, index);
  layout = acquire_layout (self, index);
  lines = layout_lines (layout);
  return styles[block->style].space_before + g_array_index (lines, LineBox, 0).bottom;
}

static void
draw_footer (SpBriefPages *self,
             cairo_t      *cr,
             guint         page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  int width, height;

  pango_layout_set_font_description (layout, self->fonts[STYLE_META]);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  cairo_move_to (cr, (self->width - width) / 2, self->height - MARGIN + 4);
  pango_cairo_show_layout (cr, layout);
}

/* Fills one page from @from (drawing it if @cr_draw is set) and returns
 * where the next page starts; block == blocks->len at the end. */
static Position
fill_page (SpBriefPages *self,
           cairo_t      *cr_draw,
           Position      from)
{
  double y = MARGIN;
  double bottom = content_bottom (self);
  Position at = from;

  while (at.block < self->blocks->len)
    {
      const Block *block = &g_array_index (self->blocks, Block, at.block);
      const StyleInfo *style = &styles[block->style];
      g_autoptr(PangoLayout) layout = acquire_layout (self, at.block);
      g_autoptr(GArray) lines = layout_lines (layout);
      double space = (y > MARGIN && at.line == 0) ? style->space_before : 0;
      double offset = g_array_index (lines, LineBox, at.line).top;
      guint last = at.line;
      double height;

      if (block->new_page && at.line == 0 && y > MARGIN)
        break;

      /* As many lines as fit below @y. */
      while (last < lines->len &&
             y + space + g_array_index (lines, LineBox, last).bottom - offset <= bottom)
        last++;

      if (last == lines->len && style->keep_with_next &&
          y + space + (g_array_index (lines, LineBox, last - 1).bottom - offset) +
          style->space_after + first_line_height (self, at.block + 1) > bottom &&
          y > MARGIN)
        last = at.line;  /* a heading at the foot of a page goes on the next */

      /* Do not leave a single line of a block behind; but a page
       * must always take something, or a huge block would never fit. */
      if (last < lines->len && lines->len - last < 2 && y > MARGIN)
        last = last - at.line >= 3 ? last - 1 : at.line;  /* nor carry one line over */
      if (last > at.line && last < lines->len && last - at.line < 2 && y > MARGIN)
        last = at.line;
      if (last == at.line && y == MARGIN)
        last = at.line + 1;
      if (last == at.line)
        break;

      y += space;
      if (cr_draw != NULL)
        draw_lines (self, cr_draw, block, layout, lines, at.line, last, y);
      height = g_array_index (lines, LineBox, last - 1).bottom - offset;
      y += height;

      if (last < lines->len)
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

guint
sp_brief_pages_paginate (SpBriefPages *self,
                         cairo_t      *cr,
                         guint         max_pages)
{
  Position at = { 0, 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  prepare_context (self, cr);
  g_array_set_size (self->page_starts, 0);
  while (at.block < self->blocks->len && (max_pages == 0 || self->page_starts->len < max_pages))
    {
      g_array_append_val (self->page_starts, at);
      at = fill_page (self, NULL, at);
    }

  return self->page_starts->len;
}

guint
sp_brief_pages_get_n_pages (SpBriefPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->page_starts->len;
}

static void
draw_page_at (SpBriefPages *self,
              cairo_t      *cr,
              guint         page,
              Position      from,
              Position     *next)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  *next = fill_page (self, cr, from);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

void
sp_brief_pages_draw_page (SpBriefPages *self,
                          cairo_t      *cr,
                          guint         page)
{
  Position next;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->page_starts->len);

  prepare_context (self, cr);
  draw_page_at (self, cr, page, g_array_index (self->page_starts, Position, page), &next);
}

guint
sp_brief_pages_draw_all (SpBriefPages *self,
                         cairo_t      *cr)
{
  Position at = { 0, 0 };
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);

  prepare_context (self, cr);
  g_array_set_size (self->page_starts, 0);
  self->pipeline = pipeline_start (self);
  while (at.block < self->blocks->len)
    {
      g_array_append_val (self->page_starts, at);
      draw_page_at (self, cr, page++, at, &at);
      cairo_show_page (cr);
    }
  g_clear_pointer (&self->pipeline, pipeline_stop);

  return page;
}
