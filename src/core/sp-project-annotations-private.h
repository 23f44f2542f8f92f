/* sp-project-annotations-private.h: the stored annotation rows, for the
 * commands that tag passages as part of a larger change (linking two
 * passages, accepting an attribution) and must stay one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-annotations.h"
#include "sp-project-private.h"

G_BEGIN_DECLS

/* One annotation as stored, links to and from it included. */
typedef struct _SpAnnotationRow SpAnnotationRow;

struct _SpAnnotationRow
{
  gint64     id;              /* 0 until first stored */
  gint64     document_id;
  gint64     start;
  gint64     end;
  char      *quote;
  char      *prefix;
  char      *suffix;
  gint64     stakeholder_id;
  SpStance   stance;
  char      *memo;
  char      *author;
  char      *created_at;
  char      *updated_at;
  GArray    *theme_ids;       /* of gint64 */
  GPtrArray *links;           /* the links a deletion must put back, as rows
                               * from sp_db_copy_rows() */
};

void             _sp_annotation_row_free    (SpAnnotationRow  *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAnnotationRow, _sp_annotation_row_free)

/* Checks everything sp_project_annotate() checks and returns the row it
 * would store (snapped to words, stakeholder proposed), without storing
 * it. */
SpAnnotationRow *_sp_annotation_row_prepare (SpProject        *self,
                                             gint64            document_id,
                                             gint64            start,
                                             gint64            end,
                                             const gint64     *theme_ids,
                                             guint             n_theme_ids,
                                             gint64            stakeholder_id,
                                             SpStance          stance,
                                             const char       *memo,
                                             SpAnnotateFlags   flags,
                                             GError          **error);
/* A full copy of the stored annotation @id. */
SpAnnotationRow *_sp_annotation_row_load    (SpProject        *self,
                                             gint64            id,
                                             GError          **error);
/* The id of the annotation of @document_id spanning exactly [start, end),
 * the oldest if several do; 0 if none (and 0 with @error on failure). */
gint64           _sp_annotation_find_exact  (SpProject        *self,
                                             gint64            document_id,
                                             gint64            start,
                                             gint64            end,
                                             GError          **error);

/* Inside a command's transaction: store @row (reusing its id once it has
 * one), remove it, or write its themes, stakeholder, stance and memo. */
gboolean         _sp_annotation_row_insert  (SpProject        *self,
                                             SpAnnotationRow  *row,
                                             GError          **error);
gboolean         _sp_annotation_row_remove  (SpProject        *self,
                                             SpAnnotationRow  *row,
                                             GError          **error);
gboolean         _sp_annotation_row_update  (SpProject        *self,
                                             SpAnnotationRow  *row,
                                             GError          **error);

G_END_DECLS
