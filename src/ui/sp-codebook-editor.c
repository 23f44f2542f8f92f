/* sp-codebook-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-codebook-editor.h"
#include "sp-project-themes.h"
#include "sp-ui-rows.h"
#include "sp-undo-manager.h"

#define ROW_ID_KEY "sp-theme-id"

struct _SpCodebookEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkListBox       *theme_list;
  GtkStack         *detail_stack;
  AdwEntryRow      *name_row;
  GtkColorButton   *color_button;
  AdwEntryRow      *shortcut_row;
  AdwEntryRow      *description_row;
  AdwEntryRow      *statement_row;
  AdwActionRow     *usage_row;

  SpProject        *project;
  GPtrArray        *themes;        /* SpThemeInfo, tree order */
  gint64            selected;
  gboolean          reloading;

  /* The open question, and the theme ids of its drop-down */
  AdwMessageDialog *dialog;
  GtkDropDown      *dialog_choice;
  GArray           *choice_ids;
  gint64            dialog_theme;
};

G_DEFINE_FINAL_TYPE (SpCodebookEditor, sp_codebook_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SpCodebookEditor *self);

gint64
sp_codebook_editor_row_get_id (GtkListBoxRow *row)
{
  gint64 *id;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), 0);

  id = g_object_get_data (G_OBJECT (row), ROW_ID_KEY);
  return id != NULL ? *id : 0;
}

static SpThemeInfo *
find_theme (SpCodebookEditor *self,
            gint64            id)
{
  for (guint i = 0; self->themes != NULL && i < self->themes->len; i++)
    {
      SpThemeInfo *info = g_ptr_array_index (self->themes, i);

      if (info->id == id)
        return info;
    }

  return NULL;
}

static guint
theme_index (SpCodebookEditor *self,
             gint64            id)
{
  for (guint i = 0; self->themes != NULL && i < self->themes->len; i++)
    if (((SpThemeInfo *) g_ptr_array_index (self->themes, i))->id == id)
      return i;

  return G_MAXUINT;
}

/* Errors */

static void
show_error (SpCodebookEditor *self,
            const char       *message)
{
  sp_error_bar_show (self->error_revealer, self->error_label, GTK_WIDGET (self), message);
}

static void
dismiss_error_cb (SpCodebookEditor *self)
{
  sp_error_bar_dismiss (self->error_revealer, self->error_label);
}

/* Runs a change's result: shows its error, or clears the last one. */
static gboolean
check (SpCodebookEditor *self,
       gboolean          ok,
       GError          **error)
{
  if (sp_error_bar_check (self->error_revealer, self->error_label, GTK_WIDGET (self), ok, error))
    return TRUE;

  /* Put the fields back to what is stored */
  reload (self);
  return FALSE;
}

/* The list and the fields */

static GtkWidget *
make_row (SpThemeInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = sp_theme_dot_new (info->color);
  GtkWidget *name = sp_row_name_label_new (info->name);
  GtkWidget *count;
  g_autofree char *description = g_strdup_printf (ngettext ("%u annotation", "%u annotations",
                                                            info->n_annotations),
                                                  info->n_annotations);
  g_autofree char *label = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 4 + 18 * (int) MIN (info->depth, 8));

  gtk_box_append (GTK_BOX (box), dot);

  /* Long names must not push the fields aside: they ellipsize (the
   * tooltip and the Name field show them whole) */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 26);
  gtk_widget_set_tooltip_text (name, info->name);
  gtk_box_append (GTK_BOX (box), name);

  sp_row_append_keycap (GTK_BOX (box), info->shortcut);

  count = sp_row_count_label_new (info->n_annotations);
  gtk_box_append (GTK_BOX (box), count);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_ID_KEY, g_memdup2 (&info->id, sizeof info->id), g_free);

  /* Translators: a theme in the codebook for screen readers: "name, level 2" */
  label = g_strdup_printf (_("%s, level %u"), info->name, info->depth + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (row, description);

  return row;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_actions (SpCodebookEditor *self)
{
  SpThemeInfo *info = find_theme (self, self->selected);
  gboolean writable = self->project != NULL && sp_project_is_open (self->project) &&
                      !sp_project_is_read_only (self->project);
  gboolean has_previous_sibling = FALSE;
  gboolean has_next_sibling = FALSE;
  SpUndoManager *undo = self->project != NULL ? sp_project_get_undo_manager (self->project) : NULL;

  if (info != NULL)
    {
      for (guint i = 0; i < self->themes->len; i++)
        {
          SpThemeInfo *other = g_ptr_array_index (self->themes, i);

          if (other->parent_id == info->parent_id && other->id != info->id)
            {
              if (other->position < info->position)
                has_previous_sibling = TRUE;
              else
                has_next_sibling = TRUE;
            }
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.add-theme", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.add-sub-theme", writable && info != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.move-up", writable && has_previous_sibling);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.move-down", writable && has_next_sibling);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.indent", writable && has_previous_sibling);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.outdent", writable && info != NULL && info->parent_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.move-to", writable && info != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.merge", writable && info != NULL && self->themes->len > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.delete", writable && info != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.undo",
                                 undo != NULL && sp_undo_manager_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.redo",
                                 undo != NULL && sp_undo_manager_can_redo (undo));
}

static void
show_selected (SpCodebookEditor *self)
{
  SpThemeInfo *info = find_theme (self, self->selected);
  g_autofree char *usage = NULL;
  GdkRGBA rgba;

  if (info == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      update_actions (self);
      return;
    }

  set_entry_text (self->name_row, info->name);
  set_entry_text (self->shortcut_row, info->shortcut);
  set_entry_text (self->description_row, info->description);
  set_entry_text (self->statement_row, info->statement);
  if (info->color != NULL && gdk_rgba_parse (&rgba, info->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  usage = g_strdup_printf (ngettext ("Used by %u annotation", "Used by %u annotations", info->n_annotations),
                           info->n_annotations);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->usage_row), usage);

  gtk_stack_set_visible_child_name (self->detail_stack, "theme");
  update_actions (self);
}

static void
reload (SpCodebookEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean list_had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->theme_list));
  GtkListBoxRow *to_select = NULL;
  GtkWidget *child;

  self->reloading = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->theme_list))) != NULL)
    gtk_list_box_remove (self->theme_list, child);
  g_clear_pointer (&self->themes, g_ptr_array_unref);

  if (self->project != NULL && sp_project_is_open (self->project))
    {
      g_autofree char *title = sp_project_dup_title (self->project);

      adw_window_title_set_subtitle (self->window_title, title);
      self->themes = sp_project_list_themes (self->project, &error);
      if (self->themes == NULL)
        show_error (self, error->message);
    }

  for (guint i = 0; self->themes != NULL && i < self->themes->len; i++)
    {
      SpThemeInfo *info = g_ptr_array_index (self->themes, i);
      GtkWidget *row = make_row (info);

      gtk_list_box_append (self->theme_list, row);
      if (info->id == self->selected)
        to_select = GTK_LIST_BOX_ROW (row);
    }

  if (to_select == NULL)
    self->selected = 0;
  gtk_list_box_select_row (self->theme_list, to_select);
  self->reloading = FALSE;

  if (list_had_focus && to_select != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (to_select));

  show_selected (self);
}

static void
theme_row_selected_cb (SpCodebookEditor *self,
                       GtkListBoxRow    *row)
{
  /* Also while the list is torn down */
  if (self->reloading || self->project == NULL)
    return;

  self->selected = row != NULL ? sp_codebook_editor_row_get_id (row) : 0;
  show_selected (self);
}

static void
project_changed_cb (SpCodebookEditor *self,
                    guint             what)
{
  if (what & (SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_ANNOTATIONS | SP_PROJECT_CHANGE_DOCUMENTS))
    reload (self);
  else
    update_actions (self);
}

/* Fields */

/* What a text field of the selected theme is stored with */
typedef gboolean (*ThemeTextSetter) (SpProject   *project,
                                     gint64       id,
                                     const char  *text,
                                     GError     **error);

static void
apply_text (SpCodebookEditor *self,
            GtkWidget        *field,
            ThemeTextSetter   set)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == 0)
    return;

  check (self, set (self->project, self->selected, gtk_editable_get_text (GTK_EDITABLE (field)), &error), &error);
}

static void
name_apply_cb (SpCodebookEditor *self)
{
  apply_text (self, GTK_WIDGET (self->name_row), sp_project_rename_theme);
}

static void
shortcut_apply_cb (SpCodebookEditor *self)
{
  /* The core takes the key as typed; only stray spaces go */
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->shortcut_row))));
  g_autoptr(GError) error = NULL;

  if (self->selected == 0)
    return;

  check (self, sp_project_set_theme_shortcut (self->project, self->selected, text, &error), &error);
}

static void
description_apply_cb (SpCodebookEditor *self)
{
  apply_text (self, GTK_WIDGET (self->description_row), sp_project_set_theme_description);
}

static void
statement_apply_cb (SpCodebookEditor *self)
{
  apply_text (self, GTK_WIDGET (self->statement_row), sp_project_set_theme_statement);
}

static void
color_set_cb (SpCodebookEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (self->selected == 0)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (CLAMP (rgba.red, 0., 1.) * 255 + .5),
                           (int) (CLAMP (rgba.green, 0., 1.) * 255 + .5),
                           (int) (CLAMP (rgba.blue, 0., 1.) * 255 + .5));

  check (self, sp_project_set_theme_color (self->project, self->selected, color, &error), &error);
}

/* Actions */

static void
add_theme (SpCodebookEditor *self,
           gint64            parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id = 0;

  /* A name not taken yet, for the user to change */
  for (guint n = 1; ; n++)
    {
      g_autoptr(SpThemeInfo) existing = NULL;

      g_free (name);
      if (n == 1)
        name = g_strdup (_("New theme"));
      else
        /* Translators: the name of a new theme when "New theme" is taken */
        name = g_strdup_printf (_("New theme %u"), n);

      existing = sp_project_find_theme (self->project, name, NULL);
      if (existing == NULL)
        break;
    }

  if (!check (self, sp_project_add_theme (self->project, name, parent_id, NULL, NULL, NULL, NULL, &id, &error), &error))
    return;

  sp_codebook_editor_select_theme (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_theme_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (widget);
  SpThemeInfo *info = find_theme (self, self->selected);

  if (g_str_equal (action_name, "codebook.add-sub-theme"))
    {
      if (info != NULL)
        add_theme (self, info->id);
    }
  else
    /* Beside the selected theme */
    add_theme (self, info != NULL ? info->parent_id : 0);
}

/* The sibling before or after @info, or NULL */
static SpThemeInfo *
sibling (SpCodebookEditor *self,
         SpThemeInfo      *info,
         int               delta)
{
  for (guint i = 0; i < self->themes->len; i++)
    {
      SpThemeInfo *other = g_ptr_array_index (self->themes, i);

      if (other->parent_id == info->parent_id && other->position == info->position + delta)
        return other;
    }

  return NULL;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (widget);
  SpThemeInfo *info = find_theme (self, self->selected);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (info == NULL)
    return;

  if (g_str_equal (action_name, "codebook.move-up"))
    ok = sp_project_reorder_theme (self->project, info->id, MAX (info->position - 1, 0), &error);
  else if (g_str_equal (action_name, "codebook.move-down"))
    ok = sp_project_reorder_theme (self->project, info->id, info->position + 1, &error);
  else if (g_str_equal (action_name, "codebook.indent"))
    {
      SpThemeInfo *previous = sibling (self, info, -1);

      if (previous == NULL)
        return;
      ok = sp_project_move_theme (self->project, info->id, previous->id, -1, &error);
    }
  else
    {
      SpThemeInfo *parent = find_theme (self, info->parent_id);

      if (parent == NULL)
        return;
      ok = sp_project_move_theme (self->project, info->id, parent->parent_id, parent->position + 1, &error);
    }

  check (self, ok, &error);
}

/* Questions */

static void
dialog_destroyed_cb (SpCodebookEditor *self,
                     GtkWidget        *dialog)
{
  if ((GtkWidget *) self->dialog == dialog)
    {
      self->dialog = NULL;
      self->dialog_choice = NULL;
      self->dialog_theme = 0;
      g_array_set_size (self->choice_ids, 0);
    }
}

static AdwMessageDialog *
new_dialog (SpCodebookEditor *self,
            const char       *heading,
            const char       *body,
            const char       *response,
            const char       *response_label,
            AdwResponseAppearance appearance,
            GCallback         callback)
{
  GtkWidget *dialog;

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", callback, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);

  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  self->dialog_theme = self->selected;
  g_array_set_size (self->choice_ids, 0);
  self->dialog_choice = NULL;

  return self->dialog;
}

/* A drop-down of themes for the dialog: all but @exclude and, if
 * @exclude_subtree, its sub-themes; with "Top level" first if @top_level. */
static void
add_choice (SpCodebookEditor *self,
            SpThemeInfo      *exclude,
            gboolean          exclude_subtree,
            gboolean          top_level,
            const char       *accessible_label)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint skip_from = theme_index (self, exclude->id);
  guint selected = 0;
  gboolean have_selected = FALSE;
  GtkWidget *drop_down;

  if (top_level)
    {
      gint64 zero = 0;

      gtk_string_list_append (names, _("Top level"));
      g_array_append_val (self->choice_ids, zero);
      if (exclude->parent_id == 0)
        have_selected = TRUE;
    }

  for (guint i = 0; i < self->themes->len; i++)
    {
      SpThemeInfo *info = g_ptr_array_index (self->themes, i);
      g_autofree char *indented = NULL;

      if (i == skip_from)
        continue;
      if (exclude_subtree && i > skip_from && info->depth > exclude->depth)
        {
          gboolean inside = TRUE;

          /* Still inside @exclude's subtree if nothing shallower came between */
          for (guint j = skip_from + 1; j < i; j++)
            if (((SpThemeInfo *) g_ptr_array_index (self->themes, j))->depth <= exclude->depth)
              inside = FALSE;
          if (inside)
            continue;
        }

      indented = g_strdup_printf ("%*s%s", (int) info->depth * 3, "", info->name);
      gtk_string_list_append (names, indented);
      g_array_append_val (self->choice_ids, info->id);
      if (!have_selected && info->id == exclude->parent_id)
        {
          selected = self->choice_ids->len - 1;
          have_selected = TRUE;
        }
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  adw_message_dialog_set_extra_child (self->dialog, drop_down);
  self->dialog_choice = GTK_DROP_DOWN (drop_down);
}

static gint64
chosen_id (SpCodebookEditor *self)
{
  guint position;

  if (self->dialog_choice == NULL)
    return -1;

  position = gtk_drop_down_get_selected (self->dialog_choice);
  if (position >= self->choice_ids->len)
    return -1;

  return g_array_index (self->choice_ids, gint64, position);
}

static void
move_to_response_cb (SpCodebookEditor *self,
                     const char       *response)
{
  g_autoptr(GError) error = NULL;
  gint64 target = chosen_id (self);

  if (!g_str_equal (response, "move") || target < 0 || self->dialog_theme == 0)
    return;

  check (self, sp_project_move_theme (self->project, self->dialog_theme, target, -1, &error), &error);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (widget);
  SpThemeInfo *info = find_theme (self, self->selected);
  g_autofree char *body = NULL;

  if (info == NULL)
    return;

  body = g_strdup_printf (_("Put “%s” and its sub-themes under:"), info->name);
  new_dialog (self, _("Move Theme"), body, "move", _("_Move"), ADW_RESPONSE_SUGGESTED,
              G_CALLBACK (move_to_response_cb));
  add_choice (self, info, TRUE, TRUE, _("New parent theme"));
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
merge_response_cb (SpCodebookEditor *self,
                   const char       *response)
{
  g_autoptr(GError) error = NULL;
  gint64 target = chosen_id (self);

  if (!g_str_equal (response, "merge") || target <= 0 || self->dialog_theme == 0)
    return;

  if (check (self, sp_project_merge_themes (self->project, self->dialog_theme, target, &error), &error))
    sp_codebook_editor_select_theme (self, target);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (widget);
  SpThemeInfo *info = find_theme (self, self->selected);
  g_autofree char *body = NULL;

  if (info == NULL)
    return;

  body = g_strdup_printf (ngettext ("The %u annotation tagged “%s” will be tagged with the theme chosen below instead, its sub-themes will move under it, and “%s” will be removed.",
                                    "The %u annotations tagged “%s” will be tagged with the theme chosen below instead, its sub-themes will move under it, and “%s” will be removed.",
                                    info->n_annotations),
                          info->n_annotations, info->name, info->name);
  new_dialog (self, _("Merge Theme"), body, "merge", _("_Merge"), ADW_RESPONSE_DESTRUCTIVE,
              G_CALLBACK (merge_response_cb));
  add_choice (self, info, FALSE, FALSE, _("Theme to merge into"));
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
delete_theme (SpCodebookEditor *self,
              gint64            id)
{
  g_autoptr(GError) error = NULL;
  SpThemeInfo *info = find_theme (self, id);
  guint index = theme_index (self, id);
  gint64 next = 0;

  if (info == NULL)
    return;

  /* Select the theme that takes its place, or the one above */
  if (index + 1 < self->themes->len)
    next = ((SpThemeInfo *) g_ptr_array_index (self->themes, index + 1))->id;
  else if (index > 0)
    next = ((SpThemeInfo *) g_ptr_array_index (self->themes, index - 1))->id;

  if (check (self, sp_project_delete_theme (self->project, id, &error), &error))
    sp_codebook_editor_select_theme (self, next);
}

static void
delete_response_cb (SpCodebookEditor *self,
                    const char       *response)
{
  if (g_str_equal (response, "delete") && self->dialog_theme != 0)
    delete_theme (self, self->dialog_theme);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (widget);
  SpThemeInfo *info = find_theme (self, self->selected);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 n;

  if (info == NULL)
    return;

  n = sp_project_count_theme_annotations (self->project, info->id, &error);
  if (n < 0)
    {
      show_error (self, error->message);
      return;
    }

  if (n == 0)
    {
      /* Nothing to lose, and Ctrl+Z brings it back */
      delete_theme (self, info->id);
      return;
    }

  body = g_strdup_printf (ngettext ("“%s” is used by %u annotation. Delete it and remove it from it?",
                                    "“%s” is used by %u annotations. Delete it and remove it from them?",
                                    (gulong) n),
                          info->name, (guint) n);
  new_dialog (self, _("Delete Theme?"), body, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE,
              G_CALLBACK (delete_response_cb));
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (widget);
  SpUndoManager *undo;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->project == NULL)
    return;

  undo = sp_project_get_undo_manager (self->project);
  if (g_str_equal (action_name, "codebook.undo"))
    ok = sp_undo_manager_undo (undo, &error);
  else
    ok = sp_undo_manager_redo (undo, &error);

  check (self, ok, &error);
}

/* Public */

SpCodebookEditor *
sp_codebook_editor_new (SpProject *project)
{
  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  return g_object_new (SP_TYPE_CODEBOOK_EDITOR, "project", project, NULL);
}

SpProject *
sp_codebook_editor_get_project (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);

  return self->project;
}

gint64
sp_codebook_editor_get_selected_theme (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), 0);

  return self->selected;
}

gboolean
sp_codebook_editor_select_theme (SpCodebookEditor *self,
                                 gint64            theme_id)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->theme_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && sp_codebook_editor_row_get_id (GTK_LIST_BOX_ROW (child)) == theme_id)
        {
          gtk_list_box_select_row (self->theme_list, GTK_LIST_BOX_ROW (child));
          self->selected = theme_id;
          show_selected (self);
          return TRUE;
        }
    }

  return FALSE;
}

GtkListBox *
sp_codebook_editor_get_theme_list (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->theme_list;
}

AdwEntryRow *
sp_codebook_editor_get_name_row (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->name_row;
}

AdwEntryRow *
sp_codebook_editor_get_shortcut_row (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->shortcut_row;
}

AdwEntryRow *
sp_codebook_editor_get_description_row (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->description_row;
}

AdwEntryRow *
sp_codebook_editor_get_statement_row (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->statement_row;
}

GtkColorButton *
sp_codebook_editor_get_color_button (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->color_button;
}

const char *
sp_codebook_editor_get_error (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

AdwMessageDialog *
sp_codebook_editor_get_dialog (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->dialog;
}

GtkDropDown *
sp_codebook_editor_get_dialog_choice (SpCodebookEditor *self)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), NULL);
  return self->dialog_choice;
}

gint64
sp_codebook_editor_dialog_choice_id (SpCodebookEditor *self,
                                     guint             position)
{
  g_return_val_if_fail (SP_IS_CODEBOOK_EDITOR (self), -1);

  if (position >= self->choice_ids->len)
    return -1;
  return g_array_index (self->choice_ids, gint64, position);
}

/* GObject */

static void
set_project (SpCodebookEditor *self,
             SpProject        *project)
{
  g_assert (self->project == NULL);

  if (project == NULL)
    return;

  self->project = g_object_ref (project);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_project_get_undo_manager (project), "notify::can-undo",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_project_get_undo_manager (project), "notify::can-redo",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  reload (self);

  /* Start on the first theme */
  if (self->themes != NULL && self->themes->len > 0)
    sp_codebook_editor_select_theme (self, ((SpThemeInfo *) g_ptr_array_index (self->themes, 0))->id);
}

static void
sp_codebook_editor_dispose (GObject *object)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->project);
  g_clear_pointer (&self->themes, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CODEBOOK_EDITOR);

  G_OBJECT_CLASS (sp_codebook_editor_parent_class)->dispose (object);
}

static void
sp_codebook_editor_finalize (GObject *object)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (object);

  g_clear_pointer (&self->choice_ids, g_array_unref);

  G_OBJECT_CLASS (sp_codebook_editor_parent_class)->finalize (object);
}

static void
sp_codebook_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_codebook_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SpCodebookEditor *self = SP_CODEBOOK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_codebook_editor_class_init (SpCodebookEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_codebook_editor_dispose;
  object_class->finalize = sp_codebook_editor_finalize;
  object_class->get_property = sp_codebook_editor_get_property;
  object_class->set_property = sp_codebook_editor_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         SP_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "codebook.add-theme", NULL, add_theme_action);
  gtk_widget_class_install_action (widget_class, "codebook.add-sub-theme", NULL, add_theme_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.indent", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.outdent", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-to", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "codebook.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "codebook.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "codebook.redo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "codebook.add-theme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.add-sub-theme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.add-sub-theme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "codebook.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "codebook.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "codebook.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "codebook.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "codebook.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-codebook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, theme_list);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, shortcut_row);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, statement_row);
  gtk_widget_class_bind_template_child (widget_class, SpCodebookEditor, usage_row);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, theme_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, shortcut_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, statement_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_set_cb);
}

static void
sp_codebook_editor_init (SpCodebookEditor *self)
{
  self->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sp-codebook-editor");
  update_actions (self);
}
