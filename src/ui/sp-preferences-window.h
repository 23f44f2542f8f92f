/* sp-preferences-window.h: the application's preferences (app.preferences,
 * Ctrl+comma), every control bound to a GSettings key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_PREFERENCES_WINDOW (sp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, SP, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *sp_preferences_window_new         (GtkWindow           *parent);

/* The control bound to GSettings key @key (an AdwComboRow, a GtkSwitch or
 * a GtkSpinButton), or NULL if the window shows no such key. For tests. */
GtkWidget *sp_preferences_window_get_control (SpPreferencesWindow *self,
                                              const char          *key);

G_END_DECLS
