/* sp-tag-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-tag-popover.h"
#include "sp-a11y.h"

struct _SpTagPopover
{
  GtkPopover      parent_instance;

  GtkSearchEntry *filter_entry;
  GtkListBox     *theme_list;
  GtkDropDown    *stakeholder_dropdown;
  GtkBox         *stance_box;
  GtkEntry       *memo_entry;
  GtkButton      *tag_button;

  GtkToggleButton *stance_buttons[SP_STANCE_UNCLEAR + 1];
  GArray         *stakeholder_ids;   /* gint64, by dropdown position */
  char           *filter;            /* casefolded */
  gboolean        updating_stance;
};

enum {
  TAG,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpTagPopover, sp_tag_popover, GTK_TYPE_POPOVER)

static const struct {
  SpStance    stance;
  const char *label;
  const char *accessible;
  guint       key;
} stances[] = {
  { SP_STANCE_SUPPORTS, N_("_Supports"), N_("Stance: supports (S)"), GDK_KEY_s },
  { SP_STANCE_OPPOSES,  N_("_Opposes"),  N_("Stance: opposes (O)"),  GDK_KEY_o },
  { SP_STANCE_MIXED,    N_("_Mixed"),    N_("Stance: mixed (M)"),    GDK_KEY_m },
  { SP_STANCE_NEUTRAL,  N_("_Neutral"),  N_("Stance: neutral (N)"),  GDK_KEY_n },
  { SP_STANCE_UNCLEAR,  N_("_Unclear"),  N_("Stance: unclear (U)"),  GDK_KEY_u },
};

/* Themes */

static GtkCheckButton *
row_check (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "sp-check");
}

static gint64
row_theme_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "sp-theme-id");

  return id != NULL ? *id : 0;
}

static void
update_tag_button (SpTagPopover *self)
{
  g_autoptr(GArray) ids = sp_tag_popover_get_theme_ids (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), ids->len > 0);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  SpTagPopover *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (row), "sp-theme-key");

  if (self->filter == NULL || self->filter[0] == '\0')
    return TRUE;

  return name != NULL && strstr (name, self->filter) != NULL;
}

static void
filter_changed_cb (SpTagPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  g_free (self->filter);
  self->filter = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (self->theme_list);
}

static GtkListBoxRow *
first_visible_row (SpTagPopover *self)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->theme_list, i);

      if (row == NULL || gtk_widget_get_child_visible (GTK_WIDGET (row)))
        return row;
    }
}

/* Enter in the filter: check the first theme it leaves, or tag when the
 * filter is empty. */
static void
filter_activate_cb (SpTagPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  GtkListBoxRow *row;

  if (text[0] == '\0')
    {
      sp_tag_popover_activate_tag (self);
      return;
    }

  if ((row = first_visible_row (self)) != NULL)
    {
      gtk_check_button_set_active (row_check (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
    }
}

static void
theme_row_activated_cb (SpTagPopover  *self,
                        GtkListBoxRow *row)
{
  GtkCheckButton *check = row_check (row);

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static GtkWidget *
theme_row_new (SpTagPopover *self,
               SpThemeInfo  *theme)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *dot = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (theme->name);
  g_autofree char *dot_markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>",
                                                         theme->color != NULL ? theme->color : "#9a9996");
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (box, 4 + 18 * (int) MIN (theme->depth, 4));
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);

  gtk_widget_set_can_focus (check, FALSE);
  gtk_box_append (GTK_BOX (box), check);

  gtk_label_set_markup (GTK_LABEL (dot), dot_markup);
  gtk_widget_add_css_class (dot, "sp-theme-dot");
  gtk_box_append (GTK_BOX (box), dot);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  if (theme->description != NULL && theme->description[0] != '\0')
    gtk_widget_set_tooltip_text (name, theme->description);
  gtk_box_append (GTK_BOX (box), name);

  if (theme->shortcut != NULL && theme->shortcut[0] != '\0')
    {
      GtkWidget *key = gtk_label_new (theme->shortcut);

      gtk_widget_add_css_class (key, "sp-keycap");
      gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), key);
      /* Translators: a theme in the tagging popover, "<theme> (key <shortcut>)" */
      accessible = g_strdup_printf (_("%s (key %s)"), theme->name, theme->shortcut);
    }
  else
    accessible = g_strdup (theme->name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "sp-check", check);
  g_object_set_data_full (G_OBJECT (row), "sp-theme-id", g_memdup2 (&theme->id, sizeof theme->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "sp-theme-key", g_utf8_casefold (theme->name, -1), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_tag_button), self, G_CONNECT_SWAPPED);

  return row;
}

/* Stance */

static void
stance_toggled_cb (GtkToggleButton *button,
                   SpTagPopover    *self)
{
  if (self->updating_stance || !gtk_toggle_button_get_active (button))
    return;

  /* One at a time, or none */
  self->updating_stance = TRUE;
  for (guint i = 1; i < G_N_ELEMENTS (self->stance_buttons); i++)
    if (self->stance_buttons[i] != button)
      gtk_toggle_button_set_active (self->stance_buttons[i], FALSE);
  self->updating_stance = FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpTagPopover          *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* Single keys pick a stance unless a text entry takes them; Alt+key
   * (the buttons' mnemonics) works everywhere. */
  if (mods != 0 && mods != GDK_ALT_MASK)
    return GDK_EVENT_PROPAGATE;
  if (mods == 0 && focus != NULL && GTK_IS_EDITABLE (focus))
    return GDK_EVENT_PROPAGATE;

  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    if (stances[i].key == keyval)
      {
        GtkToggleButton *button = self->stance_buttons[stances[i].stance];

        gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
        return GDK_EVENT_STOP;
      }

  return GDK_EVENT_PROPAGATE;
}

/* Escape closes the popover at once. The filter entry would otherwise
 * take the first press for itself (GtkSearchEntry's stop-search), so the
 * analyst had to press it twice; only a filter with text in it keeps the
 * first press, to clear it. */
static gboolean
escape_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   SpTagPopover          *self)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (focus != NULL &&
      (focus == GTK_WIDGET (self->filter_entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->filter_entry))) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      return GDK_EVENT_STOP;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  return GDK_EVENT_STOP;
}

/* Buttons */

static void
cancel_clicked_cb (SpTagPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
tag_clicked_cb (SpTagPopover *self)
{
  sp_tag_popover_activate_tag (self);
}

gboolean
sp_tag_popover_activate_tag (SpTagPopover *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SP_IS_TAG_POPOVER (self), FALSE);

  ids = sp_tag_popover_get_theme_ids (self);
  if (ids->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  g_signal_emit (self, signals[TAG], 0);
  return TRUE;
}

/* Public */

GtkWidget *
sp_tag_popover_new (void)
{
  return g_object_new (SP_TYPE_TAG_POPOVER, NULL);
}

void
sp_tag_popover_setup (SpTagPopover *self,
                      GPtrArray    *themes,
                      GPtrArray    *stakeholders,
                      const gint64 *theme_ids,
                      guint         n_theme_ids,
                      gint64        stakeholder_id,
                      SpStance      stance,
                      const char   *memo,
                      gboolean      editing)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;
  gint64 none = 0;

  g_return_if_fail (SP_IS_TAG_POPOVER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->theme_list))) != NULL)
    gtk_list_box_remove (self->theme_list, child);

  for (guint i = 0; themes != NULL && i < themes->len; i++)
    gtk_list_box_append (self->theme_list, theme_row_new (self, g_ptr_array_index (themes, i)));

  g_array_set_size (self->stakeholder_ids, 0);
  gtk_string_list_append (names, _("No stakeholder"));
  g_array_append_val (self->stakeholder_ids, none);
  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      SpStakeholderInfo *info = g_ptr_array_index (stakeholders, i);

      gtk_string_list_append (names, info->name);
      g_array_append_val (self->stakeholder_ids, info->id);
    }
  gtk_drop_down_set_model (self->stakeholder_dropdown, G_LIST_MODEL (names));

  for (guint i = 0; i < n_theme_ids; i++)
    sp_tag_popover_set_theme_checked (self, theme_ids[i], TRUE);
  sp_tag_popover_set_stakeholder_id (self, stakeholder_id);
  sp_tag_popover_set_stance (self, stance);
  sp_tag_popover_set_memo (self, memo);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  gtk_button_set_label (self->tag_button, editing ? _("_Save") : _("_Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  editing ? _("Save annotation") : _("Tag passage"),
                                  -1);
  update_tag_button (self);
}

GArray *
sp_tag_popover_get_theme_ids (SpTagPopover *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SP_IS_TAG_POPOVER (self), ids);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->theme_list, i);
      gint64 id;

      if (row == NULL)
        break;
      if (!gtk_check_button_get_active (row_check (row)))
        continue;
      id = row_theme_id (row);
      g_array_append_val (ids, id);
    }

  return ids;
}

void
sp_tag_popover_set_theme_checked (SpTagPopover *self,
                                  gint64        theme_id,
                                  gboolean      checked)
{
  g_return_if_fail (SP_IS_TAG_POPOVER (self));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->theme_list, i);

      if (row == NULL)
        break;
      if (row_theme_id (row) == theme_id)
        gtk_check_button_set_active (row_check (row), checked);
    }
}

gint64
sp_tag_popover_get_stakeholder_id (SpTagPopover *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_TAG_POPOVER (self), 0);

  selected = gtk_drop_down_get_selected (self->stakeholder_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->stakeholder_ids->len)
    return 0;

  return g_array_index (self->stakeholder_ids, gint64, selected);
}

void
sp_tag_popover_set_stakeholder_id (SpTagPopover *self,
                                   gint64        stakeholder_id)
{
  g_return_if_fail (SP_IS_TAG_POPOVER (self));

  for (guint i = 0; i < self->stakeholder_ids->len; i++)
    if (g_array_index (self->stakeholder_ids, gint64, i) == stakeholder_id)
      {
        gtk_drop_down_set_selected (self->stakeholder_dropdown, i);
        return;
      }

  gtk_drop_down_set_selected (self->stakeholder_dropdown, 0);
}

SpStance
sp_tag_popover_get_stance (SpTagPopover *self)
{
  g_return_val_if_fail (SP_IS_TAG_POPOVER (self), SP_STANCE_NONE);

  for (guint i = 1; i < G_N_ELEMENTS (self->stance_buttons); i++)
    if (gtk_toggle_button_get_active (self->stance_buttons[i]))
      return (SpStance) i;

  return SP_STANCE_NONE;
}

void
sp_tag_popover_set_stance (SpTagPopover *self,
                           SpStance      stance)
{
  g_return_if_fail (SP_IS_TAG_POPOVER (self));

  self->updating_stance = TRUE;
  for (guint i = 1; i < G_N_ELEMENTS (self->stance_buttons); i++)
    gtk_toggle_button_set_active (self->stance_buttons[i], i == (guint) stance);
  self->updating_stance = FALSE;
}

const char *
sp_tag_popover_get_memo (SpTagPopover *self)
{
  g_return_val_if_fail (SP_IS_TAG_POPOVER (self), "");

  return gtk_editable_get_text (GTK_EDITABLE (self->memo_entry));
}

void
sp_tag_popover_set_memo (SpTagPopover *self,
                         const char   *memo)
{
  g_return_if_fail (SP_IS_TAG_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->memo_entry), memo != NULL ? memo : "");
}

void
sp_tag_popover_set_filter_text (SpTagPopover *self,
                                const char   *text)
{
  g_return_if_fail (SP_IS_TAG_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text != NULL ? text : "");
  filter_changed_cb (self);
}

guint
sp_tag_popover_get_n_visible_themes (SpTagPopover *self)
{
  guint n = 0;

  g_return_val_if_fail (SP_IS_TAG_POPOVER (self), 0);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->theme_list, i);

      if (row == NULL)
        break;
      if (filter_func (row, self))
        n++;
    }

  return n;
}

/* GObject */

static void
sp_tag_popover_show (GtkWidget *widget)
{
  SpTagPopover *self = SP_TAG_POPOVER (widget);

  GTK_WIDGET_CLASS (sp_tag_popover_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
sp_tag_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_TAG_POPOVER);

  G_OBJECT_CLASS (sp_tag_popover_parent_class)->dispose (object);
}

static void
sp_tag_popover_finalize (GObject *object)
{
  SpTagPopover *self = SP_TAG_POPOVER (object);

  g_clear_pointer (&self->stakeholder_ids, g_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (sp_tag_popover_parent_class)->finalize (object);
}

static void
sp_tag_popover_class_init (SpTagPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_tag_popover_dispose;
  object_class->finalize = sp_tag_popover_finalize;
  widget_class->show = sp_tag_popover_show;

  /**
   * SpTagPopover::tag:
   *
   * The user asked to tag (or save): read the choices with the getters.
   */
  signals[TAG] =
    g_signal_new ("tag",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SpTagPopover, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, SpTagPopover, theme_list);
  gtk_widget_class_bind_template_child (widget_class, SpTagPopover, stakeholder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpTagPopover, stance_box);
  gtk_widget_class_bind_template_child (widget_class, SpTagPopover, memo_entry);
  gtk_widget_class_bind_template_child (widget_class, SpTagPopover, tag_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, theme_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_clicked_cb);
}

static void
sp_tag_popover_init (SpTagPopover *self)
{
  GtkEventController *controller;
  GtkExpression *expression;

  self->stakeholder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_a11y_name_drop_down_button (self->stakeholder_dropdown, _("Stakeholder"));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->stakeholder_dropdown, expression);
  gtk_expression_unref (expression);

  gtk_list_box_set_filter_func (self->theme_list, filter_func, self, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_(stances[i].label));

      gtk_widget_add_css_class (button, "sp-stance-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(stances[i].accessible),
                                      -1);
      g_signal_connect (button, "toggled", G_CALLBACK (stance_toggled_cb), self);
      gtk_box_append (self->stance_box, button);
      self->stance_buttons[stances[i].stance] = GTK_TOGGLE_BUTTON (button);
    }

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (escape_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->tag_button));
}
