/* sp-attribution-rank.h: ranking passages by similarity to a query with
 * Okapi BM25 over an in-memory inverted index of their words
 * (sp_foreach_word()), built once and queried many times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpBm25Index SpBm25Index;

typedef struct
{
  guint  passage;   /* as numbered by sp_bm25_index_add(), from 0 */
  double score;     /* > 0 */
} SpBm25Hit;

SpBm25Index *sp_bm25_index_new   (void);
void         sp_bm25_index_free  (SpBm25Index  *self);
/* Adds a passage of @len bytes and returns its number. @group sorts
 * passages for queries restricted to one group (e.g. a speaker's id). */
guint        sp_bm25_index_add   (SpBm25Index  *self,
                                  const char   *text,
                                  gsize         len,
                                  gint64        group);
guint        sp_bm25_index_get_n_passages (SpBm25Index *self);
/* Up to @max_hits passages sharing words with @text, of group *@group
 * only unless @group is NULL, best first; ties go to the earlier passage.
 * Array of SpBm25Hit. */
GArray      *sp_bm25_index_query (SpBm25Index  *self,
                                  const char   *text,
                                  gsize         len,
                                  const gint64 *group,
                                  guint         max_hits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBm25Index, sp_bm25_index_free)

G_END_DECLS
