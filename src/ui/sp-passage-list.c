/* sp-passage-list.c: a list of annotated passages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-compare-layout.h"
#include "sp-passage-list.h"
#include "sp-stance-style.h"

/* Long quotes are cut here: the list is for finding a passage, the
 * document view for reading it. */
#define QUOTE_MAX_CHARS 400

struct _SpPassageList
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  GPtrArray  *annotations;
  GPtrArray  *sources;       /* the source line of each card */
};

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpPassageList, sp_passage_list, GTK_TYPE_WIDGET)

static char *
excerpt (const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= QUOTE_MAX_CHARS)
    return g_steal_pointer (&flat);

  {
    g_autofree char *cut = g_utf8_substring (flat, 0, QUOTE_MAX_CHARS);

    return g_strconcat (cut, "…", NULL);
  }
}

static GtkWidget *
passage_row_new (const SpAnnotationInfo *info,
                 const char             *source_text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *source;
  GtkWidget *quote;
  const char *stance = sp_stance_get_label (info->stance);
  g_autofree char *quote_text = excerpt (info->quote);
  g_autofree char *accessible = NULL;

  gtk_box_append (GTK_BOX (header), sp_stance_badge_new (info->stance));
  source = gtk_label_new (source_text);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (source, source_text);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_box_append (GTK_BOX (header), source);

  quote = gtk_label_new (quote_text);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 40);
  gtk_label_set_width_chars (GTK_LABEL (quote), 24);
  gtk_widget_add_css_class (quote, "sp-passage-quote");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), quote);
  gtk_widget_add_css_class (box, "sp-passage");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: how a screen reader names a passage: stance, source, quote */
  accessible = g_strdup_printf (_("%s; %s; %s"), stance != NULL ? stance : _("No stance"),
                                source_text, quote_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SpPassageList *self)
{
  sp_passage_list_activate (self, gtk_list_box_row_get_index (row));
}

static void
sp_passage_list_dispose (GObject *object)
{
  SpPassageList *self = SP_PASSAGE_LIST (object);

  if (self->list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list));
      self->list = NULL;
    }
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_passage_list_parent_class)->dispose (object);
}

static void
sp_passage_list_class_init (SpPassageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_passage_list_dispose;

  signals[ANNOTATION_ACTIVATED] = sp_compare_annotation_activated_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_passage_list_init (SpPassageList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "sp-passage-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}

GtkWidget *
sp_passage_list_new (const char *placeholder)
{
  SpPassageList *self = g_object_new (SP_TYPE_PASSAGE_LIST, NULL);

  if (placeholder != NULL)
    {
      GtkWidget *label = gtk_label_new (placeholder);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_set_placeholder (self->list, label);
    }
  return GTK_WIDGET (self);
}

/* Whether @location is a turn of @name's ("Thomas Li, 1:07:03, …") */
static gboolean
starts_with_name (const char *location,
                  const char *name)
{
  gsize length = strlen (name);

  return location != NULL && strncmp (location, name, length) == 0 &&
         (location[length] == '\0' || location[length] == ',');
}

/* "Stakeholder · Scott Kennedy, 48:20, ¶ 66 · Webinar title": where in
 * the document first, so that cutting a long title loses the least. A
 * stakeholder who is the turn's speaker is named once. */
static char *
source_new (const SpAnnotationInfo *info,
            const char             *location,
            gboolean                show_stakeholder)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (show_stakeholder && info->stakeholder != NULL && !starts_with_name (location, info->stakeholder))
    g_ptr_array_add (parts, info->stakeholder);
  if (location != NULL && location[0] != '\0')
    g_ptr_array_add (parts, (gpointer) location);
  g_ptr_array_add (parts, info->document_title);
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between who said a passage, where in the
   * document and which document: "Scott Kennedy · 48:20, ¶ 66 · Webinar" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

void
sp_passage_list_set_annotations (SpPassageList *self,
                                 GPtrArray     *annotations,
                                 GPtrArray     *locations,
                                 gboolean       show_stakeholder)
{
  GtkListBoxRow *row;

  g_return_if_fail (SP_IS_PASSAGE_LIST (self));
  g_return_if_fail (annotations == NULL || locations == NULL || locations->len == annotations->len);

  /* Rows only: the placeholder is a child of the list too */
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  /* NULL means nothing is chosen yet: the placeholder ("No passages in
   * this cell") would claim an empty result, so nothing is shown */
  gtk_widget_set_visible (GTK_WIDGET (self->list), annotations != NULL);
  if (annotations == NULL)
    return;

  self->annotations = g_ptr_array_ref (annotations);
  self->sources = g_ptr_array_new_full (annotations->len, g_free);
  for (guint i = 0; i < annotations->len; i++)
    {
      const SpAnnotationInfo *info = g_ptr_array_index (annotations, i);
      char *source = source_new (info, locations != NULL ? g_ptr_array_index (locations, i) : NULL,
                                 show_stakeholder);

      g_ptr_array_add (self->sources, source);
      gtk_list_box_append (self->list, passage_row_new (info, source));
    }
}

guint
sp_passage_list_get_n_passages (SpPassageList *self)
{
  g_return_val_if_fail (SP_IS_PASSAGE_LIST (self), 0);
  return self->annotations != NULL ? self->annotations->len : 0;
}

gconstpointer
sp_passage_list_get_passage (SpPassageList *self,
                             guint          index)
{
  g_return_val_if_fail (SP_IS_PASSAGE_LIST (self), NULL);
  g_return_val_if_fail (index < sp_passage_list_get_n_passages (self), NULL);

  return g_ptr_array_index (self->annotations, index);
}

const char *
sp_passage_list_get_source (SpPassageList *self,
                            guint          index)
{
  g_return_val_if_fail (SP_IS_PASSAGE_LIST (self), NULL);
  g_return_val_if_fail (index < sp_passage_list_get_n_passages (self), NULL);

  return g_ptr_array_index (self->sources, index);
}

void
sp_passage_list_activate (SpPassageList *self,
                          guint          index)
{
  const SpAnnotationInfo *info = sp_passage_list_get_passage (self, index);

  g_return_if_fail (info != NULL);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, info->id);
}
