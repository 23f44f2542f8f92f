/* sp-attribution-detail.c: a report passage and its candidates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-attribution-detail.h"
#include "sp-citation.h"

struct _SpAttributionDetail
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkLabel            *passage;
  GtkLabel            *source;
  GtkLabel            *state;
  GtkListBox          *candidates;
  GtkWidget           *buttons;

  const SpAttribution *attribution;
};

enum {
  CANDIDATE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpAttributionDetail, sp_attribution_detail, GTK_TYPE_WIDGET)

static GtkWidget *
wrapped_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
candidate_row_new (const SpAttributionCandidate *candidate,
                   guint                         rank)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *meta;
  GtkWidget *text = wrapped_label_new (candidate->text);
  g_autofree char *time = sp_citation_format_timestamp (candidate->timestamp_ms);
  const char *speaker = candidate->speaker != NULL ? candidate->speaker : _("Unknown speaker");
  g_autofree char *meta_text = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: a candidate source: rank, speaker, timestamp, similarity score */
  meta_text = g_strdup_printf (_("%u. %s  %s  score %.1f"), rank, speaker, time, candidate->score);
  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "heading");
  gtk_widget_add_css_class (meta, "sp-candidate-meta");
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: how a screen reader names a candidate: "1. Scott Kennedy 12:34 score 8.2", text */
  accessible = g_strdup_printf (_("%s: %s"), meta_text, candidate->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static void
candidate_activated_cb (SpAttributionDetail *self)
{
  g_signal_emit (self, signals[CANDIDATE_ACTIVATED], 0);
}

static GtkWidget *
button_new (const char *label,
            const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
sp_attribution_detail_dispose (GObject *object)
{
  SpAttributionDetail *self = SP_ATTRIBUTION_DETAIL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->attribution = NULL;

  G_OBJECT_CLASS (sp_attribution_detail_parent_class)->dispose (object);
}

static void
sp_attribution_detail_class_init (SpAttributionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_attribution_detail_dispose;

  signals[CANDIDATE_ACTIVATED] =
    g_signal_new ("candidate-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_attribution_detail_init (SpAttributionDetail *self)
{
  GtkWidget *accept;
  GtkWidget *candidates_heading;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (self->box), g_object_new (GTK_TYPE_LABEL, "label", _("Report Passage"),
                                                       "xalign", 0.0f, "css-classes",
                                                       (const char *[]) { "heading", NULL }, NULL));
  self->passage = GTK_LABEL (wrapped_label_new (NULL));
  gtk_label_set_selectable (self->passage, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->passage), "sp-attribution-passage");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->passage));
  self->source = GTK_LABEL (wrapped_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->source), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->source));
  self->state = GTK_LABEL (wrapped_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->state), "caption");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->state));

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  accept = button_new (_("_Accept"), "attribution.accept");
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_widget_set_tooltip_text (accept, _("The chosen candidate is the source of this passage (Enter)"));
  gtk_box_append (GTK_BOX (self->buttons), accept);
  gtk_box_append (GTK_BOX (self->buttons), button_new (_("_Reject All"), "attribution.reject-all"));
  gtk_box_append (GTK_BOX (self->buttons), button_new (_("Show _Side by Side"), "attribution.show-pair"));
  gtk_box_append (GTK_BOX (self->box), self->buttons);

  candidates_heading = gtk_label_new (_("Candidates in the Transcript"));
  gtk_label_set_xalign (GTK_LABEL (candidates_heading), 0);
  gtk_widget_add_css_class (candidates_heading, "heading");
  gtk_box_append (GTK_BOX (self->box), candidates_heading);

  self->candidates = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->candidates, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->candidates, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->candidates), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->candidates),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Candidates in the transcript"),
                                  -1);
  gtk_list_box_set_placeholder (self->candidates,
                                g_object_new (GTK_TYPE_LABEL, "label",
                                                _("Nothing in the transcript resembles this passage"),
                                                "wrap", TRUE, "margin-top", 12, "margin-bottom", 12,
                                                "css-classes", (const char *[]) { "dim-label", NULL },
                                                NULL));
  g_signal_connect_swapped (self->candidates, "row-activated", G_CALLBACK (candidate_activated_cb), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->candidates));

  sp_attribution_detail_set_attribution (self, NULL);
}

GtkWidget *
sp_attribution_detail_new (void)
{
  return g_object_new (SP_TYPE_ATTRIBUTION_DETAIL, NULL);
}

void
sp_attribution_detail_update_state (SpAttributionDetail *self)
{
  g_autofree char *state = NULL;

  g_return_if_fail (SP_IS_ATTRIBUTION_DETAIL (self));

  if (self->attribution == NULL)
    {
      gtk_label_set_label (self->state, "");
      return;
    }
  /* Translators: the state of an attributed passage, "State: Linked" */
  state = g_strdup_printf (_("State: %s"), sp_attribution_state_get_label (self->attribution->state));
  gtk_label_set_label (self->state, state);
}

void
sp_attribution_detail_set_attribution (SpAttributionDetail *self,
                                       const SpAttribution *attribution)
{
  GtkListBoxRow *row;
  g_autofree char *source = NULL;

  g_return_if_fail (SP_IS_ATTRIBUTION_DETAIL (self));

  self->attribution = attribution;
  while ((row = gtk_list_box_get_row_at_index (self->candidates, 0)) != NULL)
    gtk_list_box_remove (self->candidates, GTK_WIDGET (row));

  gtk_widget_set_visible (self->buttons, attribution != NULL);
  if (attribution == NULL)
    {
      gtk_label_set_label (self->passage, _("Choose a passage of the report to see where it may come from."));
      gtk_label_set_label (self->source, "");
      sp_attribution_detail_update_state (self);
      return;
    }

  gtk_label_set_label (self->passage, attribution->text);
  if (attribution->stakeholder != NULL && attribution->footnote > 0)
    /* Translators: who a report passage names, and the footnote it cites */
    source = g_strdup_printf (_("Names %s; cites footnote %d"), attribution->stakeholder, attribution->footnote);
  else if (attribution->stakeholder != NULL)
    source = g_strdup_printf (_("Names %s"), attribution->stakeholder);
  else if (attribution->footnote > 0)
    source = g_strdup_printf (_("Cites footnote %d"), attribution->footnote);
  gtk_label_set_label (self->source, source != NULL ? source : "");
  sp_attribution_detail_update_state (self);

  for (guint i = 0; attribution->candidates != NULL && i < attribution->candidates->len; i++)
    gtk_list_box_append (self->candidates,
                         candidate_row_new (g_ptr_array_index (attribution->candidates, i), i + 1));
  sp_attribution_detail_choose (self, 0);
}

const SpAttributionCandidate *
sp_attribution_detail_get_chosen (SpAttributionDetail *self)
{
  GtkListBoxRow *row;
  int index;

  g_return_val_if_fail (SP_IS_ATTRIBUTION_DETAIL (self), NULL);

  row = gtk_list_box_get_selected_row (self->candidates);
  if (self->attribution == NULL || self->attribution->candidates == NULL || row == NULL)
    return NULL;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= self->attribution->candidates->len)
    return NULL;
  return g_ptr_array_index (self->attribution->candidates, index);
}

void
sp_attribution_detail_choose (SpAttributionDetail *self,
                              guint                index)
{
  GtkListBoxRow *row;

  g_return_if_fail (SP_IS_ATTRIBUTION_DETAIL (self));

  row = gtk_list_box_get_row_at_index (self->candidates, index);
  gtk_list_box_select_row (self->candidates, row);
}
