/* sp-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "sp-sidebar.h"
#include "sp-ui-rows.h"

#define ROW_ID_KEY "sp-row-id"

struct _SpSidebar
{
  GtkWidget   parent_instance;

  GtkWidget  *scrolled_window;
  GtkListBox *document_list;
  GtkListBox *stakeholder_list;
  GtkListBox *theme_list;
  GtkLabel   *documents_count;
  GtkLabel   *stakeholders_count;
  GtkLabel   *themes_count;
  GtkPopover *stakeholder_menu;
  gint64      menu_stakeholder;

  SpProject  *project;
  gulong      changed_id;
  /* Changes are applied together when the main loop is idle: an import
   * announces each file, and redraws must not wait behind reloads. */
  guint       pending_changes;
  guint       reload_idle_id;

  guint       n_documents;
  guint       n_stakeholders;
  guint       n_themes;
  gint64      selected_document;
  /* Set while the lists are rebuilt, so that re-selecting the row that was
   * selected does not announce a new selection. */
  gboolean    reloading;
};

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_DOCUMENT,
  PROP_N_DOCUMENTS,
  N_PROPS
};

enum {
  DOCUMENT_SELECTED,
  STAKEHOLDER_ACTIVATED,
  STAKEHOLDER_EDIT,
  THEME_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpSidebar, sp_sidebar, GTK_TYPE_WIDGET)

gint64
sp_sidebar_row_get_id (GtkListBoxRow *row)
{
  gint64 *id;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), 0);

  id = g_object_get_data (G_OBJECT (row), ROW_ID_KEY);
  return id != NULL ? *id : 0;
}

static void
row_set_id (GtkWidget *row,
            gint64     id)
{
  g_object_set_data_full (G_OBJECT (row), ROW_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
make_row (GtkWidget  *prefix,
          const char *title,
          const char *subtitle,
          gint64      id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), prefix);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title_label, "sp-row-title");
  gtk_box_append (GTK_BOX (labels), title_label);

  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (labels), subtitle_label);

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, title);
  row_set_id (row, id);

  /* Screen readers read the row as "title, subtitle" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return row;
}

static char *
document_subtitle (SpSidebar      *self,
                   SpDocumentInfo *info)
{
  guint n_pages;
  guint n_paragraphs;

  if (info->kind == SP_DOCUMENT_KIND_TRANSCRIPT || info->kind == SP_DOCUMENT_KIND_SUBTITLES)
    {
      g_autofree char *turns = g_strdup_printf (ngettext ("%u turn", "%u turns", info->n_turns),
                                                info->n_turns);

      /* Translators: a document's kind and size in the sidebar, "Transcript · 41 turns" */
      return g_strdup_printf (_("%s · %s"),
                              info->kind == SP_DOCUMENT_KIND_TRANSCRIPT ? _("Transcript") : _("Subtitles"),
                              turns);
    }

  /* Reports and texts: their length in pages (if they came from pages) or
   * paragraphs. */
  n_pages = info->n_pages;
  n_paragraphs = info->n_paragraphs;

  {
    const char *kind;
    g_autofree char *size = NULL;

    switch (info->kind)
      {
      case SP_DOCUMENT_KIND_REPORT:
        kind = _("Report");
        break;
      case SP_DOCUMENT_KIND_PDF:
        kind = _("PDF");
        break;
      case SP_DOCUMENT_KIND_TEXT:
      case SP_DOCUMENT_KIND_TRANSCRIPT:
      case SP_DOCUMENT_KIND_SUBTITLES:
      default:
        kind = _("Text");
        break;
      }

    if (n_pages > 1)
      size = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
    else
      size = g_strdup_printf (ngettext ("%u paragraph", "%u paragraphs", n_paragraphs), n_paragraphs);

    return g_strdup_printf (_("%s · %s"), kind, size);
  }
}

static const char *
document_icon (SpDocumentKind kind)
{
  switch (kind)
    {
    case SP_DOCUMENT_KIND_TRANSCRIPT:
    case SP_DOCUMENT_KIND_SUBTITLES:
      return "audio-input-microphone-symbolic";
    case SP_DOCUMENT_KIND_REPORT:
    case SP_DOCUMENT_KIND_PDF:
      return "x-office-document-symbolic";
    case SP_DOCUMENT_KIND_TEXT:
    default:
      return "text-x-generic-symbolic";
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = n > 0 ? g_strdup_printf ("%u", n) : NULL;

  gtk_label_set_label (label, text != NULL ? text : "");
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
reload_documents (SpSidebar *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *to_select = NULL;
  gint64 selected = self->selected_document;

  clear_list (self->document_list);
  self->n_documents = 0;

  if (self->project != NULL && sp_project_is_open (self->project))
    {
      documents = sp_project_list_documents (self->project, &error);
      if (documents == NULL)
        gtk_list_box_set_placeholder (self->document_list, make_placeholder (error->message));
      else
        gtk_list_box_set_placeholder (self->document_list,
                                      make_placeholder (_("No documents yet. Import reports and transcripts to read them here.")));
    }
  else
    gtk_list_box_set_placeholder (self->document_list, NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autofree char *subtitle = document_subtitle (self, info);
      GtkWidget *icon = gtk_image_new_from_icon_name (document_icon (info->kind));
      GtkWidget *row;

      row = make_row (icon, info->title, subtitle, info->id);
      gtk_list_box_append (self->document_list, row);
      self->n_documents++;

      if (info->id == selected)
        to_select = GTK_LIST_BOX_ROW (row);
    }

  set_count (self->documents_count, self->n_documents);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);

  self->reloading = TRUE;
  gtk_list_box_select_row (self->document_list, to_select);
  self->reloading = FALSE;

  /* The document shown is gone */
  if (to_select == NULL && selected != 0)
    {
      self->selected_document = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOCUMENT]);
      g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, (gint64) 0);
    }
}

static void
reload_stakeholders (SpSidebar *self)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->stakeholder_list);
  self->n_stakeholders = 0;

  if (self->project != NULL && sp_project_is_open (self->project))
    {
      stakeholders = sp_project_list_stakeholders (self->project, &error);
      if (stakeholders == NULL)
        gtk_list_box_set_placeholder (self->stakeholder_list, make_placeholder (error->message));
      else
        gtk_list_box_set_placeholder (self->stakeholder_list,
                                      make_placeholder (_("The speakers of imported transcripts appear here.")));
    }
  else
    gtk_list_box_set_placeholder (self->stakeholder_list, NULL);

  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      SpStakeholderInfo *info = g_ptr_array_index (stakeholders, i);
      gint64 n_annotations = sp_project_count_stakeholder_annotations (self->project, info->id, NULL);
      g_autofree char *turns = g_strdup_printf (ngettext ("%u turn", "%u turns", info->n_turns),
                                                info->n_turns);
      g_autofree char *counts = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *avatar = adw_avatar_new (32, info->name, TRUE);
      GtkWidget *row;

      n_annotations = MAX (n_annotations, 0);
      /* Translators: a stakeholder's counts in the sidebar, "4 turns · 3 annotations" */
      counts = g_strdup_printf (ngettext ("%s · %u annotation", "%s · %u annotations", (gulong) n_annotations),
                                turns, (guint) n_annotations);

      if (info->organisation != NULL && info->organisation[0] != '\0')
        subtitle = g_strdup_printf (_("%s · %s"), info->organisation, counts);
      else
        subtitle = g_steal_pointer (&counts);

      row = make_row (avatar, info->name, subtitle, info->id);
      tooltip = g_strdup_printf (_("Go to the next turn by %s"), info->name);
      gtk_widget_set_tooltip_text (row, tooltip);
      g_object_set_data_full (G_OBJECT (row), "sp-stakeholder-name", g_strdup (info->name), g_free);
      gtk_list_box_append (self->stakeholder_list, row);
      self->n_stakeholders++;
    }

  set_count (self->stakeholders_count, self->n_stakeholders);
}

static GtkWidget *
make_theme_row (SpThemeInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = sp_theme_dot_new (info->color);
  GtkWidget *name = sp_row_name_label_new (info->name);
  GtkWidget *count;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 4 + 16 * (int) MIN (info->depth, 6));

  gtk_widget_add_css_class (dot, "sp-theme-dot");
  gtk_box_append (GTK_BOX (box), dot);

  gtk_widget_add_css_class (name, "sp-theme-name");
  gtk_box_append (GTK_BOX (box), name);

  sp_row_append_keycap (GTK_BOX (box), info->shortcut);

  count = sp_row_count_label_new (info->n_annotations);
  gtk_widget_add_css_class (count, "sp-theme-count");
  gtk_box_append (GTK_BOX (box), count);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  row_set_id (row, info->id);
  g_object_set_data (G_OBJECT (row), "sp-theme-count", count);

  description = g_strdup_printf (ngettext ("%u annotation", "%u annotations", info->n_annotations),
                                 info->n_annotations);
  if (info->description != NULL && info->description[0] != '\0')
    tooltip = g_strdup_printf ("%s\n%s", info->description, description);
  else
    tooltip = g_strdup (description);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return row;
}

static void
reload_themes (SpSidebar *self)
{
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->theme_list);
  self->n_themes = 0;

  if (self->project != NULL && sp_project_is_open (self->project))
    {
      themes = sp_project_list_themes (self->project, &error);
      if (themes == NULL)
        gtk_list_box_set_placeholder (self->theme_list, make_placeholder (error->message));
      else
        gtk_list_box_set_placeholder (self->theme_list,
                                      make_placeholder (_("No themes yet. Add them in the codebook to tag passages.")));
    }
  else
    gtk_list_box_set_placeholder (self->theme_list, NULL);

  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      gtk_list_box_append (self->theme_list, make_theme_row (g_ptr_array_index (themes, i)));
      self->n_themes++;
    }

  set_count (self->themes_count, self->n_themes);
}

void
sp_sidebar_reload (SpSidebar *self)
{
  g_return_if_fail (SP_IS_SIDEBAR (self));

  g_clear_handle_id (&self->reload_idle_id, g_source_remove);
  self->pending_changes = 0;

  reload_documents (self);
  reload_stakeholders (self);
  reload_themes (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SpSidebar *self = user_data;
  guint what = self->pending_changes;

  self->reload_idle_id = 0;
  self->pending_changes = 0;

  if (what & SP_PROJECT_CHANGE_DOCUMENTS)
    reload_documents (self);
  if (what & (SP_PROJECT_CHANGE_STAKEHOLDERS | SP_PROJECT_CHANGE_DOCUMENTS | SP_PROJECT_CHANGE_ANNOTATIONS))
    reload_stakeholders (self);
  if (what & (SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_ANNOTATIONS | SP_PROJECT_CHANGE_DOCUMENTS))
    reload_themes (self);

  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (SpSidebar *self,
                    guint      what,
                    SpProject *project)
{
  g_assert (SP_IS_SIDEBAR (self));

  self->pending_changes |= what;
  if (self->reload_idle_id == 0)
    self->reload_idle_id = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static void
document_row_selected_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          SpSidebar     *self)
{
  gint64 id = row != NULL ? sp_sidebar_row_get_id (row) : 0;

  g_assert (SP_IS_SIDEBAR (self));

  if (self->reloading || id == self->selected_document)
    return;

  self->selected_document = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOCUMENT]);
  g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, id);
}

static void
stakeholder_row_activated_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              SpSidebar     *self)
{
  g_assert (SP_IS_SIDEBAR (self));

  g_signal_emit (self, signals[STAKEHOLDER_ACTIVATED], 0,
                 sp_sidebar_row_get_id (row),
                 g_object_get_data (G_OBJECT (row), "sp-stakeholder-name"));
}

static void
theme_row_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        SpSidebar     *self)
{
  g_assert (SP_IS_SIDEBAR (self));

  g_signal_emit (self, signals[THEME_ACTIVATED], 0, sp_sidebar_row_get_id (row));
}

/* Editing a stakeholder: double-click, Enter, or the row's context menu */

static void
emit_stakeholder_edit (SpSidebar *self,
                       gint64     id)
{
  if (id != 0)
    g_signal_emit (self, signals[STAKEHOLDER_EDIT], 0, id);
}

static void
stakeholder_double_click_cb (GtkGestureClick *gesture,
                             int              n_press,
                             double           x,
                             double           y,
                             SpSidebar       *self)
{
  GtkListBoxRow *row;

  if (n_press != 2)
    return;

  row = gtk_list_box_get_row_at_y (self->stakeholder_list, (int) y);
  if (row != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      emit_stakeholder_edit (self, sp_sidebar_row_get_id (row));
    }
}

static void
popup_stakeholder_menu (SpSidebar     *self,
                        GtkListBoxRow *row,
                        double         x,
                        double         y)
{
  graphene_point_t point;

  self->menu_stakeholder = sp_sidebar_row_get_id (row);
  if (x < 0 || !gtk_widget_compute_point (GTK_WIDGET (self->stakeholder_list), GTK_WIDGET (self),
                                          &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
        return;
      point.x = bounds.origin.x + bounds.size.width / 2;
      point.y = bounds.origin.y + bounds.size.height;
    }

  gtk_popover_set_pointing_to (self->stakeholder_menu,
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (self->stakeholder_menu);
}

static void
stakeholder_right_click_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            SpSidebar       *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->stakeholder_list, (int) y);

  if (row == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_stakeholder_menu (self, row, x, y);
}

static gboolean
stakeholder_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            SpSidebar             *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus;

  while (row != NULL && !GTK_IS_LIST_BOX_ROW (row))
    row = gtk_widget_get_parent (row);
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->stakeholder_list))
    return GDK_EVENT_PROPAGATE;

  state &= gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) && state == 0)
    {
      emit_stakeholder_edit (self, sp_sidebar_row_get_id (GTK_LIST_BOX_ROW (row)));
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && state == GDK_SHIFT_MASK))
    {
      popup_stakeholder_menu (self, GTK_LIST_BOX_ROW (row), -1, -1);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
stakeholder_menu_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SpSidebar *self = SP_SIDEBAR (widget);
  gint64 id = self->menu_stakeholder;

  gtk_popover_popdown (self->stakeholder_menu);

  if (g_str_equal (action_name, "sidebar.edit-stakeholder"))
    emit_stakeholder_edit (self, id);
  else
    {
      GtkWidget *child;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->stakeholder_list));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_BOX_ROW (child) && sp_sidebar_row_get_id (GTK_LIST_BOX_ROW (child)) == id)
          stakeholder_row_activated_cb (self->stakeholder_list, GTK_LIST_BOX_ROW (child), self);
    }
}

void
sp_sidebar_set_project (SpSidebar *self,
                        SpProject *project)
{
  g_return_if_fail (SP_IS_SIDEBAR (self));
  g_return_if_fail (project == NULL || SP_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_id = g_signal_connect_object (project, "changed",
                                                G_CALLBACK (project_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  self->selected_document = 0;
  sp_sidebar_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOCUMENT]);
}

SpProject *
sp_sidebar_get_project (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), NULL);

  return self->project;
}

gint64
sp_sidebar_get_selected_document (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), 0);

  return self->selected_document;
}

gboolean
sp_sidebar_select_document (SpSidebar *self,
                            gint64     document_id)
{
  GtkWidget *child;

  g_return_val_if_fail (SP_IS_SIDEBAR (self), FALSE);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->document_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          sp_sidebar_row_get_id (GTK_LIST_BOX_ROW (child)) == document_id)
        {
          gtk_list_box_select_row (self->document_list, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }

  return FALSE;
}

guint
sp_sidebar_get_n_documents (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), 0);

  return self->n_documents;
}

guint
sp_sidebar_get_n_stakeholders (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), 0);

  return self->n_stakeholders;
}

GtkListBox *
sp_sidebar_get_document_list (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), NULL);

  return self->document_list;
}

GtkListBox *
sp_sidebar_get_stakeholder_list (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), NULL);

  return self->stakeholder_list;
}

GtkListBox *
sp_sidebar_get_theme_list (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), NULL);

  return self->theme_list;
}

guint
sp_sidebar_get_n_themes (SpSidebar *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR (self), 0);

  return self->n_themes;
}

guint
sp_sidebar_theme_row_get_n_annotations (GtkListBoxRow *row)
{
  GtkLabel *count;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), 0);

  count = g_object_get_data (G_OBJECT (row), "sp-theme-count");
  return count != NULL ? (guint) g_ascii_strtoull (gtk_label_get_label (count), NULL, 10) : 0;
}

GtkListBoxRow *
sp_sidebar_find_row (GtkListBox *list,
                     gint64      id)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && sp_sidebar_row_get_id (GTK_LIST_BOX_ROW (child)) == id)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

GtkWidget *
sp_sidebar_new (void)
{
  return g_object_new (SP_TYPE_SIDEBAR, NULL);
}

static void
sp_sidebar_dispose (GObject *object)
{
  SpSidebar *self = SP_SIDEBAR (object);

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_clear_handle_id (&self->reload_idle_id, g_source_remove);
  if (self->stakeholder_menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stakeholder_menu));
      self->stakeholder_menu = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SIDEBAR);

  G_OBJECT_CLASS (sp_sidebar_parent_class)->dispose (object);
}

static void
sp_sidebar_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SpSidebar *self = SP_SIDEBAR (widget);

  GTK_WIDGET_CLASS (sp_sidebar_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->stakeholder_menu != NULL && gtk_widget_get_visible (GTK_WIDGET (self->stakeholder_menu)))
    gtk_popover_present (self->stakeholder_menu);
}

static void
sp_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpSidebar *self = SP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SELECTED_DOCUMENT:
      g_value_set_int64 (value, self->selected_document);
      break;

    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpSidebar *self = SP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      sp_sidebar_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sidebar_class_init (SpSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_sidebar_dispose;
  object_class->get_property = sp_sidebar_get_property;
  object_class->set_property = sp_sidebar_set_property;
  widget_class->size_allocate = sp_sidebar_size_allocate;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         SP_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_DOCUMENT] =
    g_param_spec_int64 ("selected-document", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpSidebar::document-selected:
   * @document_id: the document now selected, 0 for none
   */
  signals[DOCUMENT_SELECTED] =
    g_signal_new ("document-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SpSidebar::stakeholder-activated:
   * @stakeholder_id: the stakeholder's id
   * @name: the stakeholder's name
   */
  signals[STAKEHOLDER_ACTIVATED] =
    g_signal_new ("stakeholder-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * SpSidebar::stakeholder-edit:
   * @stakeholder_id: the stakeholder to edit
   *
   * Double-click, Enter or "Edit…" in a stakeholder row's context menu.
   */
  signals[STAKEHOLDER_EDIT] =
    g_signal_new ("stakeholder-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SpSidebar::theme-activated:
   * @theme_id: the theme clicked
   */
  signals[THEME_ACTIVATED] =
    g_signal_new ("theme-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "sidebar.edit-stakeholder", NULL, stakeholder_menu_action);
  gtk_widget_class_install_action (widget_class, "sidebar.go-to-stakeholder", NULL, stakeholder_menu_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, document_list);
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, stakeholder_list);
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, documents_count);
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, stakeholders_count);
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, theme_list);
  gtk_widget_class_bind_template_child (widget_class, SpSidebar, themes_count);
  gtk_widget_class_bind_template_callback (widget_class, theme_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stakeholder_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "projectsidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_sidebar_init (SpSidebar *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (stakeholder_double_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stakeholder_list), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (stakeholder_right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stakeholder_list), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (stakeholder_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stakeholder_list), controller);

  g_menu_append (menu, _("_Go to Their Turns"), "sidebar.go-to-stakeholder");
  g_menu_append (menu, _("_Edit Stakeholder…"), "sidebar.edit-stakeholder");
  self->stakeholder_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
  gtk_popover_set_has_arrow (self->stakeholder_menu, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->stakeholder_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->stakeholder_menu), GTK_WIDGET (self));
}
