/* sp-document-view-links.c: the ends of links between annotations, shown
 * as a dotted underline on the passage and a link icon in the margin that
 * can be clicked to follow the link.
 *
 * The view knows nothing of the project: the window hands it the markers,
 * each with its other end and the words of its tooltip, and follows a
 * link when the view emits ::link-activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-document-view-private.h"

#define LINK_ICON_NAME       "insert-link-symbolic"
#define LINK_UNDERLINE_COLOR "#3584e4"
#define LINK_ICON_SIZE       16

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

SpLinkMarker *
sp_link_marker_new (gint64      link_id,
                    int         start,
                    int         end,
                    gint64      other_document_id,
                    int         other_start,
                    int         other_end,
                    const char *label)
{
  SpLinkMarker *marker = g_new0 (SpLinkMarker, 1);

  marker->link_id = link_id;
  marker->start = start;
  marker->end = end;
  marker->other_document_id = other_document_id;
  marker->other_start = other_start;
  marker->other_end = other_end;
  marker->label = g_strdup (label);

  return marker;
}

void
sp_link_marker_free (SpLinkMarker *marker)
{
  if (marker == NULL)
    return;

  g_free (marker->label);
  g_free (marker);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const SpLinkMarker *ma = *(SpLinkMarker * const *) a;
  const SpLinkMarker *mb = *(SpLinkMarker * const *) b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return (ma->link_id > mb->link_id) - (ma->link_id < mb->link_id);
}

static void
clear_link_tags (SpDocumentView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->linked_tag, &start, &end);
  g_hash_table_remove_all (self->link_lines);
  g_hash_table_remove_all (self->link_icon_ys);
}

void
sp_document_view_set_link_markers (SpDocumentView *self,
                                   GPtrArray      *markers)
{
  GtkTextBuffer *buffer;
  int n_chars;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  /* Disposed: nothing left to mark */
  if (self->buffer == NULL || self->link_lines == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (self->buffer);
  n_chars = gtk_text_buffer_get_char_count (buffer);
  clear_link_tags (self);
  g_clear_pointer (&self->link_markers, g_ptr_array_unref);

  if (markers != NULL)
    {
      self->link_markers = g_ptr_array_ref (markers);
      g_ptr_array_sort (self->link_markers, compare_markers);
    }

  for (guint i = 0; self->link_markers != NULL && i < self->link_markers->len; i++)
    {
      SpLinkMarker *marker = g_ptr_array_index (self->link_markers, i);
      GtkTextIter start, end;
      int line;

      if (marker->start >= n_chars || marker->end <= marker->start)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, marker->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (marker->end, n_chars));
      gtk_text_buffer_apply_tag (buffer, self->linked_tag, &start, &end);

      line = gtk_text_iter_get_line (&start);
      if (!g_hash_table_contains (self->link_lines, GINT_TO_POINTER (line)))
        g_hash_table_insert (self->link_lines, GINT_TO_POINTER (line), marker);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->link_gutter), g_hash_table_size (self->link_lines) > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->link_gutter));
}

GPtrArray *
sp_document_view_get_link_markers (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->link_markers;
}

GPtrArray *
sp_document_view_get_link_markers_at (SpDocumentView *self,
                                      int             offset)
{
  GPtrArray *found;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  found = g_ptr_array_new ();
  for (guint i = 0; self->link_markers != NULL && i < self->link_markers->len; i++)
    {
      SpLinkMarker *marker = g_ptr_array_index (self->link_markers, i);

      if (marker->start > offset)
        break;
      /* The cursor stops just after a passage when moving by words */
      if (offset <= marker->end)
        g_ptr_array_add (found, marker);
    }

  return found;
}

GtkWidget *
sp_document_view_get_link_gutter (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return GTK_WIDGET (self->link_gutter);
}

gboolean
sp_document_view_has_link_marker_on_line (SpDocumentView *self,
                                          int             line)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return g_hash_table_contains (self->link_lines, GINT_TO_POINTER (line));
}

char *
_sp_document_view_link_tooltip (SpDocumentView *self,
                                int             offset)
{
  g_autoptr(GPtrArray) markers = sp_document_view_get_link_markers_at (self, offset);
  GString *text = NULL;

  for (guint i = 0; i < markers->len; i++)
    {
      SpLinkMarker *marker = g_ptr_array_index (markers, i);

      /* Only inside the passage, not just after it */
      if (offset >= marker->end || marker->label == NULL)
        continue;
      if (text == NULL)
        text = g_string_new (marker->label);
      else
        g_string_append_printf (text, "\n%s", marker->label);
    }

  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

/* The margin */

/* The link icon recoloured in @accent. Handed an icon name, the renderer
 * would draw the symbolic icon with GTK's default colours (a flat grey),
 * as it snapshots the icon without the widget's colours; so the icon is
 * recorded here with the accent as its foreground, and the recording
 * (a paintable that scales) is what the renderer draws. */
static GdkPaintable *
accent_link_icon_new (GtkWidget     *widget,
                      const GdkRGBA *accent)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkSnapshot *snapshot;
  /* All four GtkSymbolicColor slots: GTK reads them all */
  GdkRGBA colors[4] = { *accent, { 0.88, 0.11, 0.14, 1 }, { 0.80, 0.53, 0.0, 1 }, { 0.15, 0.64, 0.41, 1 } };

  icon = gtk_icon_theme_lookup_icon (theme, LINK_ICON_NAME, NULL, LINK_ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  snapshot = gtk_snapshot_new ();
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            LINK_ICON_SIZE, LINK_ICON_SIZE, colors, G_N_ELEMENTS (colors));
  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (LINK_ICON_SIZE, LINK_ICON_SIZE));
}

/* The accent colour of the view's style (light, dark, high contrast),
 * libadwaita's @accent_color */
static void
lookup_accent_color (SpDocumentView *self,
                     GdkRGBA        *accent)
{
  /* Deprecated after GTK 4.8, the version this is built against */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                       "accent_color", accent))
    gdk_rgba_parse (accent, LINK_UNDERLINE_COLOR);
}

GdkPaintable *
_sp_document_view_get_link_icon (SpDocumentView *self)
{
  GdkRGBA accent;

  /* Looked up each time, so that a change of style (dark, high
   * contrast) recolours the icon at the next redraw */
  lookup_accent_color (self, &accent);
  if (self->link_icon == NULL || !gdk_rgba_equal (&accent, &self->link_icon_color))
    {
      g_clear_object (&self->link_icon);
      self->link_icon = accent_link_icon_new (GTK_WIDGET (self->source_view), &accent);
      self->link_icon_color = accent;
    }

  return self->link_icon;
}

/* The margin's column of link icons. GtkSourceView asks a renderer for
 * each buffer line and draws it beside that line's first display line;
 * but a buffer line is a whole paragraph, wrapped over several display
 * lines, and a linked passage often starts in its middle. So the icon is
 * drawn here beside the display line where the passage starts. */
#define SP_TYPE_LINK_GUTTER_RENDERER (sp_link_gutter_renderer_get_type ())
G_DECLARE_FINAL_TYPE (SpLinkGutterRenderer, sp_link_gutter_renderer, SP, LINK_GUTTER_RENDERER, GtkSourceGutterRenderer)

struct _SpLinkGutterRenderer
{
  GtkSourceGutterRenderer parent_instance;

  /* Weak: the view owns the renderer through its gutter */
  SpDocumentView *view;
};

G_DEFINE_FINAL_TYPE (SpLinkGutterRenderer, sp_link_gutter_renderer, GTK_SOURCE_TYPE_GUTTER_RENDERER)

static void
sp_link_gutter_renderer_snapshot_line (GtkSourceGutterRenderer *renderer,
                                       GtkSnapshot             *snapshot,
                                       GtkSourceGutterLines    *lines,
                                       guint                    line)
{
  SpDocumentView *view = SP_LINK_GUTTER_RENDERER (renderer)->view;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  SpLinkMarker *marker;
  GtkTextIter line_start, passage_start;
  GdkRectangle location;
  int line_top, cell_y, cell_height, x, y;

  if (view == NULL || view->link_lines == NULL)
    return;
  marker = g_hash_table_lookup (view->link_lines, GUINT_TO_POINTER (line));
  if (marker == NULL)
    return;

  text_view = GTK_TEXT_VIEW (view->source_view);
  buffer = GTK_TEXT_BUFFER (view->buffer);
  gtk_text_buffer_get_iter_at_line (buffer, &line_start, line);
  gtk_text_buffer_get_iter_at_offset (buffer, &passage_start, marker->start);
  gtk_text_view_get_line_yrange (text_view, &line_start, &line_top, NULL);
  gtk_text_view_get_iter_location (text_view, &passage_start, &location);

  /* The cell starts at the paragraph's first display line; the passage's
   * display line is as far below it as in the buffer */
  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST,
                                           &cell_y, &cell_height);
  x = (gtk_widget_get_width (GTK_WIDGET (renderer)) - LINK_ICON_SIZE) / 2;
  y = cell_y + (location.y - line_top) + (location.height - LINK_ICON_SIZE) / 2;
  /* What the icon was drawn level with, for sp_document_view_get_link_icon_y() */
  g_hash_table_insert (view->link_icon_ys, GUINT_TO_POINTER (line), GINT_TO_POINTER (location.y));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MAX (x, 0), y));
  gdk_paintable_snapshot (_sp_document_view_get_link_icon (view), snapshot, LINK_ICON_SIZE, LINK_ICON_SIZE);
  gtk_snapshot_restore (snapshot);
}

static void
sp_link_gutter_renderer_dispose (GObject *object)
{
  g_clear_weak_pointer (&SP_LINK_GUTTER_RENDERER (object)->view);

  G_OBJECT_CLASS (sp_link_gutter_renderer_parent_class)->dispose (object);
}

static void
sp_link_gutter_renderer_class_init (SpLinkGutterRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = sp_link_gutter_renderer_dispose;
  renderer_class->snapshot_line = sp_link_gutter_renderer_snapshot_line;
}

static void
sp_link_gutter_renderer_init (SpLinkGutterRenderer *self)
{
}

/* Where the margin last drew the link icon of buffer line @line: the y,
 * in buffer coordinates, of the display line it stands level with (the
 * one where the line's first linked passage starts). FALSE when it has
 * not been drawn (off screen, or no link on the line). */
gboolean
sp_document_view_get_link_icon_y (SpDocumentView *self,
                                  int             line,
                                  int            *y)
{
  gpointer value;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->link_icon_ys == NULL ||
      !g_hash_table_lookup_extended (self->link_icon_ys, GINT_TO_POINTER (line), NULL, &value))
    return FALSE;
  if (y != NULL)
    *y = GPOINTER_TO_INT (value);
  return TRUE;
}

static gboolean
link_gutter_query_activatable_cb (GtkSourceGutterRenderer *renderer,
                                  GtkTextIter             *iter,
                                  GdkRectangle            *area,
                                  SpDocumentView          *self)
{
  return g_hash_table_contains (self->link_lines, GINT_TO_POINTER (gtk_text_iter_get_line (iter)));
}

static void
link_gutter_activate_cb (GtkSourceGutterRenderer *renderer,
                         GtkTextIter             *iter,
                         GdkRectangle            *area,
                         guint                    button,
                         GdkModifierType          state,
                         int                      n_presses,
                         SpDocumentView          *self)
{
  SpLinkMarker *marker = g_hash_table_lookup (self->link_lines, GINT_TO_POINTER (gtk_text_iter_get_line (iter)));

  if (marker != NULL)
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, marker->link_id, marker->start);
}

static gboolean
link_gutter_query_tooltip_cb (GtkWidget      *widget,
                              int             x,
                              int             y,
                              gboolean        keyboard_mode,
                              GtkTooltip     *tooltip,
                              SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextIter iter;
  SpLinkMarker *marker;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_LEFT, x, y, &bx, &by);
  gtk_text_view_get_line_at_y (view, &iter, by, NULL);
  marker = g_hash_table_lookup (self->link_lines, GINT_TO_POINTER (gtk_text_iter_get_line (&iter)));
  if (marker == NULL || marker->label == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, marker->label);
  return TRUE;
}

void
_sp_document_view_links_init (SpDocumentView *self)
{
  GtkSourceGutter *gutter = gtk_source_view_get_gutter (self->source_view, GTK_TEXT_WINDOW_LEFT);
  GdkRGBA accent;

  self->link_lines = g_hash_table_new (NULL, NULL);
  /* Pango has no dotted underline: the wavy "error" line is the nearest
   * thing, in the accent blue so it is not taken for a spelling mistake. */
  gdk_rgba_parse (&accent, LINK_UNDERLINE_COLOR);
  self->linked_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), SP_TAG_LINKED,
                                                 "underline", PANGO_UNDERLINE_ERROR,
                                                 "underline-rgba", &accent,
                                                 NULL);

  self->link_icon_ys = g_hash_table_new (NULL, NULL);
  self->link_gutter = g_object_new (SP_TYPE_LINK_GUTTER_RENDERER, NULL);
  g_set_weak_pointer (&SP_LINK_GUTTER_RENDERER (self->link_gutter)->view, self);
  gtk_source_gutter_renderer_set_xpad (self->link_gutter, 4);
  gtk_source_gutter_renderer_set_alignment_mode (self->link_gutter,
                                                 GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST);
  gtk_widget_set_size_request (GTK_WIDGET (self->link_gutter), 24, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->link_gutter), "sp-link-gutter");
  gtk_widget_set_visible (GTK_WIDGET (self->link_gutter), FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->link_gutter), TRUE);
  g_signal_connect (self->link_gutter, "query-activatable", G_CALLBACK (link_gutter_query_activatable_cb), self);
  g_signal_connect (self->link_gutter, "activate", G_CALLBACK (link_gutter_activate_cb), self);
  g_signal_connect (self->link_gutter, "query-tooltip", G_CALLBACK (link_gutter_query_tooltip_cb), self);
  gtk_source_gutter_insert (gutter, self->link_gutter, 10);
}

void
_sp_document_view_links_dispose (SpDocumentView *self)
{
  g_clear_pointer (&self->link_markers, g_ptr_array_unref);
  g_clear_pointer (&self->link_lines, g_hash_table_unref);
  g_clear_pointer (&self->link_icon_ys, g_hash_table_unref);
  g_clear_object (&self->link_icon);
}

void
_sp_document_view_links_class_init (GObjectClass *object_class)
{
  /**
   * SpDocumentView::link-activated:
   * @link_id: the link
   * @start: where its end in this view starts
   *
   * The link icon in the margin was clicked.
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated",
                  G_TYPE_FROM_CLASS (object_class),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
}
