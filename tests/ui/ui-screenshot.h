/* ui-screenshot.h: saving a widget as a PNG from a display test, for
 * people to look at (only when SP_SCREENSHOT_DIR is set).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders @widget as it is now into $SP_SCREENSHOT_DIR/@file_name. */
void save_screenshot (GtkWidget  *widget,
                      const char *file_name);

/* Loads the application's style sheet, as AdwApplication would, so that
 * widgets tested without the application look as they do in it; with
 * SP_SCREENSHOT_DARK set, in the dark style. */
void use_app_style   (void);

G_END_DECLS
