/* sp-preferences-window.c
 *
 * Each control is bound to its key with g_settings_bind (switches) or
 * g_settings_bind_with_mapping (combo rows: a choice's index in the list;
 * the text size: percent <-> the "document-zoom" factor), so the windows
 * bound to the same keys follow at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-preferences-window.h"

struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *stance_row;
  AdwComboRow          *highlight_row;
  GtkSpinButton        *font_size_spin;
  GtkSwitch            *page_numbers_switch;
  AdwComboRow          *color_scheme_row;
  AdwComboRow          *paper_size_row;
  GtkSwitch            *memos_switch;
  GtkSwitch            *codebook_switch;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of each string key, in the order of its combo row's items */
static const char * const stance_choices[] = { "none", "supports", "opposes", "mixed", "neutral", "unclear", NULL };
static const char * const highlight_choices[] = { "background", "underline", NULL };
static const char * const color_scheme_choices[] = { "default", "light", "dark", NULL };
static const char * const paper_size_choices[] = { "auto", "a4", "letter", NULL };

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], str))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[index]);
}

static gboolean
zoom_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  /* Whole percent, as the spin button shows it */
  g_value_set_double (value, (int) (g_variant_get_double (variant) * 100.0 + 0.5));
  return TRUE;
}

static GVariant *
zoom_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
bind_choice (SpPreferencesWindow *self,
             const char          *key,
             AdwComboRow         *row,
             const char * const  *choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) choices, NULL);
}

GtkWidget *
sp_preferences_window_get_control (SpPreferencesWindow *self,
                                   const char          *key)
{
  const struct {
    const char *key;
    gpointer    widget;
  } controls[] = {
    { "default-stance", self->stance_row },
    { "highlight-style", self->highlight_row },
    { "document-zoom", self->font_size_spin },
    { "show-page-numbers", self->page_numbers_switch },
    { "color-scheme", self->color_scheme_row },
    { "brief-paper-size", self->paper_size_row },
    { "brief-include-memos", self->memos_switch },
    { "brief-include-codebook", self->codebook_switch },
  };

  g_return_val_if_fail (SP_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (g_str_equal (controls[i].key, key))
      return controls[i].widget;

  return NULL;
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, stance_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, highlight_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, page_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, paper_size_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, memos_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, codebook_switch);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  bind_choice (self, "default-stance", self->stance_row, stance_choices);
  bind_choice (self, "highlight-style", self->highlight_row, highlight_choices);
  bind_choice (self, "color-scheme", self->color_scheme_row, color_scheme_choices);
  bind_choice (self, "brief-paper-size", self->paper_size_row, paper_size_choices);

  g_settings_bind_with_mapping (self->settings, "document-zoom",
                                self->font_size_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                zoom_get_mapping, zoom_set_mapping, NULL, NULL);

  g_settings_bind (self->settings, "show-page-numbers", self->page_numbers_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "brief-include-memos", self->memos_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "brief-include-codebook", self->codebook_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
sp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
