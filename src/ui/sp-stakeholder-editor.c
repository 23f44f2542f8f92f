/* sp-stakeholder-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-stakeholders.h"
#include "sp-stakeholder-editor.h"
#include "sp-ui-rows.h"
#include "sp-undo-manager.h"

struct _SpStakeholderEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  AdwEntryRow       *name_row;
  AdwEntryRow       *organisation_row;
  AdwEntryRow       *role_row;
  AdwComboRow       *sector_row;
  AdwEntryRow       *region_row;
  GtkColorButton    *color_button;
  AdwEntryRow       *notes_row;
  AdwPreferencesGroup *aliases_group;
  AdwEntryRow       *alias_row;
  AdwActionRow      *counts_row;
  AdwComboRow       *merge_row;

  SpProject         *project;
  gint64             stakeholder_id;
  SpStakeholderInfo *info;
  GPtrArray         *alias_rows;     /* AdwActionRow, owned by the group */
  GArray            *merge_ids;
  gboolean           filling;

  AdwMessageDialog  *dialog;
  gint64             merge_into;
};

G_DEFINE_FINAL_TYPE (SpStakeholderEditor, sp_stakeholder_editor, ADW_TYPE_WINDOW)

static void reload (SpStakeholderEditor *self);

static const char *
sector_label (const char *sector)
{
  if (sector == NULL || sector[0] == '\0')
    return C_("sector", "Unknown");
  if (g_str_equal (sector, "government"))
    return C_("sector", "Government");
  if (g_str_equal (sector, "industry"))
    return C_("sector", "Industry");
  if (g_str_equal (sector, "academia"))
    return C_("sector", "Academia");
  if (g_str_equal (sector, "civil society"))
    return C_("sector", "Civil society");
  if (g_str_equal (sector, "international organisation"))
    return C_("sector", "International organisation");
  if (g_str_equal (sector, "media"))
    return C_("sector", "Media");
  if (g_str_equal (sector, "other"))
    return C_("sector", "Other");
  return sector;
}

/* Errors */

static void
show_error (SpStakeholderEditor *self,
            const char          *message)
{
  sp_error_bar_show (self->error_revealer, self->error_label, GTK_WIDGET (self), message);
}

static void
dismiss_error_cb (SpStakeholderEditor *self)
{
  sp_error_bar_dismiss (self->error_revealer, self->error_label);
}

static gboolean
check (SpStakeholderEditor *self,
       gboolean             ok,
       GError             **error)
{
  if (sp_error_bar_check (self->error_revealer, self->error_label, GTK_WIDGET (self), ok, error))
    return TRUE;

  /* Put the fields back to what is stored */
  reload (self);
  return FALSE;
}

/* Filling the fields */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
remove_alias_cb (GtkButton           *button,
                 SpStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *alias = g_object_get_data (G_OBJECT (button), "sp-alias");

  check (self, sp_project_remove_stakeholder_alias (self->project, self->stakeholder_id, alias, &error), &error);
}

static void
fill_aliases (SpStakeholderEditor *self)
{
  for (guint i = 0; i < self->alias_rows->len; i++)
    adw_preferences_group_remove (self->aliases_group, g_ptr_array_index (self->alias_rows, i));
  g_ptr_array_set_size (self->alias_rows, 0);

  for (guint i = 0; self->info->aliases != NULL && self->info->aliases[i] != NULL; i++)
    {
      const char *alias = self->info->aliases[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove the alias “%s”"), alias);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alias);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove Alias"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "sp-alias", g_strdup (alias), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_alias_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data (G_OBJECT (row), "sp-remove-button", button);

      adw_preferences_group_add (self->aliases_group, row);
      g_ptr_array_add (self->alias_rows, row);
    }
}

static void
fill_merge_choices (SpStakeholderEditor *self)
{
  g_autoptr(GPtrArray) stakeholders = sp_project_list_stakeholders (self->project, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 previous = 0;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint position = adw_combo_row_get_selected (self->merge_row);

  if (position < self->merge_ids->len)
    previous = g_array_index (self->merge_ids, gint64, position);

  g_array_set_size (self->merge_ids, 0);
  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      SpStakeholderInfo *other = g_ptr_array_index (stakeholders, i);

      if (other->id == self->stakeholder_id)
        continue;

      gtk_string_list_append (names, other->name);
      g_array_append_val (self->merge_ids, other->id);
      if (other->id == previous)
        selected = self->merge_ids->len - 1;
    }

  adw_combo_row_set_model (self->merge_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->merge_row, selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholder.merge", self->merge_ids->len > 0);
}

static void
reload (SpStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *sectors = sp_stakeholder_sectors ();
  g_autofree char *turns = NULL;
  g_autofree char *counts = NULL;
  gint64 n_annotations;
  SpStakeholderInfo *info;
  GdkRGBA rgba;

  if (self->project == NULL || self->stakeholder_id == 0 || !sp_project_is_open (self->project))
    return;

  info = sp_project_get_stakeholder (self->project, self->stakeholder_id, &error);
  if (info == NULL)
    {
      /* Merged, deleted or undone away elsewhere */
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_clear_pointer (&self->info, sp_stakeholder_info_free);
  self->info = info;
  self->filling = TRUE;

  adw_window_title_set_title (self->window_title, info->name);
  gtk_window_set_title (GTK_WINDOW (self), info->name);
  set_entry_text (self->name_row, info->name);
  set_entry_text (self->organisation_row, info->organisation);
  set_entry_text (self->role_row, info->role);
  set_entry_text (self->region_row, info->region);
  set_entry_text (self->notes_row, info->notes);

  for (guint i = 0; sectors[i] != NULL; i++)
    if (g_strcmp0 (sectors[i], info->sector != NULL ? info->sector : "") == 0)
      adw_combo_row_set_selected (self->sector_row, i);

  if (info->color != NULL && gdk_rgba_parse (&rgba, info->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  fill_aliases (self);
  fill_merge_choices (self);

  n_annotations = MAX (0, sp_project_count_stakeholder_annotations (self->project, info->id, NULL));
  turns = g_strdup_printf (ngettext ("%u turn", "%u turns", info->n_turns), info->n_turns);
  counts = g_strdup_printf (ngettext ("%s · %u annotation", "%s · %u annotations", (gulong) n_annotations),
                            turns, (guint) n_annotations);
  adw_action_row_set_subtitle (self->counts_row, counts);

  self->filling = FALSE;
}

static void
project_changed_cb (SpStakeholderEditor *self,
                    guint                what)
{
  if (what & (SP_PROJECT_CHANGE_STAKEHOLDERS | SP_PROJECT_CHANGE_ANNOTATIONS | SP_PROJECT_CHANGE_DOCUMENTS))
    reload (self);
}

/* Changes */

static void
field_apply_cb (SpStakeholderEditor *self,
                AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  SpStakeholderInfo changes = { 0, };
  char *text = (char *) gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->filling || self->stakeholder_id == 0)
    return;

  if (row == self->name_row)
    changes.name = text;
  else if (row == self->organisation_row)
    changes.organisation = text;
  else if (row == self->role_row)
    changes.role = text;
  else if (row == self->region_row)
    changes.region = text;
  else if (row == self->notes_row)
    changes.notes = text;
  else
    g_return_if_reached ();

  check (self, sp_project_update_stakeholder (self->project, self->stakeholder_id, &changes, &error), &error);
}

static void
sector_changed_cb (SpStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *sectors = sp_stakeholder_sectors ();
  SpStakeholderInfo changes = { 0, };
  guint selected = adw_combo_row_get_selected (self->sector_row);

  if (self->filling || self->info == NULL || selected >= g_strv_length ((char **) sectors))
    return;
  if (g_strcmp0 (sectors[selected], self->info->sector != NULL ? self->info->sector : "") == 0)
    return;

  changes.sector = (char *) sectors[selected];
  check (self, sp_project_update_stakeholder (self->project, self->stakeholder_id, &changes, &error), &error);
}

static void
color_set_cb (SpStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  SpStakeholderInfo changes = { 0, };
  GdkRGBA rgba;

  if (self->filling || self->stakeholder_id == 0)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (CLAMP (rgba.red, 0., 1.) * 255 + .5),
                           (int) (CLAMP (rgba.green, 0., 1.) * 255 + .5),
                           (int) (CLAMP (rgba.blue, 0., 1.) * 255 + .5));
  changes.color = color;
  check (self, sp_project_update_stakeholder (self->project, self->stakeholder_id, &changes, &error), &error);
}

static void
alias_apply_cb (SpStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *alias = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_row))));

  if (self->stakeholder_id == 0 || alias[0] == '\0')
    return;

  if (check (self, sp_project_add_stakeholder_alias (self->project, self->stakeholder_id, alias, &error), &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->alias_row));
    }
}

static void
dialog_destroyed_cb (SpStakeholderEditor *self,
                     GtkWidget           *dialog)
{
  if ((GtkWidget *) self->dialog == dialog)
    self->dialog = NULL;
}

static void
merge_response_cb (SpStakeholderEditor *self,
                   const char          *response)
{
  g_autoptr(GError) error = NULL;
  gint64 into = self->merge_into;
  gint64 from;
  gboolean ok;

  if (!g_str_equal (response, "merge") || into == 0)
    return;

  /* Follow the merge to @into: the stakeholder shown goes (and a reload
   * not finding it would close the window) */
  from = self->stakeholder_id;
  self->stakeholder_id = into;
  ok = sp_project_merge_stakeholders (self->project, from, into, &error);
  if (!ok)
    self->stakeholder_id = from;
  if (check (self, ok, &error))
    sp_stakeholder_editor_set_stakeholder (self, into);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpStakeholderEditor *self = SP_STAKEHOLDER_EDITOR (widget);
  g_autoptr(SpStakeholderInfo) into = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *turns = NULL;
  g_autofree char *body = NULL;
  guint position = adw_combo_row_get_selected (self->merge_row);
  gint64 n_annotations;
  GtkWidget *dialog;

  if (self->info == NULL || position >= self->merge_ids->len)
    return;

  into = sp_project_get_stakeholder (self->project, g_array_index (self->merge_ids, gint64, position), &error);
  if (into == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n_annotations = MAX (0, sp_project_count_stakeholder_annotations (self->project, self->info->id, NULL));
  heading = g_strdup_printf (_("Merge “%s” into “%s”?"), self->info->name, into->name);
  turns = g_strdup_printf (ngettext ("%u turn", "%u turns", self->info->n_turns), self->info->n_turns);
  /* Translators: "4 turns and 3 annotations move to Thomas Li; ..." */
  body = g_strdup_printf (ngettext ("%s and %u annotation move to %s, and “%s” becomes one of their aliases.",
                                    "%s and %u annotations move to %s, and “%s” becomes one of their aliases.",
                                    (gulong) n_annotations),
                          turns, (guint) n_annotations, into->name, self->info->name);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  self->merge_into = into->id;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpStakeholderEditor *self = SP_STAKEHOLDER_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->stakeholder_id == 0)
    return;

  /* Refused while annotated (the message says so); otherwise undoable */
  if (check (self, sp_project_delete_stakeholder (self->project, self->stakeholder_id, &error), &error))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpStakeholderEditor *self = SP_STAKEHOLDER_EDITOR (widget);
  SpUndoManager *undo;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->project == NULL)
    return;

  undo = sp_project_get_undo_manager (self->project);
  if (g_str_equal (action_name, "stakeholder.undo"))
    ok = sp_undo_manager_undo (undo, &error);
  else
    ok = sp_undo_manager_redo (undo, &error);
  check (self, ok, &error);
}

static void
update_undo (SpStakeholderEditor *self)
{
  SpUndoManager *undo = self->project != NULL ? sp_project_get_undo_manager (self->project) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholder.undo",
                                 undo != NULL && sp_undo_manager_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholder.redo",
                                 undo != NULL && sp_undo_manager_can_redo (undo));
}

/* Public */

SpStakeholderEditor *
sp_stakeholder_editor_new (SpProject *project,
                           gint64     stakeholder_id)
{
  SpStakeholderEditor *self;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  self = g_object_new (SP_TYPE_STAKEHOLDER_EDITOR, NULL);
  self->project = g_object_ref (project);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_project_get_undo_manager (project), "notify::can-undo",
                           G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_project_get_undo_manager (project), "notify::can-redo",
                           G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
  update_undo (self);
  sp_stakeholder_editor_set_stakeholder (self, stakeholder_id);

  return self;
}

void
sp_stakeholder_editor_set_stakeholder (SpStakeholderEditor *self,
                                       gint64               stakeholder_id)
{
  g_return_if_fail (SP_IS_STAKEHOLDER_EDITOR (self));

  if (self->stakeholder_id != stakeholder_id)
    {
      dismiss_error_cb (self);
      gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
    }
  self->stakeholder_id = stakeholder_id;
  reload (self);
}

gint64
sp_stakeholder_editor_get_stakeholder (SpStakeholderEditor *self)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), 0);
  return self->stakeholder_id;
}

AdwEntryRow *
sp_stakeholder_editor_get_entry (SpStakeholderEditor *self,
                                 const char          *field)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), NULL);

  if (g_str_equal (field, "name"))
    return self->name_row;
  if (g_str_equal (field, "organisation"))
    return self->organisation_row;
  if (g_str_equal (field, "role"))
    return self->role_row;
  if (g_str_equal (field, "region"))
    return self->region_row;
  if (g_str_equal (field, "notes"))
    return self->notes_row;
  if (g_str_equal (field, "alias"))
    return self->alias_row;
  g_return_val_if_reached (NULL);
}

AdwComboRow *
sp_stakeholder_editor_get_sector_row (SpStakeholderEditor *self)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), NULL);
  return self->sector_row;
}

AdwComboRow *
sp_stakeholder_editor_get_merge_row (SpStakeholderEditor *self)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), NULL);
  return self->merge_row;
}

gint64
sp_stakeholder_editor_merge_choice_id (SpStakeholderEditor *self,
                                       guint                position)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), 0);

  if (position >= self->merge_ids->len)
    return 0;
  return g_array_index (self->merge_ids, gint64, position);
}

GtkButton *
sp_stakeholder_editor_get_alias_remove_button (SpStakeholderEditor *self,
                                               const char          *alias)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), NULL);

  for (guint i = 0; i < self->alias_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->alias_rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), alias) == 0)
        return g_object_get_data (G_OBJECT (row), "sp-remove-button");
    }

  return NULL;
}

const char *
sp_stakeholder_editor_get_error (SpStakeholderEditor *self)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

AdwMessageDialog *
sp_stakeholder_editor_get_dialog (SpStakeholderEditor *self)
{
  g_return_val_if_fail (SP_IS_STAKEHOLDER_EDITOR (self), NULL);
  return self->dialog;
}

/* GObject */

static void
sp_stakeholder_editor_dispose (GObject *object)
{
  SpStakeholderEditor *self = SP_STAKEHOLDER_EDITOR (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->project);
  g_clear_pointer (&self->info, sp_stakeholder_info_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_STAKEHOLDER_EDITOR);

  G_OBJECT_CLASS (sp_stakeholder_editor_parent_class)->dispose (object);
}

static void
sp_stakeholder_editor_finalize (GObject *object)
{
  SpStakeholderEditor *self = SP_STAKEHOLDER_EDITOR (object);

  g_clear_pointer (&self->alias_rows, g_ptr_array_unref);
  g_clear_pointer (&self->merge_ids, g_array_unref);

  G_OBJECT_CLASS (sp_stakeholder_editor_parent_class)->finalize (object);
}

static void
sp_stakeholder_editor_class_init (SpStakeholderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_stakeholder_editor_dispose;
  object_class->finalize = sp_stakeholder_editor_finalize;

  gtk_widget_class_install_action (widget_class, "stakeholder.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "stakeholder.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "stakeholder.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "stakeholder.redo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "stakeholder.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "stakeholder.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "stakeholder.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-stakeholder-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, aliases_group);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, alias_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, counts_row);
  gtk_widget_class_bind_template_child (widget_class, SpStakeholderEditor, merge_row);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, sector_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, alias_apply_cb);
}

static void
sp_stakeholder_editor_init (SpStakeholderEditor *self)
{
  const char * const *sectors = sp_stakeholder_sectors ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->alias_rows = g_ptr_array_new ();
  self->merge_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sp-stakeholder-editor");

  self->filling = TRUE;
  for (guint i = 0; sectors[i] != NULL; i++)
    gtk_string_list_append (labels, sector_label (sectors[i]));
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (labels));
  self->filling = FALSE;
}
