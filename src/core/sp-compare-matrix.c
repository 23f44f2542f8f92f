/* sp-compare-matrix.c: the stakeholder x theme matrix and the agreement
 * map, both computed in memory from one SpCompareTable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-compare-private.h"
#include "sp-project-private.h"

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
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (row < matrix->stakeholders->len, NULL);
  g_return_val_if_fail (column < matrix->themes->len, NULL);

  return &matrix->cells[row * matrix->themes->len + column];
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

void
sp_agreement_free (SpAgreement *agreement)
{
  guint n;

  if (agreement == NULL)
    return;

  /* (row, column) and (column, row) share their arrays, one ref each. */
  n = agreement->stakeholders != NULL ? agreement->stakeholders->len : 0;
  for (guint i = 0; agreement->cells != NULL && i < n * n; i++)
    {
      g_clear_pointer (&agreement->cells[i].agree_theme_ids, g_array_unref);
      g_clear_pointer (&agreement->cells[i].conflict_theme_ids, g_array_unref);
    }
  g_free (agreement->cells);
  g_clear_pointer (&agreement->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&agreement->themes, g_ptr_array_unref);
  g_free (agreement);
}

SpAgreementCell *
sp_agreement_get_cell (SpAgreement *agreement,
                       guint        row,
                       guint        column)
{
  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (row < agreement->stakeholders->len, NULL);
  g_return_val_if_fail (column < agreement->stakeholders->len, NULL);

  return &agreement->cells[row * agreement->stakeholders->len + column];
}

/* The themes of a pair as bits, 64 to a word, bit i for column i: so
 * comparing two stakeholders on every theme is a few word operations,
 * and reading the bits back in order gives codebook order. */
typedef struct
{
  guint    n_words;
  guint64 *bits;   /* rows x SP_N_STANCES x n_words */
} StanceBits;

static guint64 *
stance_words (StanceBits *sb,
              guint       row,
              SpStance    stance)
{
  return &sb->bits[((gsize) row * SP_N_STANCES + stance) * sb->n_words];
}

static void
stance_bits_init (StanceBits     *sb,
                  SpCompareTable *table)
{
  guint n_themes = table->themes->len;

  sb->n_words = (n_themes + 63) / 64;
  sb->bits = g_new0 (guint64, (gsize) table->stakeholders->len * SP_N_STANCES * MAX (sb->n_words, 1));

  for (guint row = 0; row < table->stakeholders->len; row++)
    for (guint column = 0; column < n_themes; column++)
      {
        const guint *counts = _sp_compare_table_counts (table, row, column);

        for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
          if (counts[stance] > 0)
            stance_words (sb, row, stance)[column / 64] |= G_GUINT64_CONSTANT (1) << (column % 64);
      }
}

/* The theme ids of the set bits of @words, sized to fit. */
static GArray *
theme_ids_of_bits (const guint64 *words,
                   guint          n_words,
                   GPtrArray     *themes)
{
  guint n = 0;
  GArray *ids;

  for (guint w = 0; w < n_words; w++)
    n += (guint) __builtin_popcountll (words[w]);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_set_size (ids, n);
  n = 0;
  for (guint w = 0; w < n_words; w++)
    for (guint64 rest = words[w]; rest != 0; rest &= rest - 1)
      {
        guint column = w * 64 + (guint) __builtin_ctzll (rest);
        g_array_index (ids, gint64, n++) = ((SpThemeInfo *) themes->pdata[column])->id;
      }
  return ids;
}

static void
set_pair (SpAgreement *agreement,
          guint        row,
          guint        column,
          GArray      *agree,
          GArray      *conflict)
{
  SpAgreementCell *cell = sp_agreement_get_cell (agreement, row, column);
  SpAgreementCell *mirror = sp_agreement_get_cell (agreement, column, row);

  cell->agree_theme_ids = agree;
  cell->conflict_theme_ids = conflict;
  if (mirror != cell)
    {
      mirror->agree_theme_ids = g_array_ref (agree);
      mirror->conflict_theme_ids = g_array_ref (conflict);
    }
  else
    g_assert (agree->len == 0 && conflict->len == 0);
  agreement->max_count = MAX (agreement->max_count, MAX (agree->len, conflict->len));
}

SpAgreement *
sp_project_compute_agreement (SpProject              *self,
                              const SpCompareFilter  *filter,
                              GError                **error)
{
  g_autoptr(SpCompareTable) table = NULL;
  g_autoptr(SpAgreement) agreement = NULL;
  g_autofree guint64 *agree = NULL;
  g_autofree guint64 *conflict = NULL;
  StanceBits sb;
  guint n;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((table = _sp_compare_table_load (self, filter, TRUE, error)) == NULL)
    return NULL;

  agreement = g_new0 (SpAgreement, 1);
  agreement->stakeholders = g_ptr_array_ref (table->stakeholders);
  agreement->themes = g_ptr_array_ref (table->themes);
  n = agreement->stakeholders->len;
  agreement->cells = g_new0 (SpAgreementCell, (gsize) n * n);

  stance_bits_init (&sb, table);
  agree = g_new (guint64, MAX (sb.n_words, 1));
  conflict = g_new (guint64, MAX (sb.n_words, 1));

  for (guint a = 0; a < n; a++)
    {
      /* The diagonal: a stakeholder is not paired with themselves. */
      set_pair (agreement, a, a,
                g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)));

      for (guint b = a + 1; b < n; b++)
        {
          const guint64 *a_supports = stance_words (&sb, a, SP_STANCE_SUPPORTS);
          const guint64 *a_opposes = stance_words (&sb, a, SP_STANCE_OPPOSES);
          const guint64 *b_supports = stance_words (&sb, b, SP_STANCE_SUPPORTS);
          const guint64 *b_opposes = stance_words (&sb, b, SP_STANCE_OPPOSES);

          for (guint w = 0; w < sb.n_words; w++)
            {
              agree[w] = 0;
              for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
                agree[w] |= stance_words (&sb, a, stance)[w] & stance_words (&sb, b, stance)[w];
              conflict[w] = (a_supports[w] & b_opposes[w]) | (a_opposes[w] & b_supports[w]);
            }

          set_pair (agreement, a, b,
                    theme_ids_of_bits (agree, sb.n_words, agreement->themes),
                    theme_ids_of_bits (conflict, sb.n_words, agreement->themes));
        }
    }

  g_free (sb.bits);
  return g_steal_pointer (&agreement);
}
