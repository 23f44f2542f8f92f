/* sp-search-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-themes.h"
#include "sp-search.h"
#include "sp-search-panel.h"
#include "sp-a11y.h"
#include "sp-filter-dropdowns.h"

#define MAX_HITS 200

struct _SpSearchPanel
{
  GtkWidget       parent_instance;

  GtkSearchEntry *entry;
  GtkLabel       *error_label;
  GtkDropDown    *document_filter;
  GtkDropDown    *theme_filter;
  GtkDropDown    *stakeholder_filter;
  GtkDropDown    *stance_filter;
  GtkListBox     *results;

  SpProject      *project;
  GArray         *document_ids;
  GArray         *theme_ids;
  GArray         *stakeholder_ids;
  gboolean        filling;
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpSearchPanel, sp_search_panel, GTK_TYPE_WIDGET)

typedef struct
{
  gint64 document_id;
  gint64 start;
  gint64 end;
} HitData;

/* The snippet with its matched words marked */
static char *
snippet_markup (const char *snippet,
                GArray     *highlights)
{
  GString *out = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";
  guint offset = 0;
  guint h = 0;
  gboolean open = FALSE;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *escaped = NULL;

      while (highlights != NULL && h < highlights->len &&
             g_array_index (highlights, SpSearchHighlight, h).end <= offset)
        {
          if (open)
            {
              g_string_append (out, "</span>");
              open = FALSE;
            }
          h++;
        }
      if (!open && highlights != NULL && h < highlights->len &&
          g_array_index (highlights, SpSearchHighlight, h).start <= offset)
        {
          g_string_append (out, "<span weight=\"bold\" bgcolor=\"#f6d32d\" bgalpha=\"38%\">");
          open = TRUE;
        }

      escaped = g_markup_escape_text (p, next - p);
      if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append (out, escaped);
      p = next;
      offset++;
    }
  if (open)
    g_string_append (out, "</span>");

  return g_string_free (out, FALSE);
}

static GtkWidget *
hit_row_new (SpSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *where;
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *markup = snippet_markup (hit->snippet, hit->highlights);
  g_autofree char *place = NULL;
  HitData *data = g_new0 (HitData, 1);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  if (hit->kind == SP_SEARCH_HIT_ANNOTATION)
    /* Translators: a search result in an annotation, "<document> · annotation" */
    place = g_strdup_printf (_("%s · Annotation"), hit->document_title);
  else if (hit->stakeholder != NULL)
    /* Translators: a search result, "<document> · <speaker>" */
    place = g_strdup_printf (_("%s · %s"), hit->document_title, hit->stakeholder);
  else
    place = g_strdup (hit->document_title);

  where = gtk_label_new (place);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), where);

  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 4);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 40);
  gtk_label_set_width_chars (GTK_LABEL (snippet), 20);
  gtk_box_append (GTK_BOX (box), snippet);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (snippet)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, place,
                                  -1);

  data->document_id = hit->document_id;
  data->start = hit->start;
  data->end = hit->end;
  g_object_set_data_full (G_OBJECT (row), "sp-hit", data, g_free);

  return row;
}

static void
clear_results (SpSearchPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
}

static void
show_error (SpSearchPanel *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

static void
search_changed_cb (SpSearchPanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  SpSearchFilter filter = { 0, };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  guint stance;

  if (self->filling)
    return;

  clear_results (self);
  show_error (self, NULL);

  if (self->project == NULL || stripped[0] == '\0')
    return;

  filter.document_id = sp_filter_dropdown_selected_id (self->document_filter, self->document_ids);
  filter.theme_id = sp_filter_dropdown_selected_id (self->theme_filter, self->theme_ids);
  filter.stakeholder_id = sp_filter_dropdown_selected_id (self->stakeholder_filter, self->stakeholder_ids);
  stance = gtk_drop_down_get_selected (self->stance_filter);
  filter.stance = stance != GTK_INVALID_LIST_POSITION ? (SpStance) stance : SP_STANCE_NONE;
  filter.order = SP_SEARCH_ORDER_RANK;

  hits = sp_project_search (self->project, query, &filter, MAX_HITS, &error);
  if (hits == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, hit_row_new (g_ptr_array_index (hits, i)));
}

static void
row_activated_cb (SpSearchPanel *self,
                  GtkListBoxRow *row)
{
  HitData *data = g_object_get_data (G_OBJECT (row), "sp-hit");

  if (data != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, data->document_id, data->start, data->end);
}

/* Filters */

static void
fill_dropdown (GtkDropDown *dropdown,
               GArray      *ids,
               const char  *any,
               GPtrArray   *names,
               GArray      *new_ids)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  gint64 keep = sp_filter_dropdown_selected_id (dropdown, ids);
  guint selected = 0;
  gint64 zero = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (list, any);
  g_array_append_val (ids, zero);
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      gint64 id = g_array_index (new_ids, gint64, i);

      if (id == keep)
        selected = ids->len;
      gtk_string_list_append (list, g_ptr_array_index (names, i));
      g_array_append_val (ids, id);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

void
sp_search_panel_reload (SpSearchPanel *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (SP_IS_SEARCH_PANEL (self));

  if (self->project != NULL)
    {
      documents = sp_project_list_documents (self->project, NULL);
      themes = sp_project_list_themes (self->project, NULL);
      stakeholders = sp_project_list_stakeholders (self->project, NULL);
    }

  self->filling = TRUE;

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);

      g_ptr_array_add (names, info->title);
      g_array_append_val (ids, info->id);
    }
  fill_dropdown (self->document_filter, self->document_ids, _("All documents"), names, ids);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (ids, 0);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      SpThemeInfo *info = g_ptr_array_index (themes, i);

      g_ptr_array_add (names, info->name);
      g_array_append_val (ids, info->id);
    }
  fill_dropdown (self->theme_filter, self->theme_ids, _("All themes"), names, ids);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (ids, 0);
  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      SpStakeholderInfo *info = g_ptr_array_index (stakeholders, i);

      g_ptr_array_add (names, info->name);
      g_array_append_val (ids, info->id);
    }
  fill_dropdown (self->stakeholder_filter, self->stakeholder_ids, _("All stakeholders"), names, ids);

  self->filling = FALSE;
}

void
sp_search_panel_set_project (SpSearchPanel *self,
                             SpProject     *project)
{
  g_return_if_fail (SP_IS_SEARCH_PANEL (self));

  if (!g_set_object (&self->project, project))
    return;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->filling = FALSE;
  clear_results (self);
  show_error (self, NULL);
  sp_search_panel_reload (self);
}

void
sp_search_panel_set_query (SpSearchPanel *self,
                           const char    *query)
{
  g_return_if_fail (SP_IS_SEARCH_PANEL (self));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query != NULL ? query : "");
  self->filling = FALSE;
  search_changed_cb (self);
}

GtkListBox *
sp_search_panel_get_results (SpSearchPanel *self)
{
  g_return_val_if_fail (SP_IS_SEARCH_PANEL (self), NULL);

  return self->results;
}

const char *
sp_search_panel_get_error (SpSearchPanel *self)
{
  g_return_val_if_fail (SP_IS_SEARCH_PANEL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

void
sp_search_panel_focus_entry (SpSearchPanel *self)
{
  g_return_if_fail (SP_IS_SEARCH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* GObject */

GtkWidget *
sp_search_panel_new (void)
{
  return g_object_new (SP_TYPE_SEARCH_PANEL, NULL);
}

static void
sp_search_panel_dispose (GObject *object)
{
  SpSearchPanel *self = SP_SEARCH_PANEL (object);
  GtkWidget *child;

  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_SEARCH_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_search_panel_parent_class)->dispose (object);
}

static void
sp_search_panel_finalize (GObject *object)
{
  SpSearchPanel *self = SP_SEARCH_PANEL (object);

  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->theme_ids, g_array_unref);
  g_clear_pointer (&self->stakeholder_ids, g_array_unref);

  G_OBJECT_CLASS (sp_search_panel_parent_class)->finalize (object);
}

static void
sp_search_panel_class_init (SpSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_search_panel_dispose;
  object_class->finalize = sp_search_panel_finalize;

  /**
   * SpSearchPanel::hit-activated:
   * @document_id: the document of the hit
   * @start: where the passage starts (code points)
   * @end: where it ends
   */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, document_filter);
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, stakeholder_filter);
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, stance_filter);
  gtk_widget_class_bind_template_child (widget_class, SpSearchPanel, results);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchpanel");
}

static void
sp_search_panel_init (SpSearchPanel *self)
{
  GtkWidget *placeholder;

  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stakeholder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_a11y_name_drop_down_button (self->document_filter, _("Filter by document"));
  sp_a11y_name_drop_down_button (self->theme_filter, _("Filter by theme"));
  sp_a11y_name_drop_down_button (self->stakeholder_filter, _("Filter by stakeholder"));
  sp_a11y_name_drop_down_button (self->stance_filter, _("Filter by stance"));

  sp_filter_dropdown_use_string_expression (self->theme_filter);
  sp_filter_dropdown_use_string_expression (self->stakeholder_filter);
  sp_filter_dropdown_set_stances (self->stance_filter);
  self->filling = FALSE;

  placeholder = gtk_label_new (_("Words, “phrases”, AND, OR, NOT; a trailing * finds words that start so."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->results, placeholder);

  gtk_search_entry_set_key_capture_widget (self->entry, NULL);
}
