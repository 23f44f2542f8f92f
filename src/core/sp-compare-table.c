/* sp-compare-table.c: the passages that pass a filter, counted by
 * stakeholder, theme and stance in one query; the matrix and the
 * agreement map are both computed from it in memory, so neither ever
 * queries once per cell or per pair.
 *
 * Two statements stream the filtered annotations and the (annotation,
 * theme) pairs, both in annotation id order, and they are merged and
 * counted here into a dense grid. Measured with 100,000 annotations (see
 * tests/bench/bench-compare.c): one joining GROUP BY query spends most of
 * its time sorting in a temporary b-tree (~4x the scan), and even without
 * the GROUP BY, looking up each annotation's themes through the index
 * costs more than reading both tables straight through (~80 vs ~50 ms).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-compare-private.h"
#include "sp-project-private.h"
#include "sp-project-themes.h"

void
_sp_compare_table_free (SpCompareTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&table->themes, g_ptr_array_unref);
  g_free (table->counts);
  g_free (table);
}

/* Position + 1 of each record, by its id (0 means not there). */
static GHashTable *
index_by_id (GPtrArray *records,
             gsize      id_offset)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (index, G_STRUCT_MEMBER_P (records->pdata[i], id_offset), GUINT_TO_POINTER (i + 1));
  return index;
}

static guint
lookup_index (GHashTable *index,
              gint64      id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
}

static gboolean
row_is_empty (SpCompareTable *table,
              guint           row)
{
  const guint *counts;

  if (table->themes->len == 0)
    return TRUE;
  counts = _sp_compare_table_counts (table, row, 0);
  for (gsize i = 0; i < (gsize) table->themes->len * SP_N_STANCES; i++)
    if (counts[i] != 0)
      return FALSE;
  return TRUE;
}

/* Keeps the stakeholders with a count, in their (name) order, moving
 * their rows of counts up to match. */
static void
drop_empty_rows (SpCompareTable *table)
{
  gsize row_size = (gsize) table->themes->len * SP_N_STANCES * sizeof (guint);
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_stakeholder_info_free);

  for (guint row = 0; row < table->stakeholders->len; row++)
    {
      if (row_is_empty (table, row))
        continue;
      if (kept->len != row)
        memcpy (_sp_compare_table_counts (table, kept->len, 0), _sp_compare_table_counts (table, row, 0), row_size);
      g_ptr_array_add (kept, g_steal_pointer (&table->stakeholders->pdata[row]));
    }

  g_ptr_array_unref (table->stakeholders);
  table->stakeholders = kept;
}

SpCompareTable *
_sp_compare_table_load (SpProject              *project,
                        const SpCompareFilter  *filter,
                        gboolean                with_stance_only,
                        GError                **error)
{
  g_autoptr(SpCompareTable) table = g_new0 (SpCompareTable, 1);
  g_autoptr(GHashTable) row_of = NULL;
  g_autoptr(GHashTable) column_of = NULL;
  g_autoptr(sqlite3_stmt) annotations = NULL;
  g_autoptr(sqlite3_stmt) themes = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  int rc, rc_themes;

  if ((db = _sp_project_get_db_checked (project, error)) == NULL ||
      !_sp_compare_filter_check (project, filter, error))
    return NULL;

  if ((table->stakeholders = sp_project_list_stakeholders (project, error)) == NULL ||
      (table->themes = sp_project_list_themes (project, error)) == NULL)
    return NULL;
  table->counts = g_new0 (guint, (gsize) table->stakeholders->len * table->themes->len * SP_N_STANCES);

  where = _sp_compare_filter_to_sql (filter);
  sql = g_strconcat ("SELECT a.id, a.stakeholder_id, a.stance FROM annotations a NOT INDEXED"
                     " WHERE a.stakeholder_id IS NOT NULL",
                     with_stance_only ? " AND a.stance IS NOT NULL" : "",
                     where,
                     " ORDER BY a.id",
                     NULL);
  if ((annotations = sp_db_prepare (db, sql, error)) == NULL ||
      (themes = sp_db_prepare (db, "SELECT annotation_id, theme_id FROM annotation_themes ORDER BY annotation_id",
                               error)) == NULL)
    return NULL;

  row_of = index_by_id (table->stakeholders, G_STRUCT_OFFSET (SpStakeholderInfo, id));
  column_of = index_by_id (table->themes, G_STRUCT_OFFSET (SpThemeInfo, id));

  rc_themes = sqlite3_step (themes);
  while ((rc = sqlite3_step (annotations)) == SQLITE_ROW && rc_themes == SQLITE_ROW)
    {
      gint64 annotation_id = sqlite3_column_int64 (annotations, 0);
      guint row = lookup_index (row_of, sqlite3_column_int64 (annotations, 1));
      const char *stance_text = (const char *) sqlite3_column_text (annotations, 2);
      SpStance stance = SP_STANCE_NONE;

      if (stance_text != NULL && !sp_stance_from_string (stance_text, &stance))
        stance = SP_STANCE_NONE;

      while (rc_themes == SQLITE_ROW && sqlite3_column_int64 (themes, 0) < annotation_id)
        rc_themes = sqlite3_step (themes);
      for (; rc_themes == SQLITE_ROW && sqlite3_column_int64 (themes, 0) == annotation_id;
           rc_themes = sqlite3_step (themes))
        {
          guint column = lookup_index (column_of, sqlite3_column_int64 (themes, 1));

          /* Both lists were read in this same call; a miss can only be a
           * row added by another process since, which the next refresh shows. */
          if (row != 0 && column != 0)
            _sp_compare_table_counts (table, row - 1, column - 1)[stance]++;
        }
    }
  if ((rc != SQLITE_DONE && rc != SQLITE_ROW) || (rc_themes != SQLITE_DONE && rc_themes != SQLITE_ROW))
    {
      sp_db_set_error (error, db, rc != SQLITE_DONE && rc != SQLITE_ROW ? rc : rc_themes,
                       _("Could not count the passages per stakeholder and theme"));
      return NULL;
    }

  drop_empty_rows (table);
  return g_steal_pointer (&table);
}
