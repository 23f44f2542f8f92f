/* sp-links-private.h: one undoable change that links two passages, tagging
 * them first where needed; sp_project_link_passages() and accepting an
 * attribution (sp-attribution.c) both build one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-links.h"
#include "sp-undo-manager.h"

G_BEGIN_DECLS

typedef struct _SpLinkChange SpLinkChange;

void          _sp_link_change_free     (SpLinkChange      *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLinkChange, _sp_link_change_free)

/* Plans the link from @source to @target (snapped to words), each end
 * being the annotation covering exactly that passage or a new one with no
 * theme. @source_stakeholder_id > 0 gives the source end that stakeholder
 * (changing an existing annotation's if need be); 0 leaves an existing one
 * alone and proposes one for a new one. Checks everything the change will
 * do (self-links, duplicates), so executing it fails only on I/O. */
SpLinkChange *_sp_link_change_new      (SpProject         *self,
                                        const SpPassage   *source,
                                        gint64             source_stakeholder_id,
                                        const SpPassage   *target,
                                        SpLinkKind         kind,
                                        GError           **error);
/* Adds a step to run after the link is stored (and to revert before it is
 * removed), within the same transaction. */
void          _sp_link_change_add_step (SpLinkChange      *change,
                                        SpCommandFunc      apply,
                                        SpCommandFunc      revert,
                                        gpointer           data,
                                        GDestroyNotify     free_data);
/* The source end's passage after snapping to words. */
void          _sp_link_change_get_source (SpLinkChange    *change,
                                        gint64            *start,
                                        gint64            *end);
/* Runs @change (taking it) as one undoable command labelled @label. */
gboolean      _sp_link_change_execute  (SpProject         *self,
                                        SpLinkChange      *change,
                                        const char        *label,
                                        gint64            *out_link_id,
                                        gint64            *out_source_id,
                                        gint64            *out_target_id,
                                        GError           **error);

G_END_DECLS
