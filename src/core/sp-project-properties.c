/* sp-project-properties.c: small settings kept in the project file itself.
 *
 * They are view state (which two documents sit side by side, where the
 * divider is), so they change outside the undo stack: undoing a tag must
 * not move the divider.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

static gboolean
check_key (const char  *key,
           GError     **error)
{
  if (key == NULL || *key == '\0' || strlen (key) > 128)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("A project property needs a name of 1 to 128 characters"));
      return FALSE;
    }
  return TRUE;
}

char *
sp_project_get_property (SpProject   *self,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!check_key (key, error) ||
      (db = _sp_project_get_db_checked (self, error)) == NULL ||
      (stmt = sp_db_prepare (db, "SELECT value FROM properties WHERE key = ?1", error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    sp_db_set_error (error, db, rc, _("Could not read the project's settings"));
  return NULL;
}

gboolean
sp_project_set_property (SpProject   *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_key (key, error) || !_sp_project_check_writable (self, error))
    return FALSE;
  db = _sp_project_get_db (self);

  stmt = sp_db_prepare (db, value != NULL
                            ? "INSERT INTO properties (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                            : "DELETE FROM properties WHERE key = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!sp_db_step_done (db, stmt, _("Could not store the project's settings"), error))
    return FALSE;

  sp_project_emit_changed (self, SP_PROJECT_CHANGE_PROPERTIES);
  return TRUE;
}
