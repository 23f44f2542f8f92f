/* sp-attribution-view.c: the report's attributed passages, checked in a
 * worker thread, and the analyst's decisions on them.
 *
 * The check reads both documents whole, so it runs on a connection of
 * its own in a worker thread (sp_worker_run_async). Accepting or
 * rejecting changes one row in place; any other change to links or
 * annotations (an undo, an edit elsewhere) runs the check again once the
 * project has been quiet for a moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-a11y.h"
#include "sp-attribution-view-private.h"
#include "sp-compare-layout.h"
#include "sp-drop-down-ellipsize.h"
#include "sp-filter-dropdowns.h"
#include "sp-ui-rows.h"

#define RECHECK_DELAY_MS 300
#define PASSAGE_MAX_CHARS 200

#define FOLLOWED_CHANGES (SP_PROJECT_CHANGE_LINKS | SP_PROJECT_CHANGE_ANNOTATIONS | \
                          SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_STAKEHOLDERS)

struct _SpAttributionView
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkDropDown         *reports;
  GtkDropDown         *transcripts;
  GtkDropDown         *states_filter;
  GtkSpinner          *spinner;
  GtkStack            *states;       /* "empty", "error", "passages" */
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  GtkListBox          *list;
  SpAttributionDetail *detail;
  GtkRevealer         *error_bar;
  GtkLabel            *error_label;

  SpProject           *project;
  gulong               changed_id;
  GArray              *document_ids;  /* gint64 per item of both drop-downs */
  gint64               report_id;
  gint64               transcript_id;
  GPtrArray           *attributions;  /* SpAttribution, list order */
  GCancellable        *cancellable;   /* of the running check, NULL if idle */
  guint                recheck_source;
  /* A check is due but the view is hidden: it runs when the view is
   * shown, rather than re-ranking a whole report nobody is looking at. */
  gboolean             stale;
  guint                own_change;    /* inside our own accept or reject */
  guint                refilling;
};

enum {
  SHOW_PAIR,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpAttributionView, sp_attribution_view, GTK_TYPE_WIDGET)

static void start_check (SpAttributionView *self);

/* The worker */

/* The check runs like the compare pages' work (sp-compare-layout.h), on
 * a secondary connection; the cancellable rides along in the data so a
 * superseded check stops early instead of running to its end. */
typedef struct
{
  gint64        report_id;
  gint64        transcript_id;
  GCancellable *cancellable;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->cancellable);
  g_free (data);
}

static gpointer
check_attributions (SpProject  *connection,
                    gpointer    user_data,
                    GError    **error)
{
  CheckData *data = user_data;

  return sp_project_check_attributions (connection, data->report_id, data->transcript_id,
                                        0, data->cancellable, error);
}

/* The list */

static const SpAttribution *
passage_at (SpAttributionView *self,
            guint              index)
{
  if (self->attributions == NULL || index >= self->attributions->len)
    return NULL;
  return g_ptr_array_index (self->attributions, index);
}

static void
fill_row (GtkListBoxRow       *row,
          const SpAttribution *attribution)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = gtk_label_new (sp_attribution_state_get_label (attribution->state));
  GtkWidget *who = sp_row_name_label_new (attribution->stakeholder != NULL ? attribution->stakeholder
                                                                           : _("No one named"));
  GtkWidget *text;
  g_autofree char *flat = g_strdup (attribution->text);
  g_autofree char *state_class = g_strdup_printf ("sp-attribution-%s",
                                                  sp_attribution_state_to_string (attribution->state));
  g_autofree char *accessible = NULL;

  g_strdelimit (flat, "\n\t", ' ');
  text = gtk_label_new (flat);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 50);

  gtk_widget_add_css_class (badge, "sp-attribution-state");
  gtk_widget_add_css_class (badge, state_class);
  gtk_widget_add_css_class (who, "caption");
  gtk_box_append (GTK_BOX (header), badge);
  gtk_box_append (GTK_BOX (header), who);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (row, box);
  g_object_set_data (G_OBJECT (row), "sp-state-badge", badge);

  /* Translators: how a screen reader names an attributed passage: state, stakeholder, text */
  accessible = g_strdup_printf (_("%s; %s; %s"), sp_attribution_state_get_label (attribution->state),
                                gtk_label_get_text (GTK_LABEL (who)), flat);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  SpAttributionView *self = user_data;
  guint chosen = gtk_drop_down_get_selected (self->states_filter);
  const SpAttribution *attribution = passage_at (self, gtk_list_box_row_get_index (row));

  /* The filter lists "All states", then the states in SpAttributionState order */
  if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION || attribution == NULL)
    return TRUE;
  return attribution->state == (SpAttributionState) (chosen - 1);
}

static const SpAttribution *
selected_passage (SpAttributionView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row != NULL ? passage_at (self, gtk_list_box_row_get_index (row)) : NULL;
}

static void
update_actions (SpAttributionView *self)
{
  const SpAttribution *attribution = selected_passage (self);
  gboolean has_candidate = sp_attribution_detail_get_chosen (self->detail) != NULL;
  gboolean writable = self->project != NULL && !sp_project_is_read_only (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attribution.accept",
                                 writable && has_candidate &&
                                 !sp_attribution_detail_chosen_is_linked (self->detail));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attribution.reject-all",
                                 writable && attribution != NULL &&
                                 attribution->state != SP_ATTRIBUTION_REJECTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attribution.show-pair", has_candidate);
}

/* Marks the candidate a linked passage's "paraphrases" link goes to. */
static void
show_linked_candidate (SpAttributionView *self)
{
  const SpAttribution *attribution = selected_passage (self);
  g_autoptr(SpLinkInfo) link = NULL;

  if (attribution != NULL && attribution->state == SP_ATTRIBUTION_LINKED && attribution->link_id > 0)
    /* A link removed behind our back shows as no link until the next check */
    link = sp_project_get_link (self->project, attribution->link_id, NULL);
  if (link != NULL)
    sp_attribution_detail_set_linked_range (self->detail, link->target_start, link->target_end);
  else
    sp_attribution_detail_set_linked_range (self->detail, -1, -1);
}

static void
row_selected_cb (SpAttributionView *self)
{
  sp_attribution_detail_set_attribution (self->detail, selected_passage (self));
  show_linked_candidate (self);
  update_actions (self);
}

/* Shows the result of a check, keeping the selected passage selected. */
static void
show_attributions (SpAttributionView *self,
                   GPtrArray         *attributions)
{
  const SpAttribution *old = selected_passage (self);
  gint64 old_start = old != NULL ? old->start : -1;
  GtkListBoxRow *row;
  int reselect = -1;

  sp_attribution_detail_set_attribution (self->detail, NULL);
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_clear_pointer (&self->attributions, g_ptr_array_unref);
  self->attributions = g_ptr_array_ref (attributions);

  for (guint i = 0; i < attributions->len; i++)
    {
      const SpAttribution *attribution = g_ptr_array_index (attributions, i);

      row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
      fill_row (row, attribution);
      gtk_list_box_append (self->list, GTK_WIDGET (row));
      if (attribution->start == old_start)
        reselect = i;
    }
  /* The passage chosen before, or else the first, so the detail is never empty */
  if (reselect < 0 && attributions->len > 0)
    reselect = 0;
  if (reselect >= 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, reselect));

  if (attributions->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Attributed Passages"));
      adw_status_page_set_description (self->empty_page,
                                       _("No sentence of this report names a stakeholder "
                                         "or cites the expert discussion."));
      gtk_stack_set_visible_child_name (self->states, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->states, "passages");
  update_actions (self);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpAttributionView *self = SP_ATTRIBUTION_VIEW (source);
  g_autoptr(GPtrArray) attributions = NULL;
  g_autoptr(GError) error = NULL;

  attributions = sp_worker_run_finish (result, &error);
  /* A newer check replaced this one */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Attribution check dropped: %s", error->message);
      return;
    }

  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  if (attributions == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->states, "error");
    }
  else
    show_attributions (self, attributions);

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
show_empty (SpAttributionView *self)
{
  adw_status_page_set_title (self->empty_page, _("A Report and a Transcript Are Needed"));
  adw_status_page_set_description (self->empty_page,
                                   _("Import a report and the transcript it draws on, then choose "
                                     "them above to check the report’s paraphrases against what "
                                     "was said."));
  gtk_stack_set_visible_child_name (self->states, "empty");
}

static void
start_check (SpAttributionView *self)
{
  CheckData *data;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  sp_worker_cancel (&self->cancellable);

  if (self->project == NULL || self->report_id == 0 || self->transcript_id == 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      show_empty (self);
      return;
    }

  /* Hidden (the window has just opened the project, say): rank when the
   * analyst comes to look, not on every project opened. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  data = g_new0 (CheckData, 1);
  data->report_id = self->report_id;
  data->transcript_id = self->transcript_id;
  data->cancellable = g_object_ref (sp_worker_restart (&self->cancellable));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  sp_worker_run_async (self, self->project, check_attributions, data, (GDestroyNotify) check_data_free,
                        (GDestroyNotify) g_ptr_array_unref, data->cancellable, check_done_cb, NULL);
}

/* Documents */

static gint64
first_document_of_kind (GPtrArray      *documents,
                        SpDocumentKind  kind)
{
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      if (document->kind == kind)
        return document->id;
    }
  return 0;
}

static gboolean
has_document (SpAttributionView *self,
              gint64             id)
{
  for (guint i = 0; i < self->document_ids->len; i++)
    if (g_array_index (self->document_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
select_document (SpAttributionView *self,
                 GtkDropDown       *drop_down,
                 gint64             id)
{
  self->refilling++;
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < self->document_ids->len; i++)
    if (g_array_index (self->document_ids, gint64, i) == id)
      gtk_drop_down_set_selected (drop_down, i);
  self->refilling--;
}

/* Fills both drop-downs with the documents, keeping the chosen pair, or
 * else choosing the first report and the first transcript. */
static void
refill_documents (SpAttributionView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) documents = NULL;

  g_array_set_size (self->document_ids, 0);
  if (self->project != NULL)
    documents = sp_project_list_documents (self->project, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      gtk_string_list_append (names, document->title);
      g_array_append_val (self->document_ids, document->id);
    }

  if (!has_document (self, self->report_id))
    self->report_id = documents != NULL ? first_document_of_kind (documents, SP_DOCUMENT_KIND_REPORT) : 0;
  if (!has_document (self, self->transcript_id))
    self->transcript_id = documents != NULL ? first_document_of_kind (documents, SP_DOCUMENT_KIND_TRANSCRIPT) : 0;

  self->refilling++;
  gtk_drop_down_set_model (self->reports, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->transcripts, G_LIST_MODEL (names));
  self->refilling--;
  select_document (self, self->reports, self->report_id);
  select_document (self, self->transcripts, self->transcript_id);
}

static void
document_chosen_cb (SpAttributionView *self)
{
  if (self->refilling > 0)
    return;
  sp_attribution_view_set_documents (self,
                                     sp_filter_dropdown_selected_id (self->reports, self->document_ids),
                                     sp_filter_dropdown_selected_id (self->transcripts, self->document_ids));
}

static gboolean
recheck_timeout_cb (gpointer user_data)
{
  SpAttributionView *self = user_data;

  self->recheck_source = 0;
  refill_documents (self);
  start_check (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (SpProject         *project,
                    guint              what,
                    SpAttributionView *self)
{
  if (self->own_change > 0 || (what & FOLLOWED_CHANGES) == 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  self->recheck_source = g_timeout_add (RECHECK_DELAY_MS, recheck_timeout_cb, self);
}

static void
sp_attribution_view_map (GtkWidget *widget)
{
  SpAttributionView *self = SP_ATTRIBUTION_VIEW (widget);

  GTK_WIDGET_CLASS (sp_attribution_view_parent_class)->map (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      g_clear_handle_id (&self->recheck_source, g_source_remove);
      recheck_timeout_cb (self);
    }
}

/* Decisions */

static void
set_selected_state (SpAttributionView  *self,
                    SpAttributionState  state,
                    gint64              link_id)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  SpAttribution *attribution = (SpAttribution *) selected_passage (self);

  attribution->state = state;
  attribution->link_id = link_id;
  fill_row (row, attribution);
  sp_attribution_detail_update_state (self->detail);
  show_linked_candidate (self);
  gtk_list_box_invalidate_filter (self->list);
  update_actions (self);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpAttributionView *self = SP_ATTRIBUTION_VIEW (widget);
  const SpAttribution *attribution = selected_passage (self);
  const SpAttributionCandidate *candidate = sp_attribution_detail_get_chosen (self->detail);
  g_autoptr(GError) error = NULL;
  gint64 link_id = 0;
  gboolean ok;

  if (attribution == NULL || candidate == NULL)
    return;

  self->own_change++;
  ok = sp_project_accept_attribution (self->project, attribution->document_id, attribution->start,
                                      attribution->end, candidate, &link_id, &error);
  self->own_change--;
  if (sp_error_bar_check (self->error_bar, self->error_label, widget, ok, &error))
    set_selected_state (self, SP_ATTRIBUTION_LINKED, link_id);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpAttributionView *self = SP_ATTRIBUTION_VIEW (widget);
  const SpAttribution *attribution = selected_passage (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (attribution == NULL)
    return;

  self->own_change++;
  ok = sp_project_reject_attribution (self->project, attribution->document_id, attribution->start,
                                      attribution->end, &error);
  self->own_change--;
  if (sp_error_bar_check (self->error_bar, self->error_label, widget, ok, &error))
    set_selected_state (self, SP_ATTRIBUTION_REJECTED, 0);
}

static void
show_pair_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpAttributionView *self = SP_ATTRIBUTION_VIEW (widget);
  const SpAttribution *attribution = selected_passage (self);
  const SpAttributionCandidate *candidate = sp_attribution_detail_get_chosen (self->detail);

  if (attribution == NULL || candidate == NULL)
    return;
  g_signal_emit (self, signals[SHOW_PAIR], 0, attribution->document_id, attribution->start,
                 attribution->end, self->transcript_id, candidate->start, candidate->end);
}

static void
candidate_activated_cb (SpAttributionView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "attribution.accept", NULL);
}

/* Construction */

static GtkDropDown *
toolbar_drop_down (GtkWidget  *toolbar,
                   const char *mnemonic,
                   const char *accessible_name)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));

  sp_filter_dropdown_use_string_expression (drop_down);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (drop_down));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  sp_a11y_name_drop_down_button (drop_down, accessible_name);
  gtk_box_append (GTK_BOX (toolbar), label);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (drop_down));
  return drop_down;
}

static GtkWidget *
toolbar_new (SpAttributionView *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *states[] = {
    _("All states"),
    sp_attribution_state_get_label (SP_ATTRIBUTION_NO_CANDIDATE),
    sp_attribution_state_get_label (SP_ATTRIBUTION_PROPOSED),
    sp_attribution_state_get_label (SP_ATTRIBUTION_LINKED),
    sp_attribution_state_get_label (SP_ATTRIBUTION_REJECTED),
    NULL
  };
  g_autoptr(GtkStringList) state_names = gtk_string_list_new (states);

  gtk_widget_add_css_class (toolbar, "toolbar");
  self->reports = toolbar_drop_down (toolbar, _("_Report"), _("Report to check"));
  self->transcripts = toolbar_drop_down (toolbar, _("_Transcript"), _("Transcript it draws on"));
  sp_drop_down_ellipsize (self->reports, 32);
  sp_drop_down_ellipsize (self->transcripts, 32);
  g_signal_connect_swapped (self->reports, "notify::selected", G_CALLBACK (document_chosen_cb), self);
  g_signal_connect_swapped (self->transcripts, "notify::selected", G_CALLBACK (document_chosen_cb), self);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Checking the report…"));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->spinner));

  /* The state filter goes to the far end */
  gtk_box_append (GTK_BOX (toolbar), g_object_new (GTK_TYPE_BOX, "hexpand", TRUE, NULL));
  self->states_filter = toolbar_drop_down (toolbar, _("_Show"), _("Show passages in state"));
  gtk_drop_down_set_model (self->states_filter, G_LIST_MODEL (state_names));
  g_signal_connect_swapped (self->states_filter, "notify::selected",
                            G_CALLBACK (gtk_list_box_invalidate_filter), self->list);
  return toolbar;
}

static GtkWidget *
passages_new (SpAttributionView *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *list_scroller = gtk_scrolled_window_new ();
  GtkWidget *detail_scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (list_scroller, 280, -1);

  self->detail = SP_ATTRIBUTION_DETAIL (sp_attribution_detail_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->detail), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->detail), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->detail), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->detail), 12);
  g_signal_connect_swapped (self->detail, "candidate-activated", G_CALLBACK (candidate_activated_cb), self);
  g_signal_connect_swapped (self->detail, "chosen-changed", G_CALLBACK (update_actions), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (detail_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scroller), GTK_WIDGET (self->detail));

  gtk_paned_set_start_child (GTK_PANED (paned), list_scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), detail_scroller);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 380);
  return paned;
}

static void
disconnect_project (SpAttributionView *self)
{
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_handle_id (&self->recheck_source, g_source_remove);
  g_clear_object (&self->project);
}

static void
sp_attribution_view_dispose (GObject *object)
{
  SpAttributionView *self = SP_ATTRIBUTION_VIEW (object);

  disconnect_project (self);
  /* The worker's result is dropped when it comes */
  sp_worker_cancel (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->attributions, g_ptr_array_unref);
  g_clear_pointer (&self->document_ids, g_array_unref);

  G_OBJECT_CLASS (sp_attribution_view_parent_class)->dispose (object);
}

static void
sp_attribution_view_class_init (SpAttributionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_attribution_view_dispose;
  widget_class->map = sp_attribution_view_map;

  signals[SHOW_PAIR] =
    g_signal_new ("show-pair",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 6,
                  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64,
                  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "attribution.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "attribution.reject-all", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "attribution.show-pair", NULL, show_pair_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attributionview");
}

static void
sp_attribution_view_init (SpAttributionView *self)
{
  GtkWidget *error_box;

  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attributed passages"),
                                  -1);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_swapped (self->list, "selected-rows-changed", G_CALLBACK (row_selected_cb), self);

  gtk_box_append (GTK_BOX (self->box), toolbar_new (self));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (error_box, "sp-editor-error");
  gtk_box_append (GTK_BOX (error_box), GTK_WIDGET (self->error_label));
  self->error_bar = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->error_bar, error_box);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_bar));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("Could Not Check the Report"));

  self->states = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->states, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->states, GTK_WIDGET (self->error_page), "error");
  gtk_stack_add_named (self->states, passages_new (self), "passages");
  gtk_widget_set_vexpand (GTK_WIDGET (self->states), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->states));

  show_empty (self);
  update_actions (self);
}

GtkWidget *
sp_attribution_view_new (void)
{
  return g_object_new (SP_TYPE_ATTRIBUTION_VIEW, NULL);
}

void
sp_attribution_view_set_project (SpAttributionView *self,
                                 SpProject         *project)
{
  g_return_if_fail (SP_IS_ATTRIBUTION_VIEW (self));
  g_return_if_fail (project == NULL || SP_IS_PROJECT (project));

  /* Referenced first, in case it is the project already set */
  if (project != NULL)
    g_object_ref (project);
  disconnect_project (self);
  self->project = project;
  if (project != NULL)
    self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);

  self->report_id = 0;
  self->transcript_id = 0;
  refill_documents (self);
  start_check (self);
}

void
sp_attribution_view_set_documents (SpAttributionView *self,
                                   gint64             report_id,
                                   gint64             transcript_id)
{
  g_return_if_fail (SP_IS_ATTRIBUTION_VIEW (self));

  self->report_id = report_id;
  self->transcript_id = transcript_id;
  select_document (self, self->reports, report_id);
  select_document (self, self->transcripts, transcript_id);
  start_check (self);
}

gint64
sp_attribution_view_get_report_id (SpAttributionView *self)
{
  g_return_val_if_fail (SP_IS_ATTRIBUTION_VIEW (self), 0);
  return self->report_id;
}

gint64
sp_attribution_view_get_transcript_id (SpAttributionView *self)
{
  g_return_val_if_fail (SP_IS_ATTRIBUTION_VIEW (self), 0);
  return self->transcript_id;
}

gboolean
sp_attribution_view_is_busy (SpAttributionView *self)
{
  g_return_val_if_fail (SP_IS_ATTRIBUTION_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

guint
_sp_attribution_view_get_n_passages (SpAttributionView *self)
{
  return self->attributions != NULL ? self->attributions->len : 0;
}

const SpAttribution *
_sp_attribution_view_get_passage (SpAttributionView *self,
                                  guint              index)
{
  return passage_at (self, index);
}

void
_sp_attribution_view_select_passage (SpAttributionView *self,
                                     guint              index)
{
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

const char *
_sp_attribution_view_get_row_state (SpAttributionView *self,
                                    guint              index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

  g_return_val_if_fail (row != NULL, NULL);
  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "sp-state-badge"));
}

SpAttributionDetail *
_sp_attribution_view_get_detail (SpAttributionView *self)
{
  return self->detail;
}
