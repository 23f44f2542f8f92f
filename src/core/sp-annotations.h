/* sp-annotations.h: passages of a document tagged with themes, the
 * stakeholder who holds the position, a stance and a memo.
 *
 * Every change goes through the project's SpUndoManager, so it can be
 * undone and redone, and is durable when the call returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-project.h"
#include "sp-types.h"

G_BEGIN_DECLS

typedef enum
{
  SP_ANNOTATE_DEFAULT          = 0,
  /* Store a passage that runs over from one speaker's turn into the next;
   * without it that is refused, as it is usually a slip of the mouse. */
  SP_ANNOTATE_ALLOW_CROSS_TURN = 1 << 0,
  /* Store the passage with no stakeholder, rather than taking
   * sp_project_propose_stakeholder()'s proposal; @stakeholder_id must be 0. */
  SP_ANNOTATE_NO_STAKEHOLDER   = 1 << 1,
} SpAnnotateFlags;

typedef struct
{
  gint64    id;
  gint64    document_id;
  char     *document_title;
  gint64    start;           /* code points, end exclusive */
  gint64    end;
  char     *quote;           /* the exact text of [start, end) */
  char     *prefix;          /* up to 32 characters before it */
  char     *suffix;          /* up to 32 characters after it */
  GArray   *theme_ids;       /* of gint64, ordered by theme name */
  GStrv     theme_names;     /* in the same order */
  gint64    stakeholder_id;  /* 0 if none */
  char     *stakeholder;     /* name, or NULL */
  SpStance  stance;
  char     *memo;            /* "" if none */
  char     *author;
  char     *created_at;      /* ISO 8601, UTC */
  char     *updated_at;
} SpAnnotationInfo;

/* What to list; zero / SP_STANCE_NONE fields mean "any". */
typedef struct
{
  gint64    document_id;
  gint64    theme_id;
  gint64    stakeholder_id;
  SpStance  stance;
} SpAnnotationFilter;

void              sp_annotation_info_free   (SpAnnotationInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAnnotationInfo, sp_annotation_info_free)

/* Tags [start, end) of a document (code points; widened to whole words).
 * @stakeholder_id 0 takes sp_project_propose_stakeholder()'s proposal, or
 * stores none with SP_ANNOTATE_NO_STAKEHOLDER. Reads only the passage and
 * a little context around it, not the whole document.
 * Returns FALSE and changes nothing on a bad range, an unknown document,
 * theme or stakeholder, or a range across two turns (see the flag). */
gboolean          sp_project_annotate       (SpProject           *self,
                                             gint64               document_id,
                                             gint64               start,
                                             gint64               end,
                                             const gint64        *theme_ids,
                                             guint                n_theme_ids,
                                             gint64               stakeholder_id,
                                             SpStance             stance,
                                             const char          *memo,
                                             SpAnnotateFlags      flags,
                                             gint64              *out_id,
                                             GError             **error);

/* Who most likely holds the position in [start, end): the speaker of the
 * turn it is in (transcripts); else a stakeholder named, by name or alias,
 * in the passage itself (first mention) or earlier in its paragraph
 * (nearest mention). Returns 0 when there is no one to propose, and 0 with
 * @error set on failure. */
gint64            sp_project_propose_stakeholder (SpProject      *self,
                                             gint64               document_id,
                                             gint64               start,
                                             gint64               end,
                                             GError             **error);

/* Replaces the themes, stakeholder (0: none), stance and memo (NULL: "")
 * of an annotation; the passage itself stays. */
gboolean          sp_project_update_annotation (SpProject        *self,
                                             gint64               id,
                                             const gint64        *theme_ids,
                                             guint                n_theme_ids,
                                             gint64               stakeholder_id,
                                             SpStance             stance,
                                             const char          *memo,
                                             GError             **error);
/* Undo brings it back with the same id, themes and links. */
gboolean          sp_project_delete_annotation (SpProject        *self,
                                             gint64               id,
                                             GError             **error);
SpAnnotationInfo *sp_project_get_annotation (SpProject           *self,
                                             gint64               id,
                                             GError             **error);
/* Annotations matching @filter (NULL: all), in reading order: documents in
 * their order, then by start. Array of SpAnnotationInfo. */
GPtrArray        *sp_project_list_annotations (SpProject         *self,
                                             const SpAnnotationFilter *filter,
                                             GError             **error);
guint             sp_project_count_annotations (SpProject        *self,
                                             GError             **error);

/* The id of the theme called @name (any case), or 0 with SP_ERROR_NOT_FOUND. */
gint64            sp_project_lookup_theme_id (SpProject          *self,
                                             const char          *name,
                                             GError             **error);

G_END_DECLS
