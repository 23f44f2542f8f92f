/* sp-document-view.c
 *
 * The text is the document's normalised text; its structure comes from the
 * project's segments and is drawn with one text tag per kind. Colours follow
 * the light or dark style (AdwStyleManager), sizes follow the desktop font
 * and the zoom level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-document-view.h"
#include "sp-document-gutter.h"

#define FLASH_HOLD_MS       900
#define FLASH_FADE_MS       700
#define ZOOM_MIN            0.5
#define ZOOM_MAX            3.0
#define ZOOM_STEP           1.1
/* Reading text is a little larger than the interface font. */
#define READING_FONT_SCALE  1.1
#define TOOLTIP_MAX_CHARS   500
#define TOC_MARGIN(level)   (20 + ((level) - 1) * 24)

struct _SpDocumentView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkSourceView     *source_view;

  GtkSourceBuffer   *buffer;
  GtkCssProvider    *css_provider;
  SpDocumentGutter  *gutter;

  gint64             document_id;
  char              *title;
  SpDocumentKind     kind;
  GPtrArray         *segments;   /* SpSegmentInfo, document order */

  GArray            *back_stack; /* int offsets */

  GtkTextTag        *flash_tag;
  GdkRGBA            flash_color;
  guint              flash_timeout_id;
  AdwAnimation      *flash_animation;

  /* Keeps a jump's target in view while the layout of the lines above it
   * is still being measured (their heights are estimates until then). */
  guint              scroll_tick_id;
  guint              scroll_ticks;
  guint              scroll_settled;

  int                text_width;   /* for the table of contents' page numbers */

  double             zoom;
  gboolean           pointer_over_link;
  gboolean           underline_highlights;

  /* Annotations as highlights */
  GPtrArray         *annotations;     /* SpAnnotationInfo, reading order */
  GArray            *spans;           /* HighlightSpan, same order */
  GHashTable        *highlight_tags;  /* "#rrggbb" -> GtkTextTag (background) */
  GHashTable        *underline_tags;  /* "#rrggbb" -> GtkTextTag (underline) */
  GtkTextTag        *annotation_tag;
};

/* How one annotation is drawn */
typedef struct
{
  gint64      id;
  int         start;
  int         end;
  GtkTextTag *background;  /* NULL when it lies over an earlier one */
  GtkTextTag *underline;   /* its second theme, or its first when overlapping */
} HighlightSpan;

#define FALLBACK_THEME_COLOR "#9a9996"
/* Re-tag only the changed ranges below this many changed annotations */
#define MAX_PARTIAL_CHANGES  256

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  PROP_ZOOM,
  PROP_UNDERLINE_HIGHLIGHTS,
  PROP_SHOW_PAGE_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SpDocumentView, sp_document_view, GTK_TYPE_WIDGET)

/* Segments */

static SpSegmentInfo *
segment_by_ordinal (SpDocumentView *self,
                    int             ordinal)
{
  if (self->segments == NULL || ordinal < 0)
    return NULL;

  if ((guint) ordinal < self->segments->len)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, ordinal);

      if (seg->ordinal == ordinal)
        return seg;
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);

      if (seg->ordinal == ordinal)
        return seg;
    }

  return NULL;
}

/* The innermost segment of @kind containing @offset. */
static SpSegmentInfo *
find_segment_at (SpDocumentView *self,
                 SpSegmentKind   kind,
                 int             offset)
{
  SpSegmentInfo *found = NULL;

  if (self->segments == NULL)
    return NULL;

  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);

      if (seg->start > offset)
        break;
      if (seg->kind == kind && offset < seg->end)
        found = seg;
    }

  return found;
}

static gboolean
is_number_char (gunichar c)
{
  /* Superscript digits as the transcript writes footnote markers */
  return g_unichar_isdigit (c) ||
         c == 0x00B9 || c == 0x00B2 || c == 0x00B3 ||
         (c >= 0x2070 && c <= 0x2079);
}

/* The number that opens a footnote's text ("12 Walter G. Copan…", "¹ https…"),
 * as an end offset; @note->start if the text does not start with one. */
static int
footnote_number_end (SpDocumentView *self,
                     SpSegmentInfo  *note)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;
  int offset = note->start;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, note->start);
  while (offset < note->end && is_number_char (gtk_text_iter_get_char (&iter)))
    {
      gtk_text_iter_forward_char (&iter);
      offset++;
    }

  return offset;
}

/* Tags and colours */

static GtkTextTag *
lookup_tag (SpDocumentView *self,
            const char     *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer));

  return gtk_text_tag_table_lookup (table, name);
}

static PangoTabArray *
tabs_new (gboolean     right_aligned,
          const int   *positions,
          guint        n_positions)
{
  PangoTabArray *tabs = pango_tab_array_new (n_positions, TRUE);

  for (guint i = 0; i < n_positions; i++)
    pango_tab_array_set_tab (tabs, i, right_aligned ? PANGO_TAB_RIGHT : PANGO_TAB_LEFT,
                             positions[i]);

  return tabs;
}

static void
create_tags (SpDocumentView *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  static const double heading_scale[] = { 1.75, 1.4, 1.2, 1.08, 1.0, 1.0 };
  static const int heading_above[] = { 8, 30, 22, 16, 14, 14 };
  static const int table_tabs[] = { 150, 380, 560 };
  g_autoptr(PangoTabArray) cell_tabs = tabs_new (FALSE, table_tabs, G_N_ELEMENTS (table_tabs));

  /* Tags created later win over earlier ones: blocks first, inline last. */
  gtk_text_buffer_create_tag (buffer, "body",
                              "line-height", 1.3f,
                              NULL);
  /* Blocks are separated by an empty line: a short one reads better */
  gtk_text_buffer_create_tag (buffer, "blank-line",
                              "scale", 0.6,
                              "line-height", 1.0f,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_TURN, NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_PARAGRAPH, NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_LIST_ITEM,
                              "left-margin", 44,
                              "indent", -16,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_NOTES, NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_FOOTNOTE,
                              "scale", 0.88,
                              "pixels-below-lines", 6,
                              "line-height", 1.15f,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_TOC,
                              "pixels-below-lines", 3,
                              NULL);
  for (int level = 1; level <= 3; level++)
    {
      g_autofree char *name = g_strdup_printf (SP_TAG_TOC_ENTRY_PREFIX "%d", level);

      gtk_text_buffer_create_tag (buffer, name,
                                  "left-margin", TOC_MARGIN (level),
                                  "weight", level == 1 ? 600 : PANGO_WEIGHT_NORMAL,
                                  NULL);
    }
  gtk_text_buffer_create_tag (buffer, SP_TAG_TABLE,
                              "tabs", cell_tabs,
                              "pixels-below-lines", 3,
                              "wrap-mode", GTK_WRAP_WORD_CHAR,
                              NULL);
  for (int level = 1; level <= 6; level++)
    {
      g_autofree char *name = g_strdup_printf (SP_TAG_HEADING_PREFIX "%d", level);

      gtk_text_buffer_create_tag (buffer, name,
                                  "scale", heading_scale[level - 1],
                                  "weight", level == 1 ? 800 : 700,
                                  "pixels-above-lines", heading_above[level - 1],
                                  "pixels-below-lines", level == 1 ? 18 : 10,
                                  "line-height", 1.1f,
                                  NULL);
    }
  gtk_text_buffer_create_tag (buffer, SP_TAG_SPEAKER,
                              "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 22,
                              "pixels-below-lines", 4,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_TIMESTAMP,
                              "weight", PANGO_WEIGHT_NORMAL,
                              "font-features", "tnum",
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_ITALIC,
                              "style", PANGO_STYLE_ITALIC,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_BOLD,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_UNDERLINE,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_LINK,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_FOOTNOTE_REF,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, SP_TAG_FOOTNOTE_NUMBER,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  self->flash_tag = gtk_text_buffer_create_tag (buffer, SP_TAG_FLASH, NULL);
}

/* Page numbers in the table of contents sit at the right edge of the text,
 * on a right-aligned tab stop that follows the view's width. */
static void
update_tabs (SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  int width = (int) gtk_adjustment_get_page_size (hadjustment) - gtk_text_view_get_right_margin (view) - 4;

  if (width <= 0 || width == self->text_width)
    return;

  self->text_width = width;

  for (int level = 1; level <= 3; level++)
    {
      g_autofree char *name = g_strdup_printf (SP_TAG_TOC_ENTRY_PREFIX "%d", level);
      int position = MAX (width - TOC_MARGIN (level), 120);
      g_autoptr(PangoTabArray) tabs = tabs_new (TRUE, &position, 1);

      g_object_set (lookup_tag (self, name), "tabs", tabs, NULL);
    }
}

static void update_highlight_colors (SpDocumentView *self);

static void
update_colors (SpDocumentView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  GdkRGBA accent, link, dim;

  /* The libadwaita accent and link colours for each style. */
  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&link, dark ? "#78aeed" : "#1b6acb");
  gdk_rgba_parse (&dim, dark ? "rgba(255,255,255,0.62)" : "rgba(0,0,0,0.6)");
  if (high_contrast)
    dim.alpha = 0.9;
  gdk_rgba_parse (&self->flash_color, dark ? "rgba(248,228,92,0.32)" : "rgba(246,211,45,0.6)");


  g_object_set (lookup_tag (self, SP_TAG_SPEAKER), "foreground-rgba", &accent, NULL);
  g_object_set (lookup_tag (self, SP_TAG_TIMESTAMP), "foreground-rgba", &dim, NULL);
  g_object_set (lookup_tag (self, SP_TAG_LINK), "foreground-rgba", &link, NULL);
  g_object_set (lookup_tag (self, SP_TAG_FOOTNOTE_REF), "foreground-rgba", &link, NULL);
  g_object_set (lookup_tag (self, SP_TAG_FOOTNOTE_NUMBER), "foreground-rgba", &link, NULL);
  g_object_set (self->flash_tag, "background-rgba", &self->flash_color, NULL);

  update_highlight_colors (self);
}

static void
update_font (SpDocumentView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  g_autofree char *css = NULL;
  PangoFontDescription *desc;
  char size_str[G_ASCII_DTOSTR_BUF_SIZE];
  double size = 11.0;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      desc = pango_font_description_from_string (font_name);
      if (pango_font_description_get_size (desc) > 0)
        {
          size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
          if (pango_font_description_get_size_is_absolute (desc))
            size *= 0.75; /* pixels to points at 96 dpi */
        }
      pango_font_description_free (desc);
    }

  size = size * READING_FONT_SCALE * self->zoom;
  g_ascii_formatd (size_str, sizeof size_str, "%.2f", size);
  css = g_strdup_printf ("textview.sp-document { font-size: %spt; }", size_str);
  gtk_css_provider_load_from_data (self->css_provider, css, -1);
}

/* Highlights */

static void
highlight_color (const char *color,
                 gboolean    underline,
                 GdkRGBA    *rgba)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (!gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, FALLBACK_THEME_COLOR);

  if (underline)
    {
      /* A line of the colour itself: lighten it a little on dark */
      if (dark)
        {
          rgba->red = rgba->red + (1 - rgba->red) * 0.25;
          rgba->green = rgba->green + (1 - rgba->green) * 0.25;
          rgba->blue = rgba->blue + (1 - rgba->blue) * 0.25;
        }
      rgba->alpha = 1.0;
    }
  else
    /* A wash the text stays readable on, white or dark grey under it */
    rgba->alpha = dark ? 0.36 : 0.28;
}

/* Sets @tag's look for theme colour @color: a passage's own highlight
 * (@secondary FALSE) is a background wash, or a single underline when
 * highlights are underlines only; a second theme or an overlapping passage
 * (@secondary TRUE) is underlined, doubly in the underline-only style so
 * that it still stands apart. */
static void
style_highlight_tag (SpDocumentView *self,
                     GtkTextTag     *tag,
                     const char     *color,
                     gboolean        secondary)
{
  GdkRGBA rgba;

  if (!secondary && !self->underline_highlights)
    {
      highlight_color (color, FALSE, &rgba);
      /* Unset, so that a link's underline still shows through */
      g_object_set (tag,
                    "background-rgba", &rgba,
                    "underline", PANGO_UNDERLINE_NONE,
                    "underline-set", FALSE,
                    "underline-rgba-set", FALSE,
                    NULL);
      return;
    }

  highlight_color (color, TRUE, &rgba);
  if (!secondary)
    g_object_set (tag, "background-set", FALSE, NULL);
  g_object_set (tag,
                "underline", secondary && self->underline_highlights ? PANGO_UNDERLINE_DOUBLE_LINE
                                                                     : PANGO_UNDERLINE_SINGLE_LINE,
                "underline-rgba", &rgba,
                NULL);
}

static void
update_highlight_colors (SpDocumentView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->highlight_tags == NULL)
    return;

  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    style_highlight_tag (self, value, key, FALSE);

  g_hash_table_iter_init (&iter, self->underline_tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    style_highlight_tag (self, value, key, TRUE);
}

static GtkTextTag *
ensure_highlight_tag (SpDocumentView *self,
                      const char     *color,
                      gboolean        underline)
{
  GHashTable *tags = underline ? self->underline_tags : self->highlight_tags;
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer));
  g_autofree char *name = NULL;
  GtkTextTag *tag;

  if (color == NULL || color[0] == '\0')
    color = FALLBACK_THEME_COLOR;

  if ((tag = g_hash_table_lookup (tags, color)) != NULL)
    return tag;

  name = g_strconcat (underline ? SP_TAG_UNDERLINE_PREFIX : SP_TAG_HIGHLIGHT_PREFIX, color, NULL);
  tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), name, NULL);
  style_highlight_tag (self, tag, color, underline);
  g_hash_table_insert (tags, g_strdup (color), tag);

  /* A jump's flash stays visible over highlights */
  gtk_text_tag_set_priority (self->flash_tag, gtk_text_tag_table_get_size (table) - 1);

  return tag;
}

static const char *
theme_color (GHashTable *colors,
             GArray     *theme_ids,
             guint       index)
{
  if (theme_ids == NULL || index >= theme_ids->len)
    return NULL;

  return g_hash_table_lookup (colors, &g_array_index (theme_ids, gint64, index));
}

/* Works out how each annotation is drawn: the first of a pile gets its
 * colour as background; one starting inside an earlier highlight is
 * underlined in its colour instead, so neither hides the other. */
static GArray *
compute_spans (SpDocumentView *self,
               GPtrArray      *annotations,
               GPtrArray      *themes,
               int             n_chars)
{
  g_autoptr(GHashTable) colors = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *spans = g_array_sized_new (FALSE, TRUE, sizeof (HighlightSpan), annotations->len);
  int background_end = -1;

  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);

      g_hash_table_insert (colors, &theme->id, theme->color);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (annotations, i);
      HighlightSpan span = { info->id, 0, 0, NULL, NULL };
      const char *first = theme_color (colors, info->theme_ids, 0);
      const char *second = theme_color (colors, info->theme_ids, 1);

      span.start = CLAMP (info->start, 0, n_chars);
      span.end = CLAMP (info->end, span.start, n_chars);

      if (span.start < background_end)
        span.underline = ensure_highlight_tag (self, first, TRUE);
      else
        {
          span.background = ensure_highlight_tag (self, first, FALSE);
          if (second != NULL)
            span.underline = ensure_highlight_tag (self, second, TRUE);
          background_end = span.end;
        }

      g_array_append_val (spans, span);
    }

  return spans;
}

static void
remove_highlights (SpDocumentView    *self,
                   const GtkTextIter *start,
                   const GtkTextIter *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GHashTableIter iter;
  gpointer tag;

  gtk_text_buffer_remove_tag (buffer, self->annotation_tag, start, end);

  g_hash_table_iter_init (&iter, self->highlight_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_buffer_remove_tag (buffer, tag, start, end);

  g_hash_table_iter_init (&iter, self->underline_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_buffer_remove_tag (buffer, tag, start, end);
}

static void
apply_span (SpDocumentView      *self,
            const HighlightSpan *span,
            int                  from,
            int                  to)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  int s = MAX (span->start, from);
  int e = MIN (span->end, to);

  if (e <= s)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, s);
  end = start;
  gtk_text_iter_forward_chars (&end, e - s);

  gtk_text_buffer_apply_tag (buffer, self->annotation_tag, &start, &end);
  if (span->background != NULL)
    gtk_text_buffer_apply_tag (buffer, span->background, &start, &end);
  if (span->underline != NULL)
    gtk_text_buffer_apply_tag (buffer, span->underline, &start, &end);
}

static gboolean
spans_equal (const HighlightSpan *a,
             const HighlightSpan *b)
{
  return a->id == b->id && a->start == b->start && a->end == b->end &&
         a->background == b->background && a->underline == b->underline;
}

/* Re-tags [from, to) after clearing it. */
static void
retag_range (SpDocumentView *self,
             int             from,
             int             to)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  remove_highlights (self, &start, &end);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const HighlightSpan *span = &g_array_index (self->spans, HighlightSpan, i);

      if (span->start >= to)
        break;
      apply_span (self, span, from, to);
    }
}

void
sp_document_view_set_annotations (SpDocumentView *self,
                                  GPtrArray      *annotations,
                                  GPtrArray      *themes)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GArray) old_spans = NULL;
  g_autoptr(GArray) dirty = NULL;
  int n_chars;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  n_chars = gtk_text_buffer_get_char_count (buffer);
  old_spans = g_steal_pointer (&self->spans);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  if (annotations == NULL)
    annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_annotation_info_free);
  else
    g_ptr_array_ref (annotations);
  self->annotations = annotations;
  self->spans = compute_spans (self, annotations, themes, n_chars);

  /* Which ranges changed: annotations gone, new or drawn differently */
  if (old_spans != NULL)
    {
      g_autoptr(GHashTable) old_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GHashTable) new_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      dirty = g_array_new (FALSE, FALSE, sizeof (HighlightSpan));

      for (guint i = 0; i < old_spans->len; i++)
        {
          HighlightSpan *span = &g_array_index (old_spans, HighlightSpan, i);

          g_hash_table_insert (old_by_id, &span->id, span);
        }
      for (guint i = 0; i < self->spans->len; i++)
        {
          HighlightSpan *span = &g_array_index (self->spans, HighlightSpan, i);
          HighlightSpan *old = g_hash_table_lookup (old_by_id, &span->id);

          g_hash_table_insert (new_by_id, &span->id, span);
          if (old == NULL || !spans_equal (old, span))
            {
              g_array_append_val (dirty, *span);
              if (old != NULL)
                g_array_append_val (dirty, *old);
            }
        }
      for (guint i = 0; i < old_spans->len && dirty->len <= MAX_PARTIAL_CHANGES; i++)
        {
          HighlightSpan *span = &g_array_index (old_spans, HighlightSpan, i);

          if (!g_hash_table_contains (new_by_id, &span->id))
            g_array_append_val (dirty, *span);
        }

      if (dirty->len > MAX_PARTIAL_CHANGES)
        g_clear_pointer (&dirty, g_array_unref);
    }

  if (dirty != NULL)
    {
      for (guint i = 0; i < dirty->len; i++)
        {
          HighlightSpan *span = &g_array_index (dirty, HighlightSpan, i);

          retag_range (self, MIN (span->start, n_chars), MIN (span->end, n_chars));
        }
    }
  else
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      if (old_spans != NULL && old_spans->len > 0)
        remove_highlights (self, &start, &end);
      for (guint i = 0; i < self->spans->len; i++)
        apply_span (self, &g_array_index (self->spans, HighlightSpan, i), 0, n_chars);
    }
}

static int
compare_annotations (const SpAnnotationInfo *a,
                     const SpAnnotationInfo *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

void
sp_document_view_update_annotation (SpDocumentView   *self,
                                    gint64            id,
                                    SpAnnotationInfo *info,
                                    GPtrArray        *themes)
{
  g_autoptr(SpAnnotationInfo) owned = info;
  g_autoptr(GArray) dirty = NULL;
  HighlightSpan *old;
  guint n, removed = G_MAXUINT, inserted = G_MAXUINT, first, last;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (info == NULL || info->id == id);

  if (self->annotations == NULL || self->spans == NULL)
    {
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_annotation_info_free);

      if (owned != NULL)
        g_ptr_array_add (annotations, g_steal_pointer (&owned));
      sp_document_view_set_annotations (self, annotations, themes);
      return;
    }

  /* The old spans, before the change, for the ranges to re-tag */
  old = g_memdup2 (self->spans->data, (gsize) self->spans->len * sizeof (HighlightSpan));
  n = self->spans->len;
  dirty = g_array_new (FALSE, FALSE, sizeof (HighlightSpan));

  for (guint i = 0; i < self->annotations->len; i++)
    if (((SpAnnotationInfo *) g_ptr_array_index (self->annotations, i))->id == id)
      {
        g_array_append_val (dirty, old[i]);
        g_ptr_array_remove_index (self->annotations, i);
        removed = i;
        break;
      }

  if (owned != NULL)
    {
      guint lo = 0, hi = self->annotations->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compare_annotations (g_ptr_array_index (self->annotations, mid), owned) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      inserted = lo;
      g_ptr_array_insert (self->annotations, (int) inserted, g_steal_pointer (&owned));
    }

  if (removed == G_MAXUINT && inserted == G_MAXUINT)
    {
      g_free (old);
      return;
    }

  /* Recompute the spans from the first change on; past the last change,
   * stop at the first span drawn as before with a background of its own,
   * as everything after it is drawn as before too. */
  first = MIN (removed, inserted);
  last = removed == G_MAXUINT ? inserted : inserted == G_MAXUINT ? removed : MAX (removed, inserted);
  g_array_set_size (self->spans, self->annotations->len);
  {
    g_autoptr(GHashTable) colors = g_hash_table_new (g_int64_hash, g_int64_equal);
    int n_chars = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer));
    int background_end = -1;
    guint j;

    for (guint i = 0; themes != NULL && i < themes->len; i++)
      {
        SpThemeInfo *theme = g_ptr_array_index (themes, i);

        g_hash_table_insert (colors, &theme->id, theme->color);
      }

    for (j = first; j > 0; j--)
      if (old[j - 1].background != NULL)
        {
          background_end = old[j - 1].end;
          break;
        }

    for (j = first; j < self->annotations->len; j++)
      {
        SpAnnotationInfo *a = g_ptr_array_index (self->annotations, j);
        HighlightSpan span = { a->id, 0, 0, NULL, NULL };
        const char *first_color = theme_color (colors, a->theme_ids, 0);
        const char *second_color = theme_color (colors, a->theme_ids, 1);
        /* The same annotation's old span, if it is there */
        guint k = j;
        const HighlightSpan *before = NULL;

        if (inserted != G_MAXUINT && j > inserted)
          k--;
        if (removed != G_MAXUINT && k >= removed)
          k++;
        if (j != inserted && k < n)
          before = &old[k];

        span.start = CLAMP (a->start, 0, n_chars);
        span.end = CLAMP (a->end, span.start, n_chars);
        if (span.start < background_end)
          span.underline = ensure_highlight_tag (self, first_color, TRUE);
        else
          {
            span.background = ensure_highlight_tag (self, first_color, FALSE);
            if (second_color != NULL)
              span.underline = ensure_highlight_tag (self, second_color, TRUE);
            background_end = span.end;
          }
        g_array_index (self->spans, HighlightSpan, j) = span;

        if (before == NULL || !spans_equal (before, &span))
          {
            g_array_append_val (dirty, span);
            if (before != NULL)
              g_array_append_val (dirty, *before);
          }
        else if (j >= last && span.background != NULL)
          {
            j++;
            break;
          }
      }

    /* The rest is unchanged: copy it from the old spans */
    for (; j < self->annotations->len; j++)
      {
        guint k = j;

        if (inserted != G_MAXUINT && j > inserted)
          k--;
        if (removed != G_MAXUINT && k >= removed)
          k++;
        g_array_index (self->spans, HighlightSpan, j) = old[k];
      }

    if (dirty->len > MAX_PARTIAL_CHANGES)
      {
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
        remove_highlights (self, &start, &end);
        for (guint i = 0; i < self->spans->len; i++)
          apply_span (self, &g_array_index (self->spans, HighlightSpan, i), 0, n_chars);
      }
    else
      for (guint i = 0; i < dirty->len; i++)
        {
          HighlightSpan *span = &g_array_index (dirty, HighlightSpan, i);

          retag_range (self, MIN (span->start, n_chars), MIN (span->end, n_chars));
        }
  }

  g_free (old);
}

GPtrArray *
sp_document_view_get_annotations (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->annotations;
}

GtkTextTag *
sp_document_view_get_highlight_tag (SpDocumentView *self,
                                    const char     *color,
                                    gboolean        underline)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (color != NULL, NULL);

  return g_hash_table_lookup (underline ? self->underline_tags : self->highlight_tags, color);
}

static const char *
stance_label (SpStance stance)
{
  switch (stance)
    {
    case SP_STANCE_SUPPORTS: return _("Supports");
    case SP_STANCE_OPPOSES:  return _("Opposes");
    case SP_STANCE_MIXED:    return _("Mixed");
    case SP_STANCE_NEUTRAL:  return _("Neutral");
    case SP_STANCE_UNCLEAR:  return _("Unclear");
    case SP_STANCE_NONE:
    default:                 return NULL;
    }
}

static char *
annotation_tooltip (SpDocumentView *self,
                    int             offset)
{
  GString *markup = NULL;

  if (self->annotations == NULL)
    return NULL;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (self->annotations, i);
      g_autofree char *themes = NULL;
      g_autofree char *line = NULL;
      const char *stance;

      if (info->start > offset)
        break;
      if (offset >= info->end)
        continue;

      if (markup == NULL)
        markup = g_string_new (NULL);
      else
        g_string_append (markup, "\n\n");

      themes = info->theme_names != NULL && info->theme_names[0] != NULL
        ? g_strjoinv (", ", info->theme_names)
        : g_strdup (_("No theme"));
      line = g_markup_printf_escaped ("<b>%s</b>", themes);
      g_string_append (markup, line);

      stance = stance_label (info->stance);
      if (info->stakeholder != NULL || stance != NULL)
        {
          g_autofree char *who = NULL;

          if (info->stakeholder != NULL && stance != NULL)
            /* Translators: in an annotation's tooltip, "<stakeholder> · <stance>" */
            who = g_markup_printf_escaped (_("%s · %s"), info->stakeholder, stance);
          else
            who = g_markup_escape_text (info->stakeholder != NULL ? info->stakeholder : stance, -1);
          g_string_append_printf (markup, "\n%s", who);
        }

      if (info->memo != NULL && info->memo[0] != '\0')
        {
          g_autofree char *memo = g_markup_printf_escaped ("\n<i>%s</i>", info->memo);

          g_string_append (markup, memo);
        }
    }

  return markup != NULL ? g_string_free (markup, FALSE) : NULL;
}

/* Selection and popovers */

gboolean
sp_document_view_get_selection (SpDocumentView *self,
                                int            *start,
                                int            *end)
{
  GtkTextIter s, e;
  gboolean selected;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  selected = gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &s, &e);
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);

  return selected;
}

SpSegmentInfo *
sp_document_view_get_turn_at (SpDocumentView *self,
                              int             offset)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return find_segment_at (self, SP_SEGMENT_TURN, offset);
}

char *
sp_document_view_get_text_range (SpDocumentView *self,
                                 int             start,
                                 int             end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &s, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &e, end);

  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &s, &e, FALSE);
}

void
sp_document_view_popup_at_range (SpDocumentView *self,
                                 GtkPopover     *popover,
                                 int             start,
                                 int             end)
{
  GtkTextView *view;
  GtkTextIter s, e;
  GdkRectangle a, b, rect;
  double x, y;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (popover)) == GTK_WIDGET (self));

  view = GTK_TEXT_VIEW (self->source_view);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &s, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &e, MAX (start, end));
  gtk_text_view_get_iter_location (view, &s, &a);
  gtk_text_view_get_iter_location (view, &e, &b);

  /* Point at the passage's last line, or its first if it is one line */
  if (b.y > a.y)
    rect = (GdkRectangle) { b.x > 24 ? b.x - 24 : 0, b.y, MIN (b.x, 24) + 1, b.height };
  else
    rect = (GdkRectangle) { a.x, a.y, MAX (b.x - a.x, 1), a.height };

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  if (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (self), rect.x, rect.y, &x, &y))
    {
      rect.x = (int) x;
      rect.y = (int) y;
    }

  /* Keep it inside the view if the passage is scrolled off */
  rect.x = CLAMP (rect.x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1));
  rect.y = CLAMP (rect.y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - rect.height));

  gtk_popover_set_pointing_to (popover, &rect);
  gtk_popover_popup (popover);
}

/* Flashing a range to show where a jump landed */

static void
flash_stop (SpDocumentView *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  if (self->flash_animation != NULL)
    adw_animation_reset (self->flash_animation);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start, &end);
  g_object_set (self->flash_tag, "background-rgba", &self->flash_color, NULL);
}

static void
flash_animation_value_cb (double   value,
                          gpointer user_data)
{
  SpDocumentView *self = user_data;
  GdkRGBA color = self->flash_color;

  color.alpha *= value;
  g_object_set (self->flash_tag, "background-rgba", &color, NULL);
}

static void
flash_animation_done_cb (SpDocumentView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start, &end);
  g_object_set (self->flash_tag, "background-rgba", &self->flash_color, NULL);
}

static void
flash_fade_cb (gpointer user_data)
{
  SpDocumentView *self = user_data;

  self->flash_timeout_id = 0;
  adw_animation_play (self->flash_animation);
}

static void
flash_range (SpDocumentView *self,
             int             start,
             int             end)
{
  GtkTextIter start_iter, end_iter;

  flash_stop (self);

  if (end <= start)
    return;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &end_iter, end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start_iter, &end_iter);

  self->flash_timeout_id = g_timeout_add_once (FLASH_HOLD_MS, flash_fade_cb, self);
}

/* Navigation */

static int
cursor_offset (SpDocumentView *self)
{
  GtkTextIter iter;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
update_back_action (SpDocumentView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.go-back", self->back_stack->len > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static void
push_back (SpDocumentView *self,
           int             offset)
{
  g_array_append_val (self->back_stack, offset);
  update_back_action (self);
}

#define SCROLL_MAX_TICKS    90
#define SCROLL_SETTLE_TICKS 3

static gboolean
insert_is_visible (SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);

  return visible.height > 0 &&
         location.y >= visible.y &&
         location.y + location.height <= visible.y + visible.height;
}

static void
scroll_to_insert (SpDocumentView *self)
{
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view),
                                gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)),
                                0.0, TRUE, 0.0, 0.3);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SpDocumentView *self = user_data;

  if (insert_is_visible (self))
    self->scroll_settled++;
  else
    {
      self->scroll_settled = 0;
      scroll_to_insert (self);
    }

  if (self->scroll_settled >= SCROLL_SETTLE_TICKS || ++self->scroll_ticks >= SCROLL_MAX_TICKS)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
stop_scrolling (SpDocumentView *self)
{
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->source_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
}

/* Where the reader is: the cursor if it is on screen, else the text a
 * third of the way down the view (where a jump back puts it again). */
static int
reading_position (SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GdkRectangle visible;
  GtkTextIter iter;

  if (insert_is_visible (self))
    return cursor_offset (self);

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y + visible.height * 3 / 10);
  return gtk_text_iter_get_offset (&iter);
}

void
sp_document_view_go_to_range (SpDocumentView *self,
                              int             start,
                              int             end,
                              gboolean        remember)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);

  if (remember)
    push_back (self, reading_position (self));

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  scroll_to_insert (self);

  self->scroll_ticks = 0;
  self->scroll_settled = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->source_view),
                                                         scroll_tick_cb, self, NULL);

  flash_range (self, start, end);
}

gboolean
sp_document_view_follow_footnote_at_offset (SpDocumentView *self,
                                            int             offset)
{
  SpSegmentInfo *ref;
  SpSegmentInfo *note;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  /* From a reference to its footnote */
  if ((ref = find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset)) != NULL)
    {
      note = segment_by_ordinal (self, ref->target_ordinal);
      if (note == NULL)
        return FALSE;

      push_back (self, ref->start);
      sp_document_view_go_to_range (self, note->start, note->end, FALSE);
      return TRUE;
    }

  /* From a footnote's number back to the reference */
  if ((note = find_segment_at (self, SP_SEGMENT_FOOTNOTE, offset)) != NULL &&
      offset < footnote_number_end (self, note))
    {
      int note_ordinal = note->ordinal;

      /* Back to the reference the reader came from, if they did */
      if (self->back_stack->len > 0)
        {
          int last = g_array_index (self->back_stack, int, self->back_stack->len - 1);
          SpSegmentInfo *last_ref = find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, last);

          if (last_ref != NULL && last_ref->target_ordinal == note_ordinal)
            {
              g_array_set_size (self->back_stack, self->back_stack->len - 1);
              update_back_action (self);
              sp_document_view_go_to_range (self, last_ref->start, last_ref->end, FALSE);
              return TRUE;
            }
        }

      ref = segment_by_ordinal (self, note->target_ordinal);
      if (ref == NULL)
        return FALSE;

      push_back (self, note->start);
      sp_document_view_go_to_range (self, ref->start, ref->end, FALSE);
      return TRUE;
    }

  return FALSE;
}

gboolean
sp_document_view_go_back (SpDocumentView *self)
{
  SpSegmentInfo *ref;
  int offset;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->back_stack->len == 0)
    return FALSE;

  offset = g_array_index (self->back_stack, int, self->back_stack->len - 1);
  g_array_set_size (self->back_stack, self->back_stack->len - 1);
  update_back_action (self);

  ref = find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset);
  if (ref != NULL)
    sp_document_view_go_to_range (self, ref->start, ref->end, FALSE);
  else
    sp_document_view_go_to_range (self, offset, offset, FALSE);

  return TRUE;
}

gboolean
sp_document_view_can_go_back (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return self->back_stack->len > 0;
}

gboolean
sp_document_view_next_turn_by (SpDocumentView *self,
                               gint64          stakeholder_id)
{
  SpSegmentInfo *first = NULL;
  SpSegmentInfo *next = NULL;
  SpSegmentInfo *speaker = NULL;
  int cursor;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->segments == NULL)
    return FALSE;

  cursor = cursor_offset (self);

  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);

      if (seg->kind != SP_SEGMENT_TURN || seg->stakeholder_id != stakeholder_id)
        continue;
      if (first == NULL)
        first = seg;
      if (seg->start > cursor)
        {
          next = seg;
          break;
        }
    }

  if (next == NULL)
    next = first;
  if (next == NULL)
    return FALSE;

  /* Highlight the speaker label line that opens the turn */
  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);

      if (seg->start >= next->end)
        break;
      if (seg->kind == SP_SEGMENT_SPEAKER && seg->start >= next->start)
        {
          speaker = seg;
          break;
        }
    }

  if (speaker != NULL)
    sp_document_view_go_to_range (self, next->start, speaker->end, TRUE);
  else
    sp_document_view_go_to_range (self, next->start, next->start, TRUE);

  return TRUE;
}

static void
open_link (SpDocumentView *self,
           SpSegmentInfo  *link)
{
  GtkRoot *root;

  if (link->href == NULL || g_uri_peek_scheme (link->href) == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link->href, GDK_CURRENT_TIME);
}

/* Follows whatever is at @iter: a link, a footnote reference or number. */
static gboolean
activate_at_iter (SpDocumentView    *self,
                  const GtkTextIter *iter)
{
  int offset = gtk_text_iter_get_offset (iter);
  SpSegmentInfo *link;

  if (sp_document_view_follow_footnote_at_offset (self, offset))
    return TRUE;

  if ((link = find_segment_at (self, SP_SEGMENT_LINK, offset)) != NULL &&
      link->href != NULL && g_uri_peek_scheme (link->href) != NULL)
    {
      open_link (self, link);
      return TRUE;
    }

  return FALSE;
}

static gboolean
is_clickable_iter (SpDocumentView    *self,
                   const GtkTextIter *iter)
{
  int offset = gtk_text_iter_get_offset (iter);
  SpSegmentInfo *seg;

  if (find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset) != NULL)
    return TRUE;

  if ((seg = find_segment_at (self, SP_SEGMENT_FOOTNOTE, offset)) != NULL &&
      offset < footnote_number_end (self, seg))
    return TRUE;

  if ((seg = find_segment_at (self, SP_SEGMENT_LINK, offset)) != NULL &&
      seg->href != NULL && g_uri_peek_scheme (seg->href) != NULL)
    return TRUE;

  return FALSE;
}

static gboolean
iter_at_widget_coords (SpDocumentView *self,
                       double          x,
                       double          y,
                       GtkTextIter    *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->source_view),
                                         GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  return gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->source_view), iter, bx, by);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SpDocumentView  *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, iter;

  g_assert (SP_IS_DOCUMENT_VIEW (self));

  if (n_press != 1)
    return;
  /* The user was selecting text, not following a reference */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  if (!iter_at_widget_coords (self, x, y, &iter))
    return;

  activate_at_iter (self, &iter);
}

static void
back_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SpDocumentView  *self)
{
  g_assert (SP_IS_DOCUMENT_VIEW (self));

  if (sp_document_view_go_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
set_pointer_over_link (SpDocumentView *self,
                       gboolean        over_link)
{
  if (self->pointer_over_link == over_link)
    return;

  self->pointer_over_link = over_link;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->source_view), over_link ? "pointer" : "text");
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SpDocumentView           *self)
{
  GtkTextIter iter;

  g_assert (SP_IS_DOCUMENT_VIEW (self));

  set_pointer_over_link (self,
                         iter_at_widget_coords (self, x, y, &iter) &&
                         is_clickable_iter (self, &iter));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SpDocumentView           *self)
{
  set_pointer_over_link (self, FALSE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpDocumentView        *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  g_assert (SP_IS_DOCUMENT_VIEW (self));

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (activate_at_iter (self, &iter))
    return GDK_EVENT_STOP;

  /* Enter just after a reference (the cursor stops after it when moving
   * with the arrow keys) follows it too. */
  if (gtk_text_iter_backward_char (&iter) && activate_at_iter (self, &iter))
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

static char *
footnote_tooltip (SpDocumentView *self,
                  SpSegmentInfo  *note)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  int number_end = footnote_number_end (self, note);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start, number_end);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &end,
                                      MIN (note->end, number_end + TOOLTIP_MAX_CHARS));
  text = g_strstrip (gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE));

  if (note->end > number_end + TOOLTIP_MAX_CHARS)
    return g_strdup_printf ("%s…", text);

  return g_steal_pointer (&text);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip,
                  SpDocumentView *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  SpSegmentInfo *seg;
  GtkTextIter iter;
  int offset;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else if (!iter_at_widget_coords (self, x, y, &iter))
    return FALSE;

  offset = gtk_text_iter_get_offset (&iter);

  if ((seg = find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset)) != NULL)
    {
      SpSegmentInfo *note = segment_by_ordinal (self, seg->target_ordinal);

      if (note != NULL)
        {
          g_autofree char *text = footnote_tooltip (self, note);

          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }

  if ((seg = find_segment_at (self, SP_SEGMENT_FOOTNOTE, offset)) != NULL &&
      offset < footnote_number_end (self, seg))
    {
      gtk_tooltip_set_text (tooltip, _("Back to the reference"));
      return TRUE;
    }

  if ((seg = find_segment_at (self, SP_SEGMENT_LINK, offset)) != NULL &&
      seg->href != NULL && g_uri_peek_scheme (seg->href) != NULL)
    {
      gtk_tooltip_set_text (tooltip, seg->href);
      return TRUE;
    }

  {
    g_autofree char *markup = annotation_tooltip (self, offset);

    if (markup != NULL)
      {
        gtk_tooltip_set_markup (tooltip, markup);
        return TRUE;
      }
  }

  return FALSE;
}

/* Loading */

static void
apply_tag_by_name (SpDocumentView *self,
                   const char     *name,
                   int             start,
                   int             end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start_iter, end_iter;

  if (end <= start)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_apply_tag_by_name (buffer, name, &start_iter, &end_iter);
}

/* "Robin Mansell 00:09": the time after the name is drawn lighter. */
static void
tag_speaker_timestamp (SpDocumentView *self,
                       SpSegmentInfo  *seg)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, iter;
  int offset;

  if (seg->timestamp_ms < 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, seg->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, seg->end);

  /* Skip trailing blanks, then walk back over the digits and colons */
  iter = end;
  while (gtk_text_iter_compare (&iter, &start) > 0)
    {
      gtk_text_iter_backward_char (&iter);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
        {
          gtk_text_iter_forward_char (&iter);
          break;
        }
    }
  end = iter;

  while (gtk_text_iter_compare (&iter, &start) > 0)
    {
      gunichar c;

      gtk_text_iter_backward_char (&iter);
      c = gtk_text_iter_get_char (&iter);
      if (!g_unichar_isdigit (c) && c != ':' && c != '.')
        {
          gtk_text_iter_forward_char (&iter);
          break;
        }
    }

  offset = gtk_text_iter_get_offset (&iter);
  if (offset > seg->start && gtk_text_iter_compare (&iter, &end) < 0)
    apply_tag_by_name (self, SP_TAG_TIMESTAMP, offset, gtk_text_iter_get_offset (&end));
}

static void
tag_blank_lines (SpDocumentView *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextTag *tag = lookup_tag (self, "blank-line");
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      if (gtk_text_iter_ends_line (&iter) && !gtk_text_iter_is_end (&iter))
        {
          GtkTextIter next = iter;

          gtk_text_iter_forward_char (&next);
          gtk_text_buffer_apply_tag (buffer, tag, &iter, &next);
        }
    }
  while (gtk_text_iter_forward_line (&iter));
}

static void
apply_segments (SpDocumentView *self,
                int             n_chars)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GHashTable) pages = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  apply_tag_by_name (self, "body", 0, n_chars);
  tag_blank_lines (self);

  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);
      g_autofree char *name = NULL;
      int start = CLAMP (seg->start, 0, n_chars);
      int end = CLAMP (seg->end, start, n_chars);

      switch (seg->kind)
        {
        case SP_SEGMENT_HEADING:
          name = g_strdup_printf (SP_TAG_HEADING_PREFIX "%d", CLAMP (seg->level, 1, 6));
          apply_tag_by_name (self, name, start, end);
          break;

        case SP_SEGMENT_PARAGRAPH:
          apply_tag_by_name (self, SP_TAG_PARAGRAPH, start, end);
          break;

        case SP_SEGMENT_LIST_ITEM:
          apply_tag_by_name (self, SP_TAG_LIST_ITEM, start, end);
          break;

        case SP_SEGMENT_TURN:
          apply_tag_by_name (self, SP_TAG_TURN, start, end);
          break;

        case SP_SEGMENT_SPEAKER:
          apply_tag_by_name (self, SP_TAG_SPEAKER, start, end);
          tag_speaker_timestamp (self, seg);
          break;

        case SP_SEGMENT_FOOTNOTE:
          apply_tag_by_name (self, SP_TAG_FOOTNOTE, start, end);
          apply_tag_by_name (self, SP_TAG_FOOTNOTE_NUMBER, start, footnote_number_end (self, seg));
          break;

        case SP_SEGMENT_FOOTNOTE_REF:
          apply_tag_by_name (self, SP_TAG_FOOTNOTE_REF, start, end);
          break;

        case SP_SEGMENT_LINK:
          apply_tag_by_name (self, SP_TAG_LINK, start, end);
          break;

        case SP_SEGMENT_EMPHASIS:
          if (seg->level == 2)
            apply_tag_by_name (self, SP_TAG_BOLD, start, end);
          else if (seg->level == 3)
            apply_tag_by_name (self, SP_TAG_UNDERLINE, start, end);
          else
            apply_tag_by_name (self, SP_TAG_ITALIC, start, end);
          break;

        case SP_SEGMENT_TOC:
          apply_tag_by_name (self, SP_TAG_TOC, start, end);
          break;

        case SP_SEGMENT_TOC_ENTRY:
          name = g_strdup_printf (SP_TAG_TOC_ENTRY_PREFIX "%d", CLAMP (seg->level, 1, 3));
          apply_tag_by_name (self, name, start, end);
          break;

        case SP_SEGMENT_NOTES:
          apply_tag_by_name (self, SP_TAG_NOTES, start, end);
          break;

        case SP_SEGMENT_TABLE:
          apply_tag_by_name (self, SP_TAG_TABLE, start, end);
          break;

        case SP_SEGMENT_PAGE:
          if (seg->number > 0)
            {
              GtkTextIter iter;
              gpointer line;

              gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
              line = GUINT_TO_POINTER (gtk_text_iter_get_line (&iter));
              if (!g_hash_table_contains (pages, line))
                /* Translators: a page number in the margin of the document view */
                g_hash_table_insert (pages, line, g_strdup_printf (_("p. %d"), seg->number));
            }
          break;

        default:
          break;
        }
    }

  sp_document_gutter_set_labels (self->gutter, g_steal_pointer (&pages));
}

static void
set_content (SpDocumentView *self,
             gint64          document_id,
             const char     *title,
             SpDocumentKind  kind,
             const char     *text,
             GPtrArray      *segments)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkAdjustment *vadjustment;
  GtkTextIter start;

  flash_stop (self);
  stop_scrolling (self);
  g_array_set_size (self->back_stack, 0);
  update_back_action (self);

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  self->segments = segments != NULL ? g_ptr_array_ref (segments)
                                    : g_ptr_array_new_with_free_func ((GDestroyNotify) sp_segment_info_free);
  self->document_id = document_id;
  self->kind = kind;
  g_free (self->title);
  self->title = g_strdup (title);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  apply_segments (self, gtk_text_buffer_get_char_count (buffer));
  gtk_text_buffer_end_irreversible_action (buffer);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
sp_document_view_load (SpDocumentView *self,
                       SpProject      *project,
                       gint64          document_id,
                       GError        **error)
{
  g_autoptr(SpDocumentInfo) info = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);

  if ((info = sp_project_get_document (project, document_id, error)) == NULL ||
      (text = sp_project_get_document_text (project, document_id, error)) == NULL ||
      (segments = sp_project_list_segments (project, document_id, error)) == NULL)
    {
      sp_document_view_clear (self);
      return FALSE;
    }

  set_content (self, document_id, info->title, info->kind, text, segments);

  return TRUE;
}

void
sp_document_view_clear (SpDocumentView *self)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  set_content (self, 0, NULL, SP_DOCUMENT_KIND_TEXT, NULL, NULL);
}

void
sp_document_view_select_range (SpDocumentView *self,
                               int             start,
                               int             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);

  /* Scrolls only when the passage's start is out of view */
  {
    GdkRectangle visible, location;

    gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->source_view), &visible);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->source_view), &s, &location);
    if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &s, 0.0, TRUE, 0.0, 0.3);
  }
}

/* Highlight style and page numbers */

gboolean
sp_document_view_get_underline_highlights (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return self->underline_highlights;
}

void
sp_document_view_set_underline_highlights (SpDocumentView *self,
                                           gboolean        underline_only)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  underline_only = !!underline_only;
  if (self->underline_highlights == underline_only)
    return;

  self->underline_highlights = underline_only;
  update_highlight_colors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDERLINE_HIGHLIGHTS]);
}

gboolean
sp_document_view_get_show_page_numbers (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return sp_document_gutter_get_enabled (self->gutter);
}

void
sp_document_view_set_show_page_numbers (SpDocumentView *self,
                                        gboolean        show)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  if (sp_document_gutter_get_enabled (self->gutter) == !!show)
    return;

  sp_document_gutter_set_enabled (self->gutter, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PAGE_NUMBERS]);
}

GtkWidget *
sp_document_view_get_page_gutter (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return GTK_WIDGET (self->gutter);
}

/* Zoom */

double
sp_document_view_get_zoom (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), 1.0);

  return self->zoom;
}

void
sp_document_view_set_zoom (SpDocumentView *self,
                           double          zoom)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  update_font (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-in", zoom < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-out", zoom > ZOOM_MIN + 0.001);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (widget);

  sp_document_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (widget);

  sp_document_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  sp_document_view_set_zoom (SP_DOCUMENT_VIEW (widget), 1.0);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sp_document_view_go_back (SP_DOCUMENT_VIEW (widget));
}

/* GObject */

GtkWidget *
sp_document_view_new (void)
{
  return g_object_new (SP_TYPE_DOCUMENT_VIEW, NULL);
}

gint64
sp_document_view_get_document_id (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), 0);

  return self->document_id;
}

const char *
sp_document_view_get_title (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->title;
}

GtkSourceView *
sp_document_view_get_source_view (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->source_view;
}

GtkTextBuffer *
sp_document_view_get_buffer (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return GTK_TEXT_BUFFER (self->buffer);
}

GPtrArray *
sp_document_view_get_segments (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->segments;
}

static void
sp_document_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GTK_WIDGET_CLASS (sp_document_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Popovers the window parents to the view (tagging) */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static gboolean
sp_document_view_grab_focus (GtkWidget *widget)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
sp_document_view_dispose (GObject *object)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  g_clear_object (&self->flash_animation);
  if (self->source_view != NULL)
    stop_scrolling (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DOCUMENT_VIEW);

  g_clear_object (&self->buffer);
  g_clear_object (&self->css_provider);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->highlight_tags, g_hash_table_unref);
  g_clear_pointer (&self->underline_tags, g_hash_table_unref);

  G_OBJECT_CLASS (sp_document_view_parent_class)->dispose (object);
}

static void
sp_document_view_finalize (GObject *object)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->back_stack, g_array_unref);

  G_OBJECT_CLASS (sp_document_view_parent_class)->finalize (object);
}

static void
sp_document_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, sp_document_view_can_go_back (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_UNDERLINE_HIGHLIGHTS:
      g_value_set_boolean (value, self->underline_highlights);
      break;

    case PROP_SHOW_PAGE_NUMBERS:
      g_value_set_boolean (value, sp_document_view_get_show_page_numbers (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      sp_document_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_UNDERLINE_HIGHLIGHTS:
      sp_document_view_set_underline_highlights (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_PAGE_NUMBERS:
      sp_document_view_set_show_page_numbers (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_view_class_init (SpDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_document_view_dispose;
  object_class->finalize = sp_document_view_finalize;
  object_class->get_property = sp_document_view_get_property;
  object_class->set_property = sp_document_view_set_property;

  widget_class->grab_focus = sp_document_view_grab_focus;
  widget_class->size_allocate = sp_document_view_size_allocate;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDERLINE_HIGHLIGHTS] =
    g_param_spec_boolean ("underline-highlights", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_PAGE_NUMBERS] =
    g_param_spec_boolean ("show-page-numbers", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDocumentView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentView, source_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");

  gtk_widget_class_install_action (widget_class, "view.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-reset", NULL, zoom_reset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "view.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "view.zoom-reset", NULL);
}

static void
sp_document_view_init (SpDocumentView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkSourceGutter *gutter;

  self->zoom = 1.0;
  self->back_stack = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_syntax (self->buffer, FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  /* No style scheme: the view takes its colours from the Adwaita style
   * sheet, light or dark, like any text view */
  gtk_source_buffer_set_style_scheme (self->buffer, NULL);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));
  create_tags (self);
  self->annotation_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), SP_TAG_ANNOTATION, NULL);
  self->highlight_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->underline_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->gutter = SP_DOCUMENT_GUTTER (sp_document_gutter_new ());
  gutter = gtk_source_view_get_gutter (self->source_view, GTK_TEXT_WINDOW_LEFT);
  gtk_source_gutter_insert (gutter, GTK_SOURCE_GUTTER_RENDERER (self->gutter), 0);

  self->css_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                  GTK_STYLE_PROVIDER (self->css_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_font (self);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window), "changed",
                           G_CALLBACK (update_tabs), self, G_CONNECT_SWAPPED);

  update_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);

  self->flash_animation =
    adw_timed_animation_new (GTK_WIDGET (self), 1.0, 0.0, FLASH_FADE_MS,
                             adw_callback_animation_target_new (flash_animation_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->flash_animation), ADW_EASE_IN_QUAD);
  g_signal_connect_object (self->flash_animation, "done",
                           G_CALLBACK (flash_animation_done_cb), self, G_CONNECT_SWAPPED);

  /* Following references and links with the mouse and the keyboard */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->source_view), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 8); /* "back" mouse button */
  g_signal_connect (gesture, "pressed", G_CALLBACK (back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->source_view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->source_view), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->source_view), TRUE);
  g_signal_connect (self->source_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.go-back", FALSE);

  self->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_segment_info_free);
}
