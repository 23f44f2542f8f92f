/* sp-compare.c: compare by theme, and the passages behind a cell of the
 * matrix or of the agreement map.
 *
 * Which passages count is decided once, in SQL (sp-compare-filter.c); the
 * passages themselves are read with sp_project_list_annotations(), so they
 * come out in reading order and look exactly as they do everywhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "sp-compare-private.h"
#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"

/* Ties go to the stance listed first. */
static const SpStance tie_order[] = {
  SP_STANCE_SUPPORTS, SP_STANCE_OPPOSES, SP_STANCE_MIXED, SP_STANCE_NEUTRAL, SP_STANCE_UNCLEAR,
};

SpStance
sp_stance_prevailing (const guint n_by_stance[SP_N_STANCES])
{
  SpStance prevailing = SP_STANCE_NONE;
  guint most = 0;

  g_return_val_if_fail (n_by_stance != NULL, SP_STANCE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (tie_order); i++)
    if (n_by_stance[tie_order[i]] > most)
      {
        most = n_by_stance[tie_order[i]];
        prevailing = tie_order[i];
      }
  return prevailing;
}

/* Columns go from support to opposition, the ambivalent in between. */
static guint
column_rank (SpStance prevailing)
{
  switch (prevailing)
    {
    case SP_STANCE_SUPPORTS: return 0;
    case SP_STANCE_MIXED:    return 1;
    case SP_STANCE_NEUTRAL:  return 2;
    case SP_STANCE_UNCLEAR:  return 3;
    case SP_STANCE_OPPOSES:  return 4;
    case SP_STANCE_NONE:
    default:                 return 5;
    }
}

void
sp_theme_column_free (SpThemeColumn *column)
{
  if (column == NULL)
    return;
  sp_stakeholder_info_free (column->stakeholder);
  g_clear_pointer (&column->annotations, g_ptr_array_unref);
  g_free (column);
}

/* The ids of the passages on @theme_id that pass @filter, of stakeholder
 * @a or @b, or of anyone when @a is 0: sorted, for a binary search per
 * passage rather than one allocation per id in a hash table. */
static GArray *
collect_counted_ids (SpProject              *self,
                     gint64                  theme_id,
                     gint64                  a,
                     gint64                  b,
                     const SpCompareFilter  *filter,
                     GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  int rc;

  if ((db = _sp_project_get_db_checked (self, error)) == NULL ||
      !_sp_compare_filter_check (self, filter, error))
    return NULL;

  where = _sp_compare_filter_to_sql (filter);
  sql = g_strconcat ("SELECT a.id FROM annotation_themes x JOIN annotations a ON a.id = x.annotation_id"
                     " WHERE x.theme_id = ?1 AND a.stakeholder_id IS NOT NULL"
                     " AND (?2 = 0 OR a.stakeholder_id IN (?2, ?3))",
                     where, " ORDER BY a.id", NULL);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, theme_id);
  sqlite3_bind_int64 (stmt, 2, a);
  sqlite3_bind_int64 (stmt, 3, b);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not read the passages on the theme"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The passages on @theme_id (of @stakeholder_id, 0: anyone's) whose ids
 * are in the sorted @ids, in reading order. */
static GPtrArray *
list_counted_annotations (SpProject   *self,
                          gint64       theme_id,
                          gint64       stakeholder_id,
                          GArray      *ids,
                          GError     **error)
{
  SpAnnotationFilter by_theme = { .theme_id = theme_id, .stakeholder_id = stakeholder_id };
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *kept;

  if ((all = sp_project_list_annotations (self, &by_theme, error)) == NULL)
    return NULL;

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_annotation_info_free);
  for (guint i = 0; i < all->len; i++)
    {
      SpAnnotationInfo *info = all->pdata[i];

      if (bsearch (&info->id, ids->data, ids->len, sizeof (gint64), compare_ids) != NULL)
        g_ptr_array_add (kept, g_steal_pointer (&all->pdata[i]));
    }
  return kept;
}

static gboolean
check_theme (SpProject  *self,
             gint64      theme_id,
             GError    **error)
{
  g_autoptr(SpThemeInfo) theme = sp_project_get_theme (self, theme_id, error);

  return theme != NULL;
}

static gboolean
check_stakeholder (SpProject  *self,
                   gint64      stakeholder_id,
                   GError    **error)
{
  g_autoptr(SpStakeholderInfo) stakeholder = sp_project_get_stakeholder (self, stakeholder_id, error);

  return stakeholder != NULL;
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const SpThemeColumn *column_a = *(SpThemeColumn * const *) a;
  const SpThemeColumn *column_b = *(SpThemeColumn * const *) b;

  return (int) column_rank (column_a->prevailing) - (int) column_rank (column_b->prevailing);
}

GPtrArray *
sp_project_compare_theme (SpProject              *self,
                          gint64                  theme_id,
                          const SpCompareFilter  *filter,
                          GError                **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GHashTable) column_of = NULL;
  g_autoptr(GPtrArray) columns = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!check_theme (self, theme_id, error) ||
      (ids = collect_counted_ids (self, theme_id, 0, 0, filter, error)) == NULL ||
      (annotations = list_counted_annotations (self, theme_id, 0, ids, error)) == NULL ||
      (stakeholders = sp_project_list_stakeholders (self, error)) == NULL)
    return NULL;

  /* Columns are made in the stakeholders' (name) order; the stable sort
   * below keeps it among columns of the same prevailing stance. */
  column_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_insert (column_of, &((SpAnnotationInfo *) annotations->pdata[i])->stakeholder_id, NULL);

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_theme_column_free);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = stakeholders->pdata[i];
      SpThemeColumn *column;

      if (!g_hash_table_contains (column_of, &stakeholder->id))
        continue;
      column = g_new0 (SpThemeColumn, 1);
      column->stakeholder = g_steal_pointer (&stakeholders->pdata[i]);
      column->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_annotation_info_free);
      g_hash_table_insert (column_of, &column->stakeholder->id, column);
      g_ptr_array_add (columns, column);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      SpAnnotationInfo *info = annotations->pdata[i];
      SpThemeColumn *column = g_hash_table_lookup (column_of, &info->stakeholder_id);

      /* A stakeholder added since the passages were read has no column yet. */
      if (column == NULL)
        continue;
      column->n_by_stance[info->stance]++;
      g_ptr_array_add (column->annotations, g_steal_pointer (&annotations->pdata[i]));
    }

  for (guint i = 0; i < columns->len; i++)
    {
      SpThemeColumn *column = columns->pdata[i];
      column->prevailing = sp_stance_prevailing (column->n_by_stance);
    }
  g_ptr_array_sort (columns, compare_columns);

  return g_steal_pointer (&columns);
}

GPtrArray *
sp_project_list_cell_annotations (SpProject              *self,
                                  gint64                  stakeholder_id,
                                  gint64                  theme_id,
                                  const SpCompareFilter  *filter,
                                  GError                **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!check_stakeholder (self, stakeholder_id, error) ||
      !check_theme (self, theme_id, error) ||
      (ids = collect_counted_ids (self, theme_id, stakeholder_id, stakeholder_id, filter, error)) == NULL)
    return NULL;

  return list_counted_annotations (self, theme_id, stakeholder_id, ids, error);
}

GPtrArray *
sp_project_list_pair_annotations (SpProject              *self,
                                  gint64                  stakeholder_a,
                                  gint64                  stakeholder_b,
                                  gint64                  theme_id,
                                  const SpCompareFilter  *filter,
                                  GError                **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!check_stakeholder (self, stakeholder_a, error) ||
      !check_stakeholder (self, stakeholder_b, error) ||
      !check_theme (self, theme_id, error) ||
      (ids = collect_counted_ids (self, theme_id, stakeholder_a, stakeholder_b, filter, error)) == NULL)
    return NULL;

  return list_counted_annotations (self, theme_id, 0, ids, error);
}
