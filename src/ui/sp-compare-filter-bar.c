/* sp-compare-filter-bar.c: documents, sectors and stances to compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-a11y.h"
#include "sp-compare-filter-bar.h"
#include "sp-drop-down-ellipsize.h"
#include "sp-filter-dropdowns.h"

struct _SpCompareFilterBar
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkDropDown *documents;
  GtkDropDown *sectors;
  GtkDropDown *stances;
  GArray      *document_ids;   /* gint64 per item of documents; 0 = all */
  GStrv        sector_names;   /* per item of sectors; "" = all */
  guint        reloading;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpCompareFilterBar, sp_compare_filter_bar, GTK_TYPE_WIDGET)

static void
selected_cb (SpCompareFilterBar *self)
{
  if (self->reloading == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static GtkDropDown *
add_drop_down (SpCompareFilterBar *self,
               const char         *accessible_name)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));

  sp_filter_dropdown_use_string_expression (drop_down);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  sp_a11y_name_drop_down_button (drop_down, accessible_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), accessible_name);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (selected_cb), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (drop_down));
  return drop_down;
}

static void
sp_compare_filter_bar_dispose (GObject *object)
{
  SpCompareFilterBar *self = SP_COMPARE_FILTER_BAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->sector_names, g_strfreev);

  G_OBJECT_CLASS (sp_compare_filter_bar_parent_class)->dispose (object);
}

static void
sp_compare_filter_bar_class_init (SpCompareFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_compare_filter_bar_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_compare_filter_bar_init (SpCompareFilterBar *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->document_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->sector_names = g_new0 (char *, 1);

  self->reloading++;
  self->documents = add_drop_down (self, _("Filter by document"));
  sp_drop_down_ellipsize (self->documents, 24);
  self->sectors = add_drop_down (self, _("Filter by sector"));
  self->stances = add_drop_down (self, _("Filter by stance"));
  sp_filter_dropdown_set_stances (self->stances);
  self->reloading--;
  sp_compare_filter_bar_reload (self, NULL);
}

GtkWidget *
sp_compare_filter_bar_new (void)
{
  return g_object_new (SP_TYPE_COMPARE_FILTER_BAR, NULL);
}

static void
reload_documents (SpCompareFilterBar *self,
                  SpProject          *project)
{
  gint64 chosen = sp_filter_dropdown_selected_id (self->documents, self->document_ids);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) documents = NULL;
  guint selected = 0;
  gint64 all = 0;

  g_array_set_size (self->document_ids, 0);
  gtk_string_list_append (names, _("All documents"));
  g_array_append_val (self->document_ids, all);
  if (project != NULL)
    documents = sp_project_list_documents (project, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      if (document->id == chosen)
        selected = self->document_ids->len;
      gtk_string_list_append (names, document->title);
      g_array_append_val (self->document_ids, document->id);
    }
  gtk_drop_down_set_model (self->documents, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->documents, selected);
}

static gboolean
strv_contains_casefold (GPtrArray  *strings,
                        const char *string)
{
  g_autofree char *folded = g_utf8_casefold (string, -1);

  for (guint i = 0; i < strings->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (strings, i), -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
reload_sectors (SpCompareFilterBar *self,
                SpProject          *project)
{
  guint old = gtk_drop_down_get_selected (self->sectors);
  g_autofree char *chosen = g_strdup (old < g_strv_length (self->sector_names) ? self->sector_names[old] : "");
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) sectors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  if (project != NULL)
    stakeholders = sp_project_list_stakeholders (project, NULL);
  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = g_ptr_array_index (stakeholders, i);

      if (stakeholder->sector != NULL && stakeholder->sector[0] != '\0' &&
          !strv_contains_casefold (sectors, stakeholder->sector))
        g_ptr_array_add (sectors, g_strdup (stakeholder->sector));
    }
  g_ptr_array_sort (sectors, compare_strings);
  /* The first choice, "All sectors", filters nothing */
  g_ptr_array_insert (sectors, 0, g_strdup (""));

  for (guint i = 0; i < sectors->len; i++)
    {
      const char *sector = g_ptr_array_index (sectors, i);

      gtk_string_list_append (names, i == 0 ? _("All sectors") : sector);
      if (chosen[0] != '\0' && g_strcmp0 (sector, chosen) == 0)
        selected = i;
    }
  g_ptr_array_add (sectors, NULL);
  g_strfreev (self->sector_names);
  self->sector_names = (GStrv) g_ptr_array_steal (sectors, NULL);
  gtk_drop_down_set_model (self->sectors, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->sectors, selected);
}

void
sp_compare_filter_bar_reload (SpCompareFilterBar *self,
                              SpProject          *project)
{
  g_autoptr(SpCompareFilter) before = NULL;
  g_autoptr(SpCompareFilter) after = NULL;
  gboolean lost;

  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));

  before = sp_compare_filter_bar_dup_filter (self);
  self->reloading++;
  reload_documents (self, project);
  reload_sectors (self, project);
  self->reloading--;
  after = sp_compare_filter_bar_dup_filter (self);

  /* A choice falls back to "All" when its document or sector is gone */
  lost = (before->document_ids != NULL) != (after->document_ids != NULL) ||
         (before->sectors != NULL) != (after->sectors != NULL);
  if (lost)
    g_signal_emit (self, signals[CHANGED], 0);
}

SpCompareFilter *
sp_compare_filter_bar_dup_filter (SpCompareFilterBar *self)
{
  SpCompareFilter *filter = sp_compare_filter_new ();
  gint64 document_id = sp_filter_dropdown_selected_id (self->documents, self->document_ids);
  guint sector = gtk_drop_down_get_selected (self->sectors);
  guint stance = gtk_drop_down_get_selected (self->stances);

  if (document_id != 0)
    {
      if (filter->document_ids == NULL)
        filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (filter->document_ids, document_id);
    }
  if (sector != GTK_INVALID_LIST_POSITION && sector > 0 && sector < g_strv_length (self->sector_names))
    {
      const char *sectors[] = { self->sector_names[sector], NULL };

      g_strfreev (filter->sectors);
      filter->sectors = g_strdupv ((char **) sectors);
    }
  /* The stance drop-down lists "Any stance", then the stances in SpStance order */
  if (stance != GTK_INVALID_LIST_POSITION && stance > 0 && stance < SP_N_STANCES)
    filter->stances = 1u << stance;
  return filter;
}

void
sp_compare_filter_bar_select_document (SpCompareFilterBar *self,
                                       gint64              document_id)
{
  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));

  for (guint i = 0; i < self->document_ids->len; i++)
    if (g_array_index (self->document_ids, gint64, i) == document_id)
      gtk_drop_down_set_selected (self->documents, i);
}

void
sp_compare_filter_bar_select_stance (SpCompareFilterBar *self,
                                     SpStance            stance)
{
  g_return_if_fail (SP_IS_COMPARE_FILTER_BAR (self));
  g_return_if_fail ((guint) stance < SP_N_STANCES);

  gtk_drop_down_set_selected (self->stances, stance);
}
