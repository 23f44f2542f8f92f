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
 * Profiled (perf) after that, what was left was SQLite re-reading every
 * page through its 2 MB default cache (now 64 MB, sp-project.c), stepping
 * the rows, and here: hash lookups per row (now arrays indexed by id) and
 * the same column read several times per merge step. A covering index on
 * annotations (stakeholder_id, stance, document_id) would cut the
 * annotation scan from ~28 to ~16 ms CPU, but costs a schema migration;
 * not done while the goal is met without it.
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

/* Where each record sits in its list, by id, for the per-row lookups of
 * the scan below. Ids are SQLite rowids, handed out as the largest + 1,
 * so a plain array indexed by id is small and far cheaper than hashing;
 * ids spread much wider than the list, or negative ones (only possible
 * by hand), fall back to a hash table. */
typedef struct
{
  guint      *position_by_id;  /* position + 1; 0: not in the list */
  gint64      n_ids;
  GHashTable *by_id;           /* id -> position + 1, when not dense */
} IdIndex;

#define DENSE_SLACK 4096

static void
id_index_init (IdIndex   *index,
               GPtrArray *records,
               gsize      id_offset)
{
  gint64 min_id = 0, max_id = 0;

  memset (index, 0, sizeof *index);
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = G_STRUCT_MEMBER (gint64, records->pdata[i], id_offset);

      min_id = MIN (min_id, id);
      max_id = MAX (max_id, id);
    }

  if (min_id >= 0 && max_id <= 4 * (gint64) records->len + DENSE_SLACK)
    {
      index->n_ids = max_id + 1;
      index->position_by_id = g_new0 (guint, index->n_ids);
      for (guint i = 0; i < records->len; i++)
        index->position_by_id[G_STRUCT_MEMBER (gint64, records->pdata[i], id_offset)] = i + 1;
      return;
    }

  index->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (index->by_id, G_STRUCT_MEMBER_P (records->pdata[i], id_offset), GUINT_TO_POINTER (i + 1));
}

static void
id_index_clear (IdIndex *index)
{
  g_clear_pointer (&index->position_by_id, g_free);
  g_clear_pointer (&index->by_id, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IdIndex, id_index_clear)

/* Position + 1 of the record with @id; 0 means not there. */
static inline guint
id_index_lookup (const IdIndex *index,
                 gint64         id)
{
  if (index->by_id != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (index->by_id, &id));
  return id >= 0 && id < index->n_ids ? index->position_by_id[id] : 0;
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

/* Steps the (annotation, theme) statement, keeping the annotation id of
 * the row it is on: it is compared on every step of the merge. */
static int
step_themes (sqlite3_stmt *themes,
             gint64       *annotation_id)
{
  int rc = sqlite3_step (themes);

  if (rc == SQLITE_ROW)
    *annotation_id = sqlite3_column_int64 (themes, 0);
  return rc;
}

SpCompareTable *
_sp_compare_table_load (SpProject              *project,
                        const SpCompareFilter  *filter,
                        gboolean                with_stance_only,
                        GError                **error)
{
  g_autoptr(SpCompareTable) table = g_new0 (SpCompareTable, 1);
  g_auto(IdIndex) rows = { 0 };
  g_auto(IdIndex) columns = { 0 };
  g_autoptr(sqlite3_stmt) annotations = NULL;
  g_autoptr(sqlite3_stmt) themes = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  gint64 themed_id = 0;
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

  id_index_init (&rows, table->stakeholders, G_STRUCT_OFFSET (SpStakeholderInfo, id));
  id_index_init (&columns, table->themes, G_STRUCT_OFFSET (SpThemeInfo, id));

  rc_themes = step_themes (themes, &themed_id);
  while ((rc = sqlite3_step (annotations)) == SQLITE_ROW && rc_themes == SQLITE_ROW)
    {
      gint64 annotation_id = sqlite3_column_int64 (annotations, 0);
      guint row = id_index_lookup (&rows, sqlite3_column_int64 (annotations, 1));
      const char *stance_text = (const char *) sqlite3_column_text (annotations, 2);
      SpStance stance = SP_STANCE_NONE;
      guint *row_counts;

      if (stance_text != NULL && !sp_stance_from_string (stance_text, &stance))
        stance = SP_STANCE_NONE;

      /* Both lists were read in this same call; a miss can only be a row
       * added by another process since, which the next refresh shows. */
      row_counts = row != 0 ? _sp_compare_table_counts (table, row - 1, 0) : NULL;

      /* Themes of the annotations the filter left out are skipped. */
      while (rc_themes == SQLITE_ROW && themed_id < annotation_id)
        rc_themes = step_themes (themes, &themed_id);
      for (; rc_themes == SQLITE_ROW && themed_id == annotation_id; rc_themes = step_themes (themes, &themed_id))
        {
          guint column = id_index_lookup (&columns, sqlite3_column_int64 (themes, 1));

          if (row_counts != NULL && column != 0)
            row_counts[(gsize) (column - 1) * SP_N_STANCES + stance]++;
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
