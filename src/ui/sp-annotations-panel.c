/* sp-annotations-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-annotations-panel.h"
#include "sp-a11y.h"

#define QUOTE_MAX_CHARS 240
#define MEMO_MAX_CHARS  160

struct _SpAnnotationsPanel
{
  GtkWidget    parent_instance;

  GtkLabel    *count_label;
  GtkDropDown *theme_filter;
  GtkDropDown *stakeholder_filter;
  GtkDropDown *stance_filter;
  GtkListBox  *list;

  GArray      *theme_ids;        /* gint64 by theme filter position (0: any) */
  GArray      *stakeholder_ids;  /* likewise */
  guint        n_rows;
  gboolean     filling;
};

enum {
  ANNOTATION_ACTIVATED,
  EDIT_ANNOTATION,
  DELETE_ANNOTATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpAnnotationsPanel, sp_annotations_panel, GTK_TYPE_WIDGET)

typedef struct
{
  gint64    id;
  GArray   *theme_ids;
  gint64    stakeholder_id;
  SpStance  stance;
} RowData;

static void
row_data_free (gpointer data)
{
  RowData *row = data;

  g_clear_pointer (&row->theme_ids, g_array_unref);
  g_free (row);
}

static const char *
stance_label (SpStance stance)
{
  switch (stance)
    {
    case SP_STANCE_SUPPORTS: return _("Supports");
    case SP_STANCE_OPPOSES:  return _("Opposes");
    case SP_STANCE_MIXED:    return _("Mixed");
    case SP_STANCE_NEUTRAL:  return _("Neutral");
    case SP_STANCE_UNCLEAR:  return _("Unclear");
    case SP_STANCE_NONE:
    default:                 return NULL;
    }
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

/* Rows */

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static gboolean
filter_func (GtkListBoxRow *list_row,
             gpointer       user_data)
{
  SpAnnotationsPanel *self = user_data;
  RowData *row = g_object_get_data (G_OBJECT (list_row), "sp-annotation");
  gint64 theme_id = selected_id (self->theme_filter, self->theme_ids);
  gint64 stakeholder_id = selected_id (self->stakeholder_filter, self->stakeholder_ids);
  guint stance = gtk_drop_down_get_selected (self->stance_filter);

  if (row == NULL)
    return TRUE;
  if (stakeholder_id != 0 && row->stakeholder_id != stakeholder_id)
    return FALSE;
  if (stance != GTK_INVALID_LIST_POSITION && stance != SP_STANCE_NONE && row->stance != (SpStance) stance)
    return FALSE;
  if (theme_id != 0)
    {
      for (guint i = 0; row->theme_ids != NULL && i < row->theme_ids->len; i++)
        if (g_array_index (row->theme_ids, gint64, i) == theme_id)
          return TRUE;
      return FALSE;
    }

  return TRUE;
}

static void
update_count (SpAnnotationsPanel *self)
{
  guint visible = sp_annotations_panel_get_n_visible (self);
  g_autofree char *text = NULL;

  if (visible == self->n_rows)
    text = g_strdup_printf ("%u", self->n_rows);
  else
    /* Translators: annotations shown by the filters, of all, "3 of 12" */
    text = g_strdup_printf (_("%u of %u"), visible, self->n_rows);
  gtk_label_set_label (self->count_label, text);
}

static void
filter_changed_cb (SpAnnotationsPanel *self)
{
  if (self->filling)
    return;

  gtk_list_box_invalidate_filter (self->list);
  update_count (self);
}

static void
row_activated_cb (SpAnnotationsPanel *self,
                  GtkListBoxRow      *row)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, sp_annotations_panel_row_get_id (row));
}

static void
edit_clicked_cb (GtkButton          *button,
                 SpAnnotationsPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  g_signal_emit (self, signals[EDIT_ANNOTATION], 0, sp_annotations_panel_row_get_id (GTK_LIST_BOX_ROW (row)));
}

static void
delete_clicked_cb (GtkButton          *button,
                   SpAnnotationsPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_signal_emit (self, signals[DELETE_ANNOTATION], 0, sp_annotations_panel_row_get_id (GTK_LIST_BOX_ROW (row)));
}

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

static GtkWidget *
row_new (SpAnnotationsPanel *self,
         SpAnnotationInfo   *info,
         GHashTable         *colors)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *chips = gtk_label_new (NULL);
  GtkWidget *quote;
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who;
  GtkWidget *button;
  GString *markup = g_string_new (NULL);
  g_autofree char *quote_text = excerpt (info->quote, QUOTE_MAX_CHARS);
  g_autofree char *quoted = NULL;
  g_autofree char *accessible = NULL;
  const char *stance = stance_label (info->stance);
  RowData *data = g_new0 (RowData, 1);

  gtk_widget_add_css_class (row, "sp-annotation-row");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 2);

  /* Theme chips */
  for (guint i = 0; info->theme_names != NULL && info->theme_names[i] != NULL; i++)
    {
      const char *color = NULL;
      g_autofree char *chip = NULL;

      if (info->theme_ids != NULL && i < info->theme_ids->len)
        color = g_hash_table_lookup (colors, &g_array_index (info->theme_ids, gint64, i));
      chip = g_markup_printf_escaped ("%s<span foreground=\"%s\">●</span> %s",
                                      i > 0 ? "   " : "",
                                      color != NULL ? color : "#9a9996",
                                      info->theme_names[i]);
      g_string_append (markup, chip);
    }
  if (markup->len == 0)
    {
      g_autofree char *none = g_markup_escape_text (_("No theme"), -1);

      g_string_append (markup, none);
    }
  gtk_label_set_markup (GTK_LABEL (chips), markup->str);
  g_string_free (markup, TRUE);
  gtk_label_set_xalign (GTK_LABEL (chips), 0);
  gtk_label_set_wrap (GTK_LABEL (chips), TRUE);
  gtk_widget_add_css_class (chips, "sp-annotation-themes");
  gtk_box_append (GTK_BOX (box), chips);

  /* Translators: an annotation's quote in the side panel */
  quoted = g_strdup_printf (_("“%s”"), quote_text);
  quote = gtk_label_new (quoted);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 40);
  gtk_label_set_width_chars (GTK_LABEL (quote), 20);
  gtk_widget_add_css_class (quote, "sp-annotation-quote");
  gtk_box_append (GTK_BOX (box), quote);

  if (info->memo != NULL && info->memo[0] != '\0')
    {
      g_autofree char *memo_text = excerpt (info->memo, MEMO_MAX_CHARS);
      GtkWidget *memo = gtk_label_new (memo_text);

      gtk_label_set_xalign (GTK_LABEL (memo), 0);
      gtk_label_set_wrap (GTK_LABEL (memo), TRUE);
      gtk_label_set_lines (GTK_LABEL (memo), 2);
      gtk_label_set_ellipsize (GTK_LABEL (memo), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (memo), 40);
      gtk_widget_add_css_class (memo, "sp-annotation-memo");
      gtk_box_append (GTK_BOX (box), memo);
    }

  who = gtk_label_new (info->stakeholder != NULL ? info->stakeholder : _("No stakeholder"));
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (who, "sp-annotation-stakeholder");
  gtk_box_append (GTK_BOX (footer), who);

  if (stance != NULL)
    {
      GtkWidget *badge = gtk_label_new (stance);
      g_autofree char *css = g_strdup_printf ("sp-stance-%s", sp_stance_to_string (info->stance));

      gtk_widget_add_css_class (badge, "sp-stance-badge");
      gtk_widget_add_css_class (badge, css);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (footer), badge);
    }

  gtk_widget_set_hexpand (who, FALSE);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (footer), spacer);
  }

  button = icon_button_new ("document-edit-symbolic", _("Edit Annotation"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (footer), button);
  button = icon_button_new ("user-trash-symbolic", _("Delete Annotation"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (footer), button);
  gtk_box_append (GTK_BOX (box), footer);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: how a screen reader names an annotation row: themes, stakeholder, quote */
  accessible = g_strdup_printf (_("%s; %s; %s"),
                                gtk_label_get_text (GTK_LABEL (chips)),
                                info->stakeholder != NULL ? info->stakeholder : _("No stakeholder"),
                                quote_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  data->id = info->id;
  data->theme_ids = info->theme_ids != NULL ? g_array_ref (info->theme_ids) : NULL;
  data->stakeholder_id = info->stakeholder_id;
  data->stance = info->stance;
  g_object_set_data_full (G_OBJECT (row), "sp-annotation", data, row_data_free);

  return row;
}

static void
fill_filter (GtkDropDown *dropdown,
             GArray      *ids,
             const char  *any,
             GPtrArray   *items,
             gboolean     themes)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep = selected_id (dropdown, ids);
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

void
sp_annotations_panel_set_annotations (SpAnnotationsPanel *self,
                                      GPtrArray          *annotations,
                                      GPtrArray          *themes,
                                      GPtrArray          *stakeholders)
{
  g_autoptr(GHashTable) colors = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkListBoxRow *selected;
  gint64 selected_annotation = 0;
  GtkWidget *child;

  g_return_if_fail (SP_IS_ANNOTATIONS_PANEL (self));

  if ((selected = gtk_list_box_get_selected_row (self->list)) != NULL)
    selected_annotation = sp_annotations_panel_row_get_id (selected);

  self->filling = TRUE;
  fill_filter (self->theme_filter, self->theme_ids, _("All themes"), themes, TRUE);
  fill_filter (self->stakeholder_filter, self->stakeholder_ids, _("All stakeholders"), stakeholders, FALSE);
  self->filling = FALSE;

  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);

      g_hash_table_insert (colors, &theme->id, theme->color);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  self->n_rows = 0;
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (annotations, i);
      GtkWidget *row = row_new (self, info, colors);

      gtk_list_box_append (self->list, row);
      if (info->id == selected_annotation)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
      self->n_rows++;
    }

  gtk_list_box_invalidate_filter (self->list);
  update_count (self);
}

GtkListBox *
sp_annotations_panel_get_list (SpAnnotationsPanel *self)
{
  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), NULL);

  return self->list;
}

guint
sp_annotations_panel_get_n_visible (SpAnnotationsPanel *self)
{
  guint n = 0;

  g_return_val_if_fail (SP_IS_ANNOTATIONS_PANEL (self), 0);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (filter_func (row, self))
        n++;
    }

  return n;
}

gint64
sp_annotations_panel_row_get_id (GtkListBoxRow *row)
{
  RowData *data;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), 0);

  data = g_object_get_data (G_OBJECT (row), "sp-annotation");
  return data != NULL ? data->id : 0;
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

  select_id (self->theme_filter, self->theme_ids, theme_id);
  select_id (self->stakeholder_filter, self->stakeholder_ids, stakeholder_id);
  gtk_drop_down_set_selected (self->stance_filter, stance);
  filter_changed_cb (self);
}

/* GObject */

static void
sp_annotations_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_ANNOTATIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_annotations_panel_parent_class)->dispose (object);
}

static void
sp_annotations_panel_finalize (GObject *object)
{
  SpAnnotationsPanel *self = SP_ANNOTATIONS_PANEL (object);

  g_clear_pointer (&self->theme_ids, g_array_unref);
  g_clear_pointer (&self->stakeholder_ids, g_array_unref);

  G_OBJECT_CLASS (sp_annotations_panel_parent_class)->finalize (object);
}

static void
sp_annotations_panel_class_init (SpAnnotationsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_annotations_panel_dispose;
  object_class->finalize = sp_annotations_panel_finalize;

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
  gtk_widget_class_bind_template_child (widget_class, SpAnnotationsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationspanel");
}

static void
sp_annotations_panel_init (SpAnnotationsPanel *self)
{
  const char *stances[] = {
    _("Any stance"), _("Supports"), _("Opposes"), _("Mixed"), _("Neutral"), _("Unclear"), NULL
  };
  g_autoptr(GtkStringList) stance_names = gtk_string_list_new (stances);
  GtkExpression *expression;
  GtkWidget *placeholder;

  self->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stakeholder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_a11y_name_drop_down_button (self->theme_filter, _("Filter by theme"));
  sp_a11y_name_drop_down_button (self->stakeholder_filter, _("Filter by stakeholder"));
  sp_a11y_name_drop_down_button (self->stance_filter, _("Filter by stance"));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->theme_filter, expression);
  gtk_drop_down_set_expression (self->stakeholder_filter, expression);
  gtk_expression_unref (expression);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->stance_filter, G_LIST_MODEL (stance_names));
  self->filling = FALSE;

  placeholder = gtk_label_new (_("No annotations yet. Select a passage and press a theme’s key, or T to tag it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);

  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
}
