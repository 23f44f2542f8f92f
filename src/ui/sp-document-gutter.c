/* sp-document-gutter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-document-gutter.h"

struct _SpDocumentGutter
{
  GtkSourceGutterRendererText parent_instance;

  /* line number -> label */
  GHashTable *labels;
  gboolean    enabled;
};

G_DEFINE_FINAL_TYPE (SpDocumentGutter, sp_document_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER_TEXT)

static void
sp_document_gutter_query_data (GtkSourceGutterRenderer *renderer,
                               GtkSourceGutterLines    *lines,
                               guint                    line)
{
  SpDocumentGutter *self = SP_DOCUMENT_GUTTER (renderer);
  const char *label = g_hash_table_lookup (self->labels, GUINT_TO_POINTER (line));

  gtk_source_gutter_renderer_text_set_text (GTK_SOURCE_GUTTER_RENDERER_TEXT (self),
                                            label != NULL ? label : "", -1);
}

static void
update_width (SpDocumentGutter *self)
{
  GHashTableIter iter;
  gpointer value;
  int width = 0;

  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int w = 0, h = 0;

      gtk_source_gutter_renderer_text_measure (GTK_SOURCE_GUTTER_RENDERER_TEXT (self),
                                               value, &w, &h);
      width = MAX (width, w);
    }

  if (width > 0)
    width += 2 * gtk_source_gutter_renderer_get_xpad (GTK_SOURCE_GUTTER_RENDERER (self));

  gtk_widget_set_size_request (GTK_WIDGET (self), width, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), self->enabled && width > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sp_document_gutter_finalize (GObject *object)
{
  SpDocumentGutter *self = SP_DOCUMENT_GUTTER (object);

  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (sp_document_gutter_parent_class)->finalize (object);
}

static void
sp_document_gutter_class_init (SpDocumentGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->finalize = sp_document_gutter_finalize;
  renderer_class->query_data = sp_document_gutter_query_data;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "gutterrenderer");
}

static void
sp_document_gutter_init (SpDocumentGutter *self)
{
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->enabled = TRUE;

  gtk_source_gutter_renderer_set_xpad (GTK_SOURCE_GUTTER_RENDERER (self), 8);
  gtk_source_gutter_renderer_set_xalign (GTK_SOURCE_GUTTER_RENDERER (self), 1.0);
  gtk_source_gutter_renderer_set_alignment_mode (GTK_SOURCE_GUTTER_RENDERER (self),
                                                 GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sp-page-gutter");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkSourceGutterRenderer *
sp_document_gutter_new (void)
{
  return g_object_new (SP_TYPE_DOCUMENT_GUTTER, NULL);
}

void
sp_document_gutter_set_labels (SpDocumentGutter *self,
                               GHashTable       *labels)
{
  g_return_if_fail (SP_IS_DOCUMENT_GUTTER (self));

  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->labels = labels != NULL ? labels : g_hash_table_new_full (NULL, NULL, NULL, g_free);

  update_width (self);
}

const char *
sp_document_gutter_get_label (SpDocumentGutter *self,
                              guint             line)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_GUTTER (self), NULL);

  return g_hash_table_lookup (self->labels, GUINT_TO_POINTER (line));
}

void
sp_document_gutter_clear (SpDocumentGutter *self)
{
  g_return_if_fail (SP_IS_DOCUMENT_GUTTER (self));

  g_hash_table_remove_all (self->labels);
  update_width (self);
}

void
sp_document_gutter_set_enabled (SpDocumentGutter *self,
                                gboolean          enabled)
{
  g_return_if_fail (SP_IS_DOCUMENT_GUTTER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  update_width (self);
}

gboolean
sp_document_gutter_get_enabled (SpDocumentGutter *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_GUTTER (self), FALSE);

  return self->enabled;
}
