/* sp-compare.c: SCAFFOLD, to be implemented (helper B).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-compare.h"
#include "sp-project-private.h"

#define NOT_YET(error) g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, "not implemented yet")

SpCompareFilter *sp_compare_filter_new (void) { return g_new0 (SpCompareFilter, 1); }
SpCompareFilter *sp_compare_filter_copy (const SpCompareFilter *filter) { return g_new0 (SpCompareFilter, 1); }
void sp_compare_filter_free (SpCompareFilter *filter) { g_free (filter); }
SpStance sp_stance_prevailing (const guint n_by_stance[SP_N_STANCES]) { return SP_STANCE_NONE; }
void sp_theme_column_free (SpThemeColumn *column) { g_free (column); }
GPtrArray *sp_project_compare_theme (SpProject *self, gint64 theme_id, const SpCompareFilter *filter, GError **error) { NOT_YET (error); return NULL; }
void sp_matrix_free (SpMatrix *matrix) { g_free (matrix); }
SpMatrixCell *sp_matrix_get_cell (SpMatrix *matrix, guint row, guint column) { return NULL; }
SpMatrix *sp_project_compute_matrix (SpProject *self, const SpCompareFilter *filter, GError **error) { NOT_YET (error); return NULL; }
GPtrArray *sp_project_list_cell_annotations (SpProject *self, gint64 stakeholder_id, gint64 theme_id, const SpCompareFilter *filter, GError **error) { NOT_YET (error); return NULL; }
void sp_agreement_free (SpAgreement *agreement) { g_free (agreement); }
SpAgreementCell *sp_agreement_get_cell (SpAgreement *agreement, guint row, guint column) { return NULL; }
SpAgreement *sp_project_compute_agreement (SpProject *self, const SpCompareFilter *filter, GError **error) { NOT_YET (error); return NULL; }
GPtrArray *sp_project_list_pair_annotations (SpProject *self, gint64 a, gint64 b, gint64 theme_id, const SpCompareFilter *filter, GError **error) { NOT_YET (error); return NULL; }
