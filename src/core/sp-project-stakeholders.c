/* sp-project-stakeholders.c: the people and organisations whose positions
 * a project records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

#define STAKEHOLDER_SELECT \
  "SELECT k.id, k.name, k.organisation, k.role, k.sector, k.region, k.color, k.notes," \
  "  (SELECT group_concat(alias, char(10)) FROM" \
  "     (SELECT alias FROM stakeholder_aliases a WHERE a.stakeholder_id = k.id ORDER BY alias))," \
  "  (SELECT count(*) FROM segments s WHERE s.stakeholder_id = k.id AND s.kind = 'turn')," \
  "  (SELECT count(DISTINCT document_id) FROM segments s WHERE s.stakeholder_id = k.id)" \
  " FROM stakeholders k "

static SpStakeholderInfo *
stakeholder_from_row (sqlite3_stmt *stmt)
{
  SpStakeholderInfo *info = g_new0 (SpStakeholderInfo, 1);
  const char *aliases = (const char *) sqlite3_column_text (stmt, 8);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->name = sp_db_column_dup (stmt, 1);
  info->organisation = sp_db_column_dup (stmt, 2);
  info->role = sp_db_column_dup (stmt, 3);
  info->sector = sp_db_column_dup (stmt, 4);
  info->region = sp_db_column_dup (stmt, 5);
  info->color = sp_db_column_dup (stmt, 6);
  info->notes = sp_db_column_dup (stmt, 7);
  info->aliases = aliases != NULL ? g_strsplit (aliases, "\n", -1) : g_new0 (char *, 1);
  info->n_turns = (guint) sqlite3_column_int (stmt, 9);
  info->n_documents = (guint) sqlite3_column_int (stmt, 10);

  return info;
}

GPtrArray *
sp_project_list_stakeholders (SpProject  *self,
                              GError    **error)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db (self)) == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("The project is closed"));
      return NULL;
    }

  if ((stmt = sp_db_prepare (db, STAKEHOLDER_SELECT "ORDER BY k.name COLLATE NOCASE", error)) == NULL)
    return NULL;

  stakeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_stakeholder_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (stakeholders, stakeholder_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not read the stakeholders"));
      return NULL;
    }

  return g_steal_pointer (&stakeholders);
}

SpStakeholderInfo *
sp_project_find_stakeholder (SpProject   *self,
                             const char  *name_or_alias,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_alias != NULL, NULL);

  if ((db = _sp_project_get_db (self)) == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("The project is closed"));
      return NULL;
    }

  stmt = sp_db_prepare (db,
                        STAKEHOLDER_SELECT
                        "WHERE k.name = ?1 OR k.id IN"
                        " (SELECT stakeholder_id FROM stakeholder_aliases WHERE alias = ?1)"
                        " ORDER BY k.name = ?1 DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name_or_alias, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return stakeholder_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                 _("There is no stakeholder “%s” in this project"), name_or_alias);
  else
    sp_db_set_error (error, db, rc, _("Could not read the stakeholders"));

  return NULL;
}

gint64
_sp_project_ensure_stakeholder (SpProject   *self,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *now = NULL;
  sqlite3 *db = _sp_project_get_db (self);
  int rc;

  find = sp_db_prepare (db,
                        "SELECT id FROM stakeholders WHERE name = ?1"
                        " UNION ALL SELECT stakeholder_id FROM stakeholder_aliases WHERE alias = ?1"
                        " LIMIT 1",
                        error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_STATIC);

  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not read the stakeholders"));
      return 0;
    }

  now = _sp_project_now ();
  insert = sp_db_prepare (db, "INSERT INTO stakeholders (name, created_at) VALUES (?1, ?2)", error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not add the stakeholder"));
      return 0;
    }

  return sqlite3_last_insert_rowid (db);
}
