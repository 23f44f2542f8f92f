/* sp-window-private.h: shared by sp-window.c, sp-window-actions.c and
 * sp-window-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-import-job.h"
#include "sp-welcome-page.h"
#include "sp-window.h"

G_BEGIN_DECLS

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *sidebar_button;
  GtkWidget            *import_button;
  GtkMenuButton        *menu_button;
  GtkStack             *main_stack;
  SpWelcomePage        *welcome_page;
  GtkLabel             *loading_label;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkPaned             *paned;
  SpSidebar            *sidebar;
  GtkStack             *content_stack;
  SpDocumentView       *document_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_import_button;

  GSettings            *settings;
  SpProject            *project;

  /* The import in progress, if any */
  SpImportJob          *import_job;
  GCancellable         *import_cancellable;

  /* Building the sample project */
  GCancellable         *sample_cancellable;

  gboolean              sidebar_visible;
};

/* sp-window-actions.c */
void _sp_window_class_actions_init  (SpWindowClass *klass);
void _sp_window_update_actions      (SpWindow      *self);
void _sp_window_show_error          (SpWindow      *self,
                                     const char    *heading,
                                     const char    *body);

/* sp-window-import.c */
void _sp_window_import_init         (SpWindow      *self);
void _sp_window_cancel_import       (SpWindow      *self);
void _sp_window_import_cancel_cb    (SpWindow      *self);

G_END_DECLS
