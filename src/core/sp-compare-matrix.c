/* sp-compare-matrix.c: the stakeholder x theme matrix and the agreement
 * map, both computed in memory from one SpCompareTable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-compare-private.h"
#include "sp-project-private.h"

/* Row-major position of (@row, @column) in a grid, -1 outside it. */
static gssize
grid_position (guint n_rows,
               guint n_columns,
               guint row,
               guint column)
{
  g_return_val_if_fail (row < n_rows, -1);
  g_return_val_if_fail (column < n_columns, -1);

  return (gssize) row * n_columns + column;
}

void
sp_matrix_free (SpMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_clear_pointer (&matrix->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&matrix->themes, g_ptr_array_unref);
  g_free (matrix->cells);
  g_free (matrix);
}

SpMatrixCell *
sp_matrix_get_cell (SpMatrix *matrix,
                    guint     row,
                    guint     column)
{
  gssize position;

  g_return_val_if_fail (matrix != NULL, NULL);

  position = grid_position (matrix->stakeholders->len, matrix->themes->len, row, column);
  return position >= 0 ? &matrix->cells[position] : NULL;
}

SpMatrix *
sp_project_compute_matrix (SpProject              *self,
                           const SpCompareFilter  *filter,
                           GError                **error)
{
  g_autoptr(SpCompareTable) table = NULL;
  SpMatrix *matrix;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((table = _sp_compare_table_load (self, filter, FALSE, error)) == NULL)
    return NULL;

  matrix = g_new0 (SpMatrix, 1);
  matrix->stakeholders = g_ptr_array_ref (table->stakeholders);
  matrix->themes = g_ptr_array_ref (table->themes);
  matrix->cells = g_new0 (SpMatrixCell, (gsize) matrix->stakeholders->len * matrix->themes->len);

  for (guint row = 0; row < matrix->stakeholders->len; row++)
    for (guint column = 0; column < matrix->themes->len; column++)
      {
        const guint *counts = _sp_compare_table_counts (table, row, column);
        SpMatrixCell *cell = sp_matrix_get_cell (matrix, row, column);

        for (SpStance stance = SP_STANCE_NONE; stance < SP_N_STANCES; stance++)
          {
            cell->n_by_stance[stance] = counts[stance];
            cell->n_passages += counts[stance];
          }
        matrix->max_passages = MAX (matrix->max_passages, cell->n_passages);
      }

  return matrix;
}

/* The agreement map keeps, per stakeholder and stance, the themes as
 * bits, 64 to a word, bit i for column i: comparing two stakeholders on
 * every theme is then a few word operations, and reading the bits back
 * in order gives codebook order. The theme ids of a pair are made from
 * them only when sp_agreement_get_cell() first asks for the pair, as a
 * map of 200 stakeholders has 19,900 pairs and a view shows few of them. */
typedef struct
{
  SpAgreement  agreement;   /* first, so the two pointers are the same */
  guint        n_words;
  guint64     *bits;        /* rows x SP_N_STANCES x n_words */
} SpAgreementData;

static guint64 *
stance_words (SpAgreementData *data,
              guint            row,
              SpStance         stance)
{
  return &data->bits[((gsize) row * SP_N_STANCES + stance) * data->n_words];
}

static void
stance_bits_init (SpAgreementData *data,
                  SpCompareTable  *table)
{
  guint n_themes = table->themes->len;

  data->n_words = (n_themes + 63) / 64;
  data->bits = g_new0 (guint64, (gsize) table->stakeholders->len * SP_N_STANCES * MAX (data->n_words, 1));

  for (guint row = 0; row < table->stakeholders->len; row++)
    for (guint column = 0; column < n_themes; column++)
      {
        const guint *counts = _sp_compare_table_counts (table, row, column);

        for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
          if (counts[stance] > 0)
            stance_words (data, row, stance)[column / 64] |= G_GUINT64_CONSTANT (1) << (column % 64);
      }
}

/* Word @w of the themes stakeholders @a and @b agree and conflict on. */
static void
pair_words (SpAgreementData *data,
            guint            a,
            guint            b,
            guint            w,
            guint64         *agree,
            guint64         *conflict)
{
  *agree = 0;
  for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
    *agree |= stance_words (data, a, stance)[w] & stance_words (data, b, stance)[w];
  *conflict = (stance_words (data, a, SP_STANCE_SUPPORTS)[w] & stance_words (data, b, SP_STANCE_OPPOSES)[w]) |
              (stance_words (data, a, SP_STANCE_OPPOSES)[w] & stance_words (data, b, SP_STANCE_SUPPORTS)[w]);
}

static void
pair_counts (SpAgreementData *data,
             guint            a,
             guint            b,
             guint           *n_agree,
             guint           *n_conflict)
{
  *n_agree = *n_conflict = 0;
  if (a == b)
    return;   /* a stakeholder is not paired with themselves */
  for (guint w = 0; w < data->n_words; w++)
    {
      guint64 agree, conflict;

      pair_words (data, a, b, w, &agree, &conflict);
      *n_agree += (guint) __builtin_popcountll (agree);
      *n_conflict += (guint) __builtin_popcountll (conflict);
    }
}

/* Appends the theme id of each set bit of @word, word @w of a pair. */
static void
append_theme_ids (GArray    *ids,
                  guint64    word,
                  guint      w,
                  GPtrArray *themes)
{
  for (; word != 0; word &= word - 1)
    {
      guint column = w * 64 + (guint) __builtin_ctzll (word);
      gint64 id = ((SpThemeInfo *) themes->pdata[column])->id;

      g_array_append_val (ids, id);
    }
}

/* Fills the cells of the pair (@a, @b) and its mirror, which share their
 * arrays, one ref each. */
static void
fill_pair (SpAgreementData *data,
           guint            a,
           guint            b)
{
  SpAgreement *agreement = &data->agreement;
  SpAgreementCell *cell = &agreement->cells[(gsize) a * agreement->stakeholders->len + b];
  SpAgreementCell *mirror = &agreement->cells[(gsize) b * agreement->stakeholders->len + a];
  guint n_agree, n_conflict;

  pair_counts (data, a, b, &n_agree, &n_conflict);
  cell->agree_theme_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_agree);
  cell->conflict_theme_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_conflict);
  for (guint w = 0; a != b && w < data->n_words; w++)
    {
      guint64 agree, conflict;

      pair_words (data, a, b, w, &agree, &conflict);
      append_theme_ids (cell->agree_theme_ids, agree, w, agreement->themes);
      append_theme_ids (cell->conflict_theme_ids, conflict, w, agreement->themes);
    }
  if (mirror != cell)
    {
      mirror->agree_theme_ids = g_array_ref (cell->agree_theme_ids);
      mirror->conflict_theme_ids = g_array_ref (cell->conflict_theme_ids);
    }
}

SpAgreementCell *
sp_agreement_get_cell (SpAgreement *agreement,
                       guint        row,
                       guint        column)
{
  SpAgreementCell *cell;
  gssize position;

  g_return_val_if_fail (agreement != NULL, NULL);

  position = grid_position (agreement->stakeholders->len, agreement->stakeholders->len, row, column);
  if (position < 0)
    return NULL;
  cell = &agreement->cells[position];
  if (cell->agree_theme_ids == NULL)
    fill_pair ((SpAgreementData *) agreement, row, column);
  return cell;
}

void
sp_agreement_get_counts (SpAgreement *agreement,
                         guint        row,
                         guint        column,
                         guint       *n_agree,
                         guint       *n_conflict)
{
  guint agree = 0, conflict = 0;

  g_return_if_fail (agreement != NULL);

  if (grid_position (agreement->stakeholders->len, agreement->stakeholders->len, row, column) >= 0)
    pair_counts ((SpAgreementData *) agreement, row, column, &agree, &conflict);
  if (n_agree != NULL)
    *n_agree = agree;
  if (n_conflict != NULL)
    *n_conflict = conflict;
}

SpAgreement *
sp_project_compute_agreement (SpProject              *self,
                              const SpCompareFilter  *filter,
                              GError                **error)
{
  g_autoptr(SpCompareTable) table = NULL;
  SpAgreementData *data;
  SpAgreement *agreement;
  guint n;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((table = _sp_compare_table_load (self, filter, TRUE, error)) == NULL)
    return NULL;

  data = g_new0 (SpAgreementData, 1);
  agreement = &data->agreement;
  agreement->stakeholders = g_ptr_array_ref (table->stakeholders);
  agreement->themes = g_ptr_array_ref (table->themes);
  n = agreement->stakeholders->len;
  agreement->cells = g_new0 (SpAgreementCell, (gsize) n * n);
  stance_bits_init (data, table);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        guint n_agree, n_conflict;

        pair_counts (data, a, b, &n_agree, &n_conflict);
        agreement->max_count = MAX (agreement->max_count, MAX (n_agree, n_conflict));
      }

  return agreement;
}

void
sp_agreement_free (SpAgreement *agreement)
{
  SpAgreementData *data = (SpAgreementData *) agreement;
  guint n;

  if (agreement == NULL)
    return;

  n = agreement->stakeholders != NULL ? agreement->stakeholders->len : 0;
  for (gsize i = 0; agreement->cells != NULL && i < (gsize) n * n; i++)
    {
      g_clear_pointer (&agreement->cells[i].agree_theme_ids, g_array_unref);
      g_clear_pointer (&agreement->cells[i].conflict_theme_ids, g_array_unref);
    }
  g_free (agreement->cells);
  g_clear_pointer (&agreement->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&agreement->themes, g_ptr_array_unref);
  g_free (data->bits);
  g_free (data);
}
