/* sp-mentions.h: where a document names a stakeholder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  start;           /* code points into the document text, end exclusive */
  gint64  end;
  gint64  stakeholder_id;
  char   *name;            /* the stakeholder's name */
  char   *alias;           /* what the text says: the name or one of the aliases */
} SpMention;

void sp_mention_free (SpMention *mention);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMention, sp_mention_free)

/* Every place, in text order, where document @document_id names a
 * stakeholder by name or alias: case-sensitive, whole words only, the
 * longest name winning where several start at the same word ("Thomas Li"
 * over "Li"). A title before a name ("Professor Renda") is not part of the
 * mention: the match is the name or alias inside it. An alias two
 * stakeholders share goes to the one added first. */
GPtrArray *sp_project_find_mentions (SpProject  *self,
                                     gint64      document_id,
                                     GError    **error);

/* The same over any text, with the stakeholders of @self. */
GPtrArray *sp_project_find_mentions_in_text (SpProject   *self,
                                             const char  *text,
                                             GError     **error);

G_END_DECLS
