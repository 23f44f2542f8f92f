/* sp-document-view-structure.c: loading a document and drawing its
 * structure (headings, speakers, footnotes, the table of contents, tables,
 * links) with text tags, and the tags' colours and fonts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-document-view-private.h"

/* Segments */

SpSegmentInfo *
_sp_document_view_segment_by_ordinal (SpDocumentView *self,
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
SpSegmentInfo *
_sp_document_view_find_segment_at (SpDocumentView *self,
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
int
_sp_document_view_footnote_number_end (SpDocumentView *self,
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

void
_sp_document_view_create_tags (SpDocumentView *self)
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
void
_sp_document_view_update_tabs (SpDocumentView *self)
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

void
_sp_document_view_update_colors (SpDocumentView *self)
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

  _sp_document_view_update_highlight_colors (self);
}

void
_sp_document_view_update_font (SpDocumentView *self)
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
          apply_tag_by_name (self, SP_TAG_FOOTNOTE_NUMBER, start, _sp_document_view_footnote_number_end (self, seg));
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

  _sp_document_view_flash_stop (self);
  _sp_document_view_stop_scrolling (self);
  g_array_set_size (self->back_stack, 0);
  _sp_document_view_update_back_action (self);

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  self->segments = segments != NULL ? g_ptr_array_ref (segments)
                                    : g_ptr_array_new_with_free_func ((GDestroyNotify) sp_segment_info_free);
  self->document_id = document_id;
  self->kind = kind;
  g_free (self->title);
  self->title = g_strdup (title);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  /* The markers' offsets belong to the old text */
  sp_document_view_set_link_markers (self, NULL);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  apply_segments (self, gtk_text_buffer_get_char_count (buffer));
  gtk_text_buffer_end_irreversible_action (buffer);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  _sp_document_view_notify (self, PROP_DOCUMENT_ID);
  _sp_document_view_notify (self, PROP_TITLE);
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
