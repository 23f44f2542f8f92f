/* sp-annotations-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-annotations-panel.h"
#include "sp-a11y.h"
#include "sp-filter-dropdowns.h"

#define QUOTE_MAX_CHARS 240
#define MEMO_MAX_CHARS  160

struct _SpAnnotationsPanel
{
  GtkWidget           parent_instance;

  GtkLabel           *count_label;
  GtkDropDown        *theme_filter;
  GtkDropDown        *stakeholder_filter;
  GtkDropDown        *stance_filter;
  GtkStack           *stack;
  GtkListView        *list;
  GtkWidget          *placeholder;

  GListStore         *store;            /* SpAnnotationItem, reading order */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  GArray             *theme_ids;        /* gint64 by theme filter position (0: any) */
  GArray             *stakeholder_ids;  /* likewise */
  GHashTable         *colors;           /* theme id -> "#rrggbb" */
  gboolean            filling;

  /* Set while hidden: listed when shown */
  gboolean            stale;
  GPtrArray          *pending;          /* SpAnnotationInfo, or NULL */
  GHashTable         *pending_updates;  /* id -> SpAnnotationItem, or NULL: removed */
};

enum {
  ANNOTATION_ACTIVATED,
  EDIT_ANNOTATION,
  DELETE_ANNOTATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpAnnotationsPanel, sp_annotations_panel, GTK_TYPE_WIDGET)

/* Items: what a row shows of one annotation, copied so that the panel
 * does not depend on the arrays it was given. */

#define SP_TYPE_ANNOTATION_ITEM (sp_annotation_item_get_type ())

G_DECLARE_FINAL_TYPE (SpAnnotationItem, sp_annotation_item, SP, ANNOTATION_ITEM, GObject)

struct _SpAnnotationItem
{
  GObject   parent_instance;

  gint64    id;
  gint64    start;
  gint64    end;
  GArray   *theme_ids;
  GStrv     theme_names;
  gint64    stakeholder_id;
  char     *stakeholder;
  SpStance  stance;
  char     *quote;
  char     *memo;
};

G_DEFINE_FINAL_TYPE (SpAnnotationItem, sp_annotation_item, G_TYPE_OBJECT)

static void
sp_annotation_item_finalize (GObject *object)
{
  SpAnnotationItem *item = SP_ANNOTATION_ITEM (object);

  g_clear_pointer (&item->theme_ids, g_array_unref);
  g_clear_pointer (&item->theme_names, g_strfreev);
  g_free (item->stakeholder);
  g_free (item->quote);
  g_free (item->memo);

  G_OBJECT_CLASS (sp_annotation_item_parent_class)->finalize (object);
}

static void
sp_annotation_item_class_init (SpAnnotationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_annotation_item_finalize;
}

static void
sp_annotation_item_init (SpAnnotationItem *item)
{
}

static SpAnnotationItem *
sp_annotation_item_new (const SpAnnotationInfo *info)
{
  SpAnnotationItem *item = g_object_new (SP_TYPE_ANNOTATION_ITEM, NULL);

  item->id = info->id;
  item->start = info->start;
  item->end = info->end;
  item->theme_ids = info->theme_ids != NULL ? g_array_ref (info->theme_ids) : NULL;
  item->theme_names = g_strdupv (info->theme_names);
  item->stakeholder_id = info->stakeholder_id;
  item->stakeholder = g_strdup (info->stakeholder);
  item->stance = info->stance;
  item->quote = g_strdup (info->quote);
  item->memo = g_strdup (info->memo);

  return item;
}

/* Reading order, as sp_project_list_annotations() gives it */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SpAnnotationItem *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static void
clear_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static int
compare_item_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return compare_items (*(gpointer *) a, *(gpointer *) b, NULL);
}

static char *
excerpt (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  glong len;

  g_strdelimit (flat, "\n\t", ' ');
  g_strstrip (flat);
  len = g_utf8_strlen (flat, -1);
  if (len <= (glong) max_chars)
    return g_steal_pointer (&flat);

  {
    g_autofree char *cut = g_utf8_substring (flat, 0, max_chars);

    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}


/* Filtering */

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  SpAnnotationsPanel *self = user_data;
  SpAnnotationItem *item = object;
  gint64 theme_id = sp_filter_dropdown_selected_id (self->theme_filter, self->theme_ids);
  gint64 stakeholder_id = sp_filter_dropdown_selected_id (self->stakeholder_filter, self->stakeholder_ids);
  guint stance = gtk_drop_down_get_selected (self->stance_filter);

  if (stakeholder_id != 0 && item->stakeholder_id != stakeholder_id)
    return FALSE;
  if (stance != GTK_INVALID_LIST_POSITION && stance != SP_STANCE_NONE && item->stance != (SpStance) stance)
    return FALSE;
  if (theme_id != 0)
    {
      for (guint i = 0; item->theme_ids != NULL && i < item->theme_ids->len; i++)
        if (g_array_index (item->theme_ids, gint64, i) == theme_id)
          return TRUE;
      return FALSE;
    }

  return TRUE;
}

static void
update_count (SpAnnotationsPanel *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint visible = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (visible == total)
    text = g_strdup_printf ("%u", total);
  else
    /* Translators: annotations shown by the filters, of all, "3 of 12" */
    text = g_strdup_printf (_("%u of %u"), visible, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child (self->stack, visible > 0 ? gtk_stack_get_child_by_name (self->stack, "list")
                                                        : self->placeholder);
}

static void
filter_changed_cb (SpAnnotationsPanel *self)
{
  if (self->filling)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
items_changed_cb (SpAnnotationsPanel *self)
{
  update_count (self);
}

/* Rows */

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}


static gint64
selected_annotation (SpAnnotationsPanel *self)
{
  SpAnnotationItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? item->id : 0;
}

static void
select_annotation (SpAnnotationsPanel *self,
                   gint64              id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(SpAnnotationItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
list_activate_cb (SpAnnotationsPanel *self,
                  guint               position)
{
  g_autoptr(SpAnnotationItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, item->id);
}

static void
edit_clicked_cb (GtkButton          *button,
                 SpAnnotationsPanel *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "sp-list-item");
  SpAnnotationItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));
  g_signal_emit (self, signals[EDIT_ANNOTATION], 0, item->id);
}

static void
delete_clicked_cb (GtkButton          *button,
                   SpAnnotationsPanel *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "sp-list-item");
  SpAnnotationItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_emit (self, signals[DELETE_ANNOTATION], 0, item->id);
}

static GtkWidget *
row_label_new (GtkWidget  *box,
               const char *key,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  g_object_set_data (G_OBJECT (box), key, label);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SpAnnotationsPanel       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label;
  GtkWidget *button;

  gtk_widget_add_css_class (box, "sp-annotation-row");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 2);
  g_object_set_data (G_OBJECT (box), "sp-list-item", list_item);

  /* Theme chips */
  label = row_label_new (box, "chips", "sp-annotation-themes");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  label = row_label_new (box, "quote", "sp-annotation-quote");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_box_append (GTK_BOX (box), label);

  label = row_label_new (box, "memo", "sp-annotation-memo");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);

  label = row_label_new (box, "who", "sp-annotation-stakeholder");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, FALSE);
  gtk_box_append (GTK_BOX (footer), label);

  label = row_label_new (box, "badge", "sp-stance-badge");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (footer), label);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (footer), spacer);

  button = icon_button_new ("document-edit-symbolic", _("Edit Annotation"));
  g_object_set_data (G_OBJECT (button), "sp-list-item", list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (footer), button);
  button = icon_button_new ("user-trash-symbolic", _("Delete Annotation"));
  g_object_set_data (G_OBJECT (button), "sp-list-item", list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (footer), button);
  gtk_box_append (GTK_BOX (box), footer);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SpAnnotationsPanel       *self)
{
  SpAnnotationItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *chips = g_object_get_data (G_OBJECT (box), "chips");
  GtkLabel *quote = g_object_get_data (G_OBJECT (box), "quote");
  GtkLabel *memo = g_object_get_data (G_OBJECT (box), "memo");
  GtkLabel *who = g_object_get_data (G_OBJECT (box), "who");
  GtkLabel *badge = g_object_get_data (G_OBJECT (box), "badge");
  /* A passage with no stance shows no badge. */
  const char *stance = item->stance != SP_STANCE_NONE ? sp_stance_get_label (item->stance) : NULL;
  const char *stakeholder = item->stakeholder != NULL ? item->stakeholder : _("No stakeholder");
  const char *old_css = g_object_get_data (G_OBJECT (badge), "sp-stance-css");
  GString *markup = g_string_new (NULL);
  g_autofree char *quote_text = excerpt (item->quote, QUOTE_MAX_CHARS);
  g_autofree char *quoted = NULL;
  g_autofree char *accessible = NULL;

  for (guint i = 0; item->theme_names != NULL && item->theme_names[i] != NULL; i++)
    {
      const char *color = NULL;
      g_autofree char *chip = NULL;

      if (item->theme_ids != NULL && i < item->theme_ids->len)
        color = g_hash_table_lookup (self->colors, &g_array_index (item->theme_ids, gint64, i));
      chip = g_markup_printf_escaped ("%s<span foreground=\"%s\">●</span> %s",
                                      i > 0 ? "   " : "",
                                      color != NULL ? color : "#9a9996",
                                      item->theme_names[i]);
      g_string_append (markup, chip);
    }
  if (markup->len == 0)
    {
      g_autofree char *none = g_markup_escape_text (_("No theme"), -1);

      g_string_append (markup, none);
    }
  gtk_label_set_markup (chips, markup->str);
  g_string_free (markup, TRUE);

  /* Translators: an annotation's quote in the side panel */
  quoted = g_strdup_printf (_("“%s”"), quote_text);
  gtk_label_set_label (quote, quoted);

  if (item->memo != NULL && item->memo[0] != '\0')
    {
      g_autofree char *memo_text = excerpt (item->memo, MEMO_MAX_CHARS);

      gtk_label_set_label (memo, memo_text);
      gtk_widget_set_visible (GTK_WIDGET (memo), TRUE);
    }
  else
    {
      gtk_label_set_label (memo, "");
      gtk_widget_set_visible (GTK_WIDGET (memo), FALSE);
    }

  gtk_label_set_label (who, stakeholder);

  if (old_css != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), old_css);
  if (stance != NULL)
    {
      char *css = g_strdup_printf ("sp-stance-%s", sp_stance_to_string (item->stance));

      gtk_widget_add_css_class (GTK_WIDGET (badge), css);
      g_object_set_data_full (G_OBJECT (badge), "sp-stance-css", css, g_free);
      gtk_label_set_label (badge, stance);
      gtk_widget_set_visible (GTK_WIDGET (badge), TRUE);
    }
  else
    {
      g_object_set_data (G_OBJECT (badge), "sp-stance-css", NULL);
      gtk_widget_set_visible (GTK_WIDGET (badge), FALSE);
    }

  /* Translators: how a screen reader names an annotation row: themes, stakeholder, quote */
  accessible = g_strdup_printf (_("%s; %s; %s"), gtk_label_get_text (chips), stakeholder, quote_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
fill_filter (GtkDropDown *dropdown,
             GArray      *ids,
             const char  *any,
             GPtrArray   *items,
             gboolean     themes)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep = sp_filter_dropdown_selected_id (dropdown, ids);
  guint selected = 0;
  gint64 zero = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, any);
  g_array_append_val (ids, zero);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gint64 id;
      const char *name;

      if (themes)
        {
          SpThemeInfo *theme = g_ptr_array_index (items, i);

          id = theme->id;
          name = theme->name;
        }
      else
        {
          SpStakeholderInfo *info = g_ptr_array_index (items, i);

          id = info->id;
          name = info->name;
        }

      if (id == keep)
        selected = ids->len;
      gtk_string_list_append (names, name);
      g_array_append_val (ids, id);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}


/* Listing */

static void
set_items (SpAnnotationsPanel *self,
           GPtrArray          *items)
{
  gint64 selected = selected_annotation (self);

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected != 0)
    select_annotation (self, selected);
}

/* Lists what came while the panel was hidden */
static void
ensure_fresh (SpAnnotationsPanel *self)
{
  g_autoptr(GPtrArray) items = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean resort = FALSE;

  if (!self->stale)
    return;

  self->stale = FALSE;
  items = g_ptr_array_new_full (self->pending != NULL ? self->pending->len : 0, g_object_unref);

  for (guint i = 0; self->pending != NULL && i < self->pending->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (self->pending, i);

      if (!g_hash_table_contains (self->pending_updates, &info->id))
        g_ptr_array_add (items, sp_annotation_item_new (info));
    }

  g_hash_table_iter_init (&iter, self->pending_updates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != NULL)
      {
        g_ptr_array_add (items, g_object_ref (value));
        resort = TRUE;
      }
  if (resort)
    g_ptr_array_sort (items, compare_item_ptrs);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_hash_table_remove_all (self->pending_updates);

  set_items (self, items);
}

void
sp_annotations_panel_set_annotations (SpAnnotationsPanel *self,
                                      GPtrArray          *annotations,
                                      GPtrArray          *themes,
                                      GPtrArray          *stakeholders)
{
  g_return_if_fail (SP_IS_ANNOTATIONS_PANEL (self));

  self->filling = TRUE;
  fill_filter (self->theme_filter, self->theme_ids, _("All themes"), themes, TRUE);
  fill_filter (self->stakeholder_filter, self->stakeholder_ids, _("All stakeholders"), stakeholders, FALSE);
  self->filling = FALSE;

  g_hash_table_remove_all (self->colors);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);
      gint64 *id = g_new (gint64, 1);

      *id = theme->id;
      g_hash_table_insert (self->colors, id, g_strdup (theme->color));
    }

  /* The theme colours or the filters may have changed for every row */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_hash_table_remove_all (self->pending_updates);
  self->pending = annotations != NULL ? g_ptr_array_ref (annotations) : NULL;
  self->stale = TRUE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_fresh (self);
}

static gboolean
find_item (SpAnnotationsPanel *self,
           gint64              id,
           guint              *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      SpAnnotationItem *item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      gboolean found = item->id == id;

      g_object_unref (item);  /* the store keeps it */
      if (found)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
sp_annotations_panel_update_annotation (SpAnnotationsPanel     *self,
                                        gint64                  id,
                                        const SpAnnotationInfo *info)
{
  g_autoptr(SpAnnotationItem) item = NULL;
  gint64 selected;
  guint position;

  g_return_if_fail (SP_IS_ANNOTATIONS_PANEL (self));
  g_return_if_fail (info == NULL || info->id == id);

  if (info != NULL)
    item = sp_annotation_item_new (info);

  if (self->stale)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_insert (self->pending_updates, key, item != NULL ? g_object_ref (item) : NULL);
      return;
    }

  selected = selected_annotation (self);
  if (find_item (self, id, &position))
    {
      g_autoptr(SpAnnotationItem) old = g_list_model_get_item (G_LIST_MODEL (self->store), position);

      if (item != NULL && compare_items (old, item, NULL) == 0)
        {
          g_list_store_splice (self->store, position, 1, (gpointer *) &item, 1);
          g_clear_object (&item);
        }
      else
        g_list_store_remove (self->store, position);
    }
  if (item != NULL)
    g_list_store_insert_sorted (self->store, item, compare_items, NULL);

  if (selected == id && info != NULL)
    select_annotation (self, id);
}

GtkListView *
sp_annotations_panel_get_list (SpAnnotationsPanel *self)
{
  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), NULL);

  return self->list;
}

guint
sp_annotations_panel_get_n_annotations (SpAnnotationsPanel *self)
{
  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), 0);

  ensure_fresh (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

guint
sp_annotations_panel_get_n_visible (SpAnnotationsPanel *self)
{
  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), 0);

  ensure_fresh (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

gint64
sp_annotations_panel_get_id_at (SpAnnotationsPanel *self,
                                guint               position)
{
  g_autoptr(SpAnnotationItem) item = NULL;

  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), 0);

  ensure_fresh (self);
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  return item != NULL ? item->id : 0;
}

GtkWidget *
sp_annotations_panel_get_row (SpAnnotationsPanel *self,
                              guint               position)
{
  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), NULL);

  ensure_fresh (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkListItem *list_item = box != NULL ? g_object_get_data (G_OBJECT (box), "sp-list-item") : NULL;

      if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL &&
          gtk_list_item_get_position (list_item) == position)
        return row;
    }

  return NULL;
}

static void
select_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  gtk_drop_down_set_selected (dropdown, 0);
}

void
sp_annotations_panel_set_filter (SpAnnotationsPanel *self,
                                 gint64              theme_id,
                                 gint64              stakeholder_id,
                                 SpStance            stance)
{
  g_return_if_fail (SP_IS_ANNOTATIONS_PANEL (self));

  self->filling = TRUE;
  select_id (self->theme_filter, self->theme_ids, theme_id);
  select_id (self->stakeholder_filter, self->stakeholder_ids, stakeholder_id);
  gtk_drop_down_set_selected (self->stance_filter, stance);
  self->filling = FALSE;
  filter_changed_cb (self);
}

/* GObject */

static void
sp_annotations_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sp_annotations_panel_parent_class)->map (widget);

  ensure_fresh (SP_ANNOTATIONS_PANEL (widget));
}

static void
sp_annotations_panel_dispose (GObject *object)
{
  SpAnnotationsPanel *self = SP_ANNOTATIONS_PANEL (object);
  GtkWidget *child;

  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_ANNOTATIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_annotations_panel_parent_class)->dispose (object);
}

static void
sp_annotations_panel_finalize (GObject *object)
{
  SpAnnotationsPanel *self = SP_ANNOTATIONS_PANEL (object);

  g_clear_pointer (&self->theme_ids, g_array_unref);
  g_clear_pointer (&self->stakeholder_ids, g_array_unref);
  g_clear_pointer (&self->colors, g_hash_table_unref);
  g_clear_pointer (&self->pending_updates, g_hash_table_unref);

  G_OBJECT_CLASS (sp_annotations_panel_parent_class)->finalize (object);
}

static void
sp_annotations_panel_class_init (SpAnnotationsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_annotations_panel_dispose;
  object_class->finalize = sp_annotations_panel_finalize;
  widget_class->map = sp_annotations_panel_map;

  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EDIT_ANNOTATION] =
    g_signal_new ("edit-annotation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE_ANNOTATION] =
    g_signal_new ("delete-annotation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-annotations-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, stakeholder_filter);
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, stance_filter);
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationspanel");
}

static void
sp_annotations_panel_init (SpAnnotationsPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stakeholder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->pending_updates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, clear_item);

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_a11y_name_drop_down_button (self->theme_filter, _("Filter by theme"));
  sp_a11y_name_drop_down_button (self->stakeholder_filter, _("Filter by stakeholder"));
  sp_a11y_name_drop_down_button (self->stance_filter, _("Filter by stance"));

  sp_filter_dropdown_use_string_expression (self->theme_filter);
  sp_filter_dropdown_use_string_expression (self->stakeholder_filter);

  self->filling = TRUE;
  sp_filter_dropdown_set_stances (self->stance_filter);
  self->filling = FALSE;

  self->placeholder = gtk_label_new (_("No annotations yet. Select a passage and press a theme’s key, or T to tag it."));
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (self->placeholder, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->placeholder, 24);
  gtk_widget_set_margin_start (self->placeholder, 18);
  gtk_widget_set_margin_end (self->placeholder, 18);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_stack_add_named (self->stack, self->placeholder, "empty");

  self->store = g_list_store_new (SP_TYPE_ANNOTATION_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_filter_list_model_set_incremental (self->filtered, FALSE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));

  update_count (self);
}
