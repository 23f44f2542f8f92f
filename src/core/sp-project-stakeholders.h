/* sp-project-stakeholders.h: changing stakeholders (listing and finding
 * them is in sp-project.h).
 *
 * Every change is one SpCommand on the project's undo manager; bad input
 * is refused whole with an SP_ERROR and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

/* The sectors a stakeholder can be in ("" for unknown), untranslated as
 * stored; NULL-terminated. */
const char * const *sp_stakeholder_sectors (void);

SpStakeholderInfo *sp_project_get_stakeholder    (SpProject               *self,
                                                  gint64                   id,
                                                  GError                 **error);
/* Changes the fields of @changes that are not NULL: name, organisation,
 * role, sector (one of sp_stakeholder_sectors()), region, color ("#rrggbb"
 * or "") and notes. Its id, aliases and counts are ignored. */
gboolean  sp_project_update_stakeholder          (SpProject               *self,
                                                  gint64                   id,
                                                  const SpStakeholderInfo *changes,
                                                  GError                 **error);
gboolean  sp_project_add_stakeholder_alias       (SpProject               *self,
                                                  gint64                   id,
                                                  const char              *alias,
                                                  GError                 **error);
gboolean  sp_project_remove_stakeholder_alias    (SpProject               *self,
                                                  gint64                   id,
                                                  const char              *alias,
                                                  GError                 **error);
/* @id's turns and annotations become @into_id's, its name and aliases
 * become aliases of @into_id, and @id goes. */
gboolean  sp_project_merge_stakeholders          (SpProject               *self,
                                                  gint64                   id,
                                                  gint64                   into_id,
                                                  GError                 **error);
/* Refused while annotations are attributed to @id; its turns, if any,
 * become unattributed (undo gives them back). */
gboolean  sp_project_delete_stakeholder          (SpProject               *self,
                                                  gint64                   id,
                                                  GError                 **error);
/* -1 on error. */
gint64    sp_project_count_stakeholder_annotations (SpProject             *self,
                                                    gint64                 id,
                                                    GError               **error);

G_END_DECLS
