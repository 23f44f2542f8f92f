/* sp-compare-private.h: what the pieces of sp-compare share — the filter
 * as SQL, and the (stakeholder, theme, stance) counts the matrix and the
 * agreement map are both made from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-compare.h"

G_BEGIN_DECLS

/* Every stance bit, SP_STANCE_NONE's included. */
#define SP_COMPARE_ALL_STANCES ((1u << SP_N_STANCES) - 1)

/* Refuses a filter naming a document the project does not have
 * (SP_ERROR_NOT_FOUND) or a stance that does not exist. */
gboolean   _sp_compare_filter_check   (SpProject             *project,
                                       const SpCompareFilter *filter,
                                       GError               **error);
/* The filter as conditions on annotations aliased "a", each starting with
 * " AND "; "" when it lets everything through. Values are quoted here, so
 * the result goes into SQL as is. */
char      *_sp_compare_filter_to_sql  (const SpCompareFilter *filter);

/* The passages per stakeholder (row), theme (column) and stance. */
typedef struct
{
  GPtrArray *stakeholders;  /* SpStakeholderInfo: those with a count, by name */
  GPtrArray *themes;        /* SpThemeInfo: every theme, codebook order */
  guint     *counts;        /* rows x columns x SP_N_STANCES, row-major */
} SpCompareTable;

/* The SP_N_STANCES counts of one (stakeholder, theme), by SpStance. */
static inline guint *
_sp_compare_table_counts (SpCompareTable *table,
                          guint           row,
                          guint           column)
{
  return &table->counts[((gsize) row * table->themes->len + column) * SP_N_STANCES];
}

void            _sp_compare_table_free (SpCompareTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCompareTable, _sp_compare_table_free)

/* Counts the passages that pass @filter (NULL: all) by stakeholder, theme
 * and stance, in one pass over the annotations (sp-compare-table.c says
 * how). @with_stance_only leaves out passages
 * with no stance, and so the stakeholders who only have those. */
SpCompareTable *_sp_compare_table_load (SpProject             *project,
                                        const SpCompareFilter *filter,
                                        gboolean               with_stance_only,
                                        GError               **error);

G_END_DECLS
