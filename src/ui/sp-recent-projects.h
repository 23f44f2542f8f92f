/* sp-recent-projects.h: the list of recently opened projects, kept in
 * GSettings ("recent-projects"), most recent first, without duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SP_RECENT_PROJECTS_KEY "recent-projects"
#define SP_RECENT_PROJECTS_MAX 10

/* Puts @path (made absolute and canonical) first, dropping older copies
 * and anything past SP_RECENT_PROJECTS_MAX. */
void   sp_recent_projects_add    (GSettings  *settings,
                                  const char *path);
void   sp_recent_projects_remove (GSettings  *settings,
                                  const char *path);
char **sp_recent_projects_dup    (GSettings  *settings);

G_END_DECLS
