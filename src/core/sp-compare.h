/* sp-compare.h: who stands where on each theme.
 *
 * Three views over the project's annotations, each under one filter:
 *  - compare by theme: one column per stakeholder with their passages on
 *    a theme;
 *  - the matrix: stakeholders x themes, with the number of passages and
 *    the mix of stances in each cell;
 *  - the agreement map: stakeholders x stakeholders, with the themes on
 *    which they agree and conflict, counted as the Discourse Network
 *    Analyzer counts its congruence and conflict networks: two
 *    stakeholders agree on a theme when both have a passage on it with the
 *    same stance, and conflict when one supports what the other opposes.
 *    Mixed, neutral and unclear stances can agree with themselves but
 *    never conflict; passages with no stance count for neither. A pair
 *    whose passages on a theme take both sides (one stakeholder supports
 *    and opposes, the other supports) agree and conflict on it at once.
 *
 * A passage counts for a theme it is tagged with directly (not for the
 * theme's parent), and only when it has a stakeholder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-annotations.h"
#include "sp-project.h"
#include "sp-records.h"

G_BEGIN_DECLS

#define SP_N_STANCES (SP_STANCE_UNCLEAR + 1)   /* SP_STANCE_NONE included */

/* Which annotations count; every field empty means all of them. A
 * document id the project does not have is SP_ERROR_NOT_FOUND; a sector
 * no stakeholder is in simply matches nothing. */
typedef struct
{
  GArray   *document_ids;  /* of gint64; NULL or empty: all documents */
  GStrv     sectors;       /* stakeholder sectors (any case); NULL: all */
  guint     stances;       /* mask of 1 << SpStance (1 << SP_STANCE_NONE: passages
                            * with no stance); 0: all */
} SpCompareFilter;

SpCompareFilter *sp_compare_filter_new   (void);
SpCompareFilter *sp_compare_filter_copy  (const SpCompareFilter *filter);
void             sp_compare_filter_free  (SpCompareFilter       *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCompareFilter, sp_compare_filter_free)

/* The stance that orders and colours a set of passages: the most frequent
 * one, ties broken in the order supports, opposes, mixed, neutral,
 * unclear; SP_STANCE_NONE when no passage has a stance. */
SpStance sp_stance_prevailing (const guint n_by_stance[SP_N_STANCES]);

/* Compare by theme */

typedef struct
{
  SpStakeholderInfo *stakeholder;
  guint              n_by_stance[SP_N_STANCES];
  SpStance           prevailing;
  GPtrArray         *annotations;   /* SpAnnotationInfo, reading order */
} SpThemeColumn;

void       sp_theme_column_free        (SpThemeColumn *column);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpThemeColumn, sp_theme_column_free)

/* One column per stakeholder with a passage on @theme_id, ordered by
 * prevailing stance (supports, mixed, neutral, unclear, opposes, none),
 * then by name. Array of SpThemeColumn. */
GPtrArray *sp_project_compare_theme    (SpProject             *self,
                                        gint64                 theme_id,
                                        const SpCompareFilter *filter,
                                        GError               **error);

/* Matrix */

typedef struct
{
  guint n_passages;
  guint n_by_stance[SP_N_STANCES];
} SpMatrixCell;

typedef struct
{
  GPtrArray    *stakeholders;  /* SpStakeholderInfo: every stakeholder with a passage, by name */
  GPtrArray    *themes;        /* SpThemeInfo: every theme, codebook (tree) order */
  SpMatrixCell *cells;         /* stakeholders->len x themes->len, row-major */
  guint         max_passages;  /* the largest n_passages of any cell */
} SpMatrix;

void          sp_matrix_free           (SpMatrix *matrix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMatrix, sp_matrix_free)
SpMatrixCell *sp_matrix_get_cell       (SpMatrix *matrix,
                                        guint     row,
                                        guint     column);

SpMatrix  *sp_project_compute_matrix   (SpProject             *self,
                                        const SpCompareFilter *filter,
                                        GError               **error);
/* The passages behind one cell, reading order. Array of SpAnnotationInfo. */
GPtrArray *sp_project_list_cell_annotations (SpProject             *self,
                                        gint64                 stakeholder_id,
                                        gint64                 theme_id,
                                        const SpCompareFilter *filter,
                                        GError               **error);

/* Agreement map */

typedef struct
{
  GArray *agree_theme_ids;     /* of gint64, codebook order */
  GArray *conflict_theme_ids;
} SpAgreementCell;

typedef struct
{
  GPtrArray       *stakeholders;  /* SpStakeholderInfo: every stakeholder with a stance, by name */
  GPtrArray       *themes;        /* SpThemeInfo: every theme, codebook order */
  SpAgreementCell *cells;         /* n x n, symmetric; the diagonal is empty; filled by
                                   * sp_agreement_get_cell() */
  guint            max_count;     /* the largest agree or conflict count off the diagonal */
} SpAgreement;

/* Free only with sp_agreement_free(): the map is made by
 * sp_project_compute_agreement() alone. */
void             sp_agreement_free     (SpAgreement *agreement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAgreement, sp_agreement_free)
/* The cell's theme id arrays are made on the first call for the pair
 * (or its mirror), so always reach a cell through here, never through
 * @cells. */
SpAgreementCell *sp_agreement_get_cell (SpAgreement *agreement,
                                        guint        row,
                                        guint        column);
/* How many themes the pair agrees and conflicts on, without making the
 * arrays of sp_agreement_get_cell(): what drawing the map needs. */
void             sp_agreement_get_counts (SpAgreement *agreement,
                                        guint        row,
                                        guint        column,
                                        guint       *n_agree,
                                        guint       *n_conflict);

SpAgreement *sp_project_compute_agreement (SpProject             *self,
                                        const SpCompareFilter *filter,
                                        GError               **error);
/* The passages of stakeholders @a and @b on @theme_id behind a cell,
 * reading order. Array of SpAnnotationInfo. */
GPtrArray *sp_project_list_pair_annotations (SpProject             *self,
                                        gint64                 stakeholder_a,
                                        gint64                 stakeholder_b,
                                        gint64                 theme_id,
                                        const SpCompareFilter *filter,
                                        GError               **error);

G_END_DECLS
