/* sp-document-view-highlights.c: annotations drawn as highlights, one tag
 * per theme colour, updated incrementally, and the view's tooltips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-document-view-private.h"

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

void
_sp_document_view_update_highlight_colors (SpDocumentView *self)
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

/* A tag's run of characters being gathered by apply_spans() */
typedef struct
{
  GtkTextTag *tag;
  int         start;
  int         end;
} TagRun;

static void
apply_run (SpDocumentView *self,
           const TagRun   *run)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  if (run->end <= run->start)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, run->start);
  end = start;
  gtk_text_iter_forward_chars (&end, run->end - run->start);
  gtk_text_buffer_apply_tag (buffer, run->tag, &start, &end);
}

/* Extends @tag's run over [start, end), or applies the run so far and
 * starts a new one if it is not contiguous with it. */
static void
add_to_run (SpDocumentView *self,
            GArray         *runs,
            GtkTextTag     *tag,
            int             start,
            int             end)
{
  TagRun *run = NULL;

  if (tag == NULL || end <= start)
    return;

  for (guint i = 0; i < runs->len && run == NULL; i++)
    if (g_array_index (runs, TagRun, i).tag == tag)
      run = &g_array_index (runs, TagRun, i);

  if (run == NULL)
    {
      TagRun new_run = { tag, start, end };

      g_array_append_val (runs, new_run);
    }
  else if (start <= run->end)
    run->end = MAX (run->end, end);
  else
    {
      apply_run (self, run);
      run->start = start;
      run->end = end;
    }
}

/* Tags the parts of all spans that lie in [from, to), in one pass over
 * them (they are sorted by start): overlapping or touching ranges of the
 * same tag are applied as one, so "annotation", which covers every span,
 * takes a few hundred calls instead of one per annotation. Each call to
 * gtk_text_buffer_apply_tag() walks the B-tree and invalidates the layout
 * of the range, which is what tagging a long document spends its time on. */
static void
apply_spans (SpDocumentView *self,
             int             from,
             int             to)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (TagRun));

  for (guint i = 0; i < self->spans->len; i++)
    {
      const HighlightSpan *span = &g_array_index (self->spans, HighlightSpan, i);
      int s = MAX (span->start, from);
      int e = MIN (span->end, to);

      if (span->start >= to)
        break;
      if (e <= s)
        continue;

      add_to_run (self, runs, self->annotation_tag, s, e);
      add_to_run (self, runs, span->background, s, e);
      add_to_run (self, runs, span->underline, s, e);
    }

  for (guint i = 0; i < runs->len; i++)
    apply_run (self, &g_array_index (runs, TagRun, i));
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
  apply_spans (self, from, to);
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
      apply_spans (self, 0, n_chars);
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
        apply_spans (self, 0, n_chars);
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

      /* The tooltip names a stance only when the passage has one. */
      stance = info->stance != SP_STANCE_NONE ? sp_stance_get_label (info->stance) : NULL;
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

gboolean
_sp_document_view_query_tooltip_cb (GtkWidget      *widget,
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
  else if (!_sp_document_view_iter_at_widget_coords (self, x, y, &iter))
    return FALSE;

  offset = gtk_text_iter_get_offset (&iter);

  if ((seg = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset)) != NULL)
    {
      SpSegmentInfo *note = _sp_document_view_segment_by_ordinal (self, seg->target_ordinal);

      if (note != NULL)
        {
          g_autofree char *text = _sp_document_view_footnote_tooltip (self, note);

          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }

  if ((seg = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE, offset)) != NULL &&
      offset < _sp_document_view_footnote_number_end (self, seg))
    {
      gtk_tooltip_set_text (tooltip, _("Back to the reference"));
      return TRUE;
    }

  if ((seg = _sp_document_view_find_segment_at (self, SP_SEGMENT_LINK, offset)) != NULL &&
      seg->href != NULL && g_uri_peek_scheme (seg->href) != NULL)
    {
      gtk_tooltip_set_text (tooltip, seg->href);
      return TRUE;
    }

  {
    g_autofree char *markup = annotation_tooltip (self, offset);
    g_autofree char *links = _sp_document_view_link_tooltip (self, offset);

    if (links != NULL)
      {
        g_autofree char *escaped = g_markup_escape_text (links, -1);
        g_autofree char *both = g_strconcat (markup != NULL ? markup : "", markup != NULL ? "\n\n" : "",
                                             escaped, NULL);

        gtk_tooltip_set_markup (tooltip, both);
        return TRUE;
      }
    if (markup != NULL)
      {
        gtk_tooltip_set_markup (tooltip, markup);
        return TRUE;
      }
  }

  return FALSE;
}
