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
  GtkWidget           *accept;

  const SpAttribution *attribution;
  int                  linked;        /* index of the linked candidate, -1 if none */
};

/* Candidate paragraphs run to 15 lines; this many keep several in view */
#define CANDIDATE_LINES 5
/* Longer texts may need more than CANDIDATE_LINES: they get "Show All" */
#define CANDIDATE_LONG_CHARS 300

enum {
  CANDIDATE_ACTIVATED,
  CHOSEN_CHANGED,
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

/* @candidate as Pango markup, the words it shares with @passage in bold:
 * why it was proposed. */
static char *
shared_words_markup (const char *passage,
                     const char *candidate)
{
  g_autoptr(GArray) ranges = sp_attribution_shared_word_ranges (passage, candidate);
  GString *markup = g_string_new (NULL);
  gsize done = 0;

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      gsize start = g_array_index (ranges, gsize, i);
      gsize end = g_array_index (ranges, gsize, i + 1);
      g_autofree char *before = g_markup_escape_text (candidate + done, start - done);
      g_autofree char *word = g_markup_escape_text (candidate + start, end - start);

      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      done = end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (candidate + done, -1);

    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}

static void
show_all_toggled_cb (GtkToggleButton *button,
                     GtkLabel        *text)
{
  gboolean all = gtk_toggle_button_get_active (button);

  gtk_label_set_lines (text, all ? -1 : CANDIDATE_LINES);
  gtk_label_set_ellipsize (text, all ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_button_set_label (GTK_BUTTON (button), all ? _("Show _Less") : _("Show _All"));
}

static GtkWidget *
candidate_row_new (const SpAttributionCandidate *candidate,
                   const char                   *passage,
                   guint                         rank)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *meta;
  GtkWidget *linked;
  GtkWidget *text = wrapped_label_new (NULL);
  g_autofree char *markup = shared_words_markup (passage, candidate->text);
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
  gtk_widget_set_hexpand (meta, TRUE);
  gtk_box_append (GTK_BOX (header), meta);
  /* Shown on the candidate the passage's "paraphrases" link goes to */
  linked = gtk_label_new (_("Linked"));
  gtk_widget_add_css_class (linked, "sp-attribution-state");
  gtk_widget_add_css_class (linked, "sp-attribution-linked");
  gtk_widget_set_visible (linked, FALSE);
  gtk_box_append (GTK_BOX (header), linked);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_lines (GTK_LABEL (text), CANDIDATE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);
  if (g_utf8_strlen (candidate->text, -1) > CANDIDATE_LONG_CHARS)
    {
      GtkWidget *show_all = gtk_toggle_button_new_with_mnemonic (_("Show _All"));

      gtk_widget_set_halign (show_all, GTK_ALIGN_START);
      gtk_widget_add_css_class (show_all, "flat");
      gtk_widget_set_tooltip_text (show_all, _("Show the whole transcript paragraph"));
      g_signal_connect (show_all, "toggled", G_CALLBACK (show_all_toggled_cb), text);
      gtk_box_append (GTK_BOX (box), show_all);
    }
  g_object_set_data (G_OBJECT (row), "sp-candidate-text", text);
  g_object_set_data (G_OBJECT (row), "sp-linked-badge", linked);
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

/* Accept is the suggested action unless the chosen candidate is already
 * the one linked: then it says so and Reject All stays the way out. */
static void
update_accept (SpAttributionDetail *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->candidates);
  gboolean accepted = row != NULL && gtk_list_box_row_get_index (row) == self->linked;

  gtk_button_set_label (GTK_BUTTON (self->accept), accepted ? _("Accepted") : _("_Accept"));
  if (accepted)
    gtk_widget_remove_css_class (self->accept, "suggested-action");
  else
    gtk_widget_add_css_class (self->accept, "suggested-action");
}

static void
candidate_selected_cb (SpAttributionDetail *self)
{
  update_accept (self);
  g_signal_emit (self, signals[CHOSEN_CHANGED], 0);
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
  signals[CHOSEN_CHANGED] =
    g_signal_new ("chosen-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_attribution_detail_init (SpAttributionDetail *self)
{
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
  self->linked = -1;
  self->accept = button_new (_("_Accept"), "attribution.accept");
  gtk_widget_add_css_class (self->accept, "suggested-action");
  gtk_widget_set_tooltip_text (self->accept, _("The chosen candidate is the source of this passage (Enter)"));
  gtk_box_append (GTK_BOX (self->buttons), self->accept);
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
  g_signal_connect_swapped (self->candidates, "row-selected", G_CALLBACK (candidate_selected_cb), self);
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
  self->linked = -1;
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
                         candidate_row_new (g_ptr_array_index (attribution->candidates, i),
                                            attribution->text, i + 1));
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

void
sp_attribution_detail_set_linked_range (SpAttributionDetail *self,
                                        gint64               start,
                                        gint64               end)
{
  GtkListBoxRow *row;

  g_return_if_fail (SP_IS_ATTRIBUTION_DETAIL (self));

  self->linked = -1;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->candidates, i)) != NULL; i++)
    {
      const SpAttributionCandidate *candidate = g_ptr_array_index (self->attribution->candidates, i);
      /* The link's end may be snapped to words: overlapping is enough, as
       * candidates are distinct paragraphs */
      gboolean linked = candidate->start < end && start < candidate->end;

      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "sp-linked-badge"), linked);
      if (linked)
        self->linked = i;
    }
  update_accept (self);
}

gboolean
sp_attribution_detail_chosen_is_linked (SpAttributionDetail *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SP_IS_ATTRIBUTION_DETAIL (self), FALSE);

  row = gtk_list_box_get_selected_row (self->candidates);
  return row != NULL && self->linked >= 0 && gtk_list_box_row_get_index (row) == self->linked;
}

/* The part of candidate row @index kept under @key */
static GtkWidget *
candidate_part (SpAttributionDetail *self,
                guint                index,
                const char          *key)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->candidates, index);

  g_return_val_if_fail (row != NULL, NULL);
  return g_object_get_data (G_OBJECT (row), key);
}

const char *
_sp_attribution_detail_get_candidate_markup (SpAttributionDetail *self,
                                             guint                index)
{
  return gtk_label_get_label (GTK_LABEL (candidate_part (self, index, "sp-candidate-text")));
}

gboolean
_sp_attribution_detail_shows_linked (SpAttributionDetail *self,
                                     guint                index)
{
  return gtk_widget_get_visible (candidate_part (self, index, "sp-linked-badge"));
}

GtkWidget *
_sp_attribution_detail_get_accept_button (SpAttributionDetail *self)
{
  return self->accept;
}
