/* sp-welcome-page.h: what the window shows with no project open: how to
 * start, and the recently opened projects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_WELCOME_PAGE (sp_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (SpWelcomePage, sp_welcome_page, SP, WELCOME_PAGE, GtkWidget)

GtkWidget  *sp_welcome_page_new             (void);
/* The rows of the recent projects list, for tests. */
GtkListBox *sp_welcome_page_get_recent_list (SpWelcomePage *self);
/* Re-reads the recent projects and whether their files still exist. */
void        sp_welcome_page_reload          (SpWelcomePage *self);

G_END_DECLS
