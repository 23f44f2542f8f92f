/* sp-links.h: links between two annotations, in the same document or in
 * two: a report passage that paraphrases a transcript turn, a turn that
 * responds to another, contradicts it, or cites a source.
 *
 * A link goes from its source (the passage that paraphrases, responds,
 * contradicts or cites) to its target (what is paraphrased, …). Every
 * change is undoable through the project's SpUndoManager and emits
 * ::changed with SP_PROJECT_CHANGE_LINKS (and _ANNOTATIONS when a passage
 * had to be tagged for it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-project.h"

G_BEGIN_DECLS

typedef enum
{
  SP_LINK_PARAPHRASES,
  SP_LINK_RESPONDS_TO,
  SP_LINK_CONTRADICTS,
  SP_LINK_CITES,
} SpLinkKind;

#define SP_LINK_KIND_LAST SP_LINK_CITES

typedef struct
{
  gint64      id;
  SpLinkKind  kind;
  gint64      source_id;           /* annotation */
  gint64      source_document_id;
  gint64      source_start;        /* code points, end exclusive */
  gint64      source_end;
  gint64      target_id;           /* annotation */
  gint64      target_document_id;
  gint64      target_start;
  gint64      target_end;
  char       *created_at;          /* ISO 8601, UTC */
} SpLinkInfo;

void         sp_link_info_free          (SpLinkInfo   *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLinkInfo, sp_link_info_free)

/* "paraphrases", "responds_to", "contradicts", "cites": as stored and as
 * the command line and exports spell them. */
const char  *sp_link_kind_to_string     (SpLinkKind    kind);
/* Also takes "responds-to" and any case. */
gboolean     sp_link_kind_from_string   (const char   *str,
                                         SpLinkKind   *kind);
/* For people, translated: "Paraphrases", "Responds to", … */
const char  *sp_link_kind_get_label     (SpLinkKind    kind);

/* Links annotation @source_id to @target_id. Fails with
 * SP_ERROR_NOT_FOUND for an unknown annotation, SP_ERROR_INVALID_ARGUMENT
 * for a link of a passage to itself, and SP_ERROR_DUPLICATE if the same
 * link (both ends and kind) exists; nothing changes then. */
gboolean     sp_project_link_annotations (SpProject   *self,
                                          gint64       source_id,
                                          gint64       target_id,
                                          SpLinkKind   kind,
                                          gint64      *out_id,
                                          GError     **error);

/* One end of a link chosen by selecting text: a passage of a document. */
typedef struct
{
  gint64 document_id;
  gint64 start;                    /* code points, end exclusive */
  gint64 end;
} SpPassage;

/* Links two selected passages, as one undoable change: each end is the
 * annotation that covers exactly that passage (after snapping to words)
 * if there is one, else a new annotation with no theme and the proposed
 * stakeholder (sp_project_propose_stakeholder()) is made for it. Undo
 * removes the link and the annotations it made. @out_source_id and
 * @out_target_id (may be NULL) receive the annotations used. */
gboolean     sp_project_link_passages   (SpProject        *self,
                                         const SpPassage  *source,
                                         const SpPassage  *target,
                                         SpLinkKind        kind,
                                         gint64           *out_link_id,
                                         gint64           *out_source_id,
                                         gint64           *out_target_id,
                                         GError          **error);

/* Undo brings it back with the same id. */
gboolean     sp_project_delete_link     (SpProject   *self,
                                         gint64       id,
                                         GError     **error);
SpLinkInfo  *sp_project_get_link        (SpProject   *self,
                                         gint64       id,
                                         GError     **error);
/* Links with either end in document @document_id (0: all links), ordered
 * by source document and start. Array of SpLinkInfo. */
GPtrArray   *sp_project_list_links      (SpProject   *self,
                                         gint64       document_id,
                                         GError     **error);
/* Links with either end on annotation @annotation_id. */
GPtrArray   *sp_project_list_annotation_links (SpProject *self,
                                         gint64       annotation_id,
                                         GError     **error);

G_END_DECLS
