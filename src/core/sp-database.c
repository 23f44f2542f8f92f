/* sp-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "sp-database.h"
#include "sp-error.h"

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SP_ERROR_DAMAGED;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SP_ERROR_LOCKED;
    case SQLITE_READONLY:
      return SP_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return SP_ERROR_DISK_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return SP_ERROR_IO;
    default:
      return SP_ERROR_DATABASE;
    }
}

void
sp_db_set_error (GError     **error,
                 sqlite3     *db,
                 int          rc,
                 const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (rc == SQLITE_INTERRUPT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  g_set_error (error, SP_ERROR, error_code_for (rc), "%s: %s", what, detail);
}

gboolean
sp_db_exec (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_INTERRUPT)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      else
        g_set_error (error, SP_ERROR, error_code_for (rc), "%s",
                     message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
sp_db_prepare (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sp_db_set_error (error, db, rc, "Could not prepare a query");
      return NULL;
    }

  return stmt;
}

/* How many sp_db_begin() are open on each connection. The outermost is a
 * real transaction; those inside it are savepoints, so a function that
 * makes its own transaction (adding a document, an undoable command) can
 * run inside a larger one (a whole REFI-QDA import) that commits or rolls
 * back as one. Connections live in several threads, hence the lock. */
static GMutex      depth_lock;
static GHashTable *depths;  /* sqlite3 * -> depth */

static guint
get_depth (sqlite3 *db)
{
  guint depth;

  g_mutex_lock (&depth_lock);
  depth = depths != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (depths, db)) : 0;
  g_mutex_unlock (&depth_lock);
  return depth;
}

static void
set_depth (sqlite3 *db,
           guint    depth)
{
  g_mutex_lock (&depth_lock);
  if (depths == NULL)
    depths = g_hash_table_new (NULL, NULL);
  if (depth == 0)
    g_hash_table_remove (depths, db);
  else
    g_hash_table_insert (depths, db, GUINT_TO_POINTER (depth));
  g_mutex_unlock (&depth_lock);
}

gboolean
sp_db_begin (sqlite3  *db,
             GError  **error)
{
  guint depth = get_depth (db);

  /* IMMEDIATE takes the write lock up front, so a second writer fails here,
   * before any work is done, instead of at COMMIT. */
  if (!sp_db_exec (db, depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT sp_nested", error))
    return FALSE;
  set_depth (db, depth + 1);
  return TRUE;
}

gboolean
sp_db_commit (sqlite3  *db,
              GError  **error)
{
  guint depth = get_depth (db);

  if (depth > 1)
    {
      if (!sp_db_exec (db, "RELEASE sp_nested", error))
        {
          sp_db_rollback (db);
          return FALSE;
        }
      set_depth (db, depth - 1);
      return TRUE;
    }

  if (!sp_db_exec (db, "COMMIT", error))
    {
      sp_db_rollback (db);
      return FALSE;
    }
  set_depth (db, 0);
  return TRUE;
}

void
sp_db_rollback (sqlite3 *db)
{
  guint depth = get_depth (db);

  if (depth > 1)
    {
      /* Undoes the inner part only; the outer transaction goes on and
       * decides for itself. */
      sqlite3_exec (db, "ROLLBACK TO sp_nested; RELEASE sp_nested", NULL, NULL, NULL);
      set_depth (db, depth - 1);
      return;
    }

  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  set_depth (db, 0);
}

gboolean
sp_db_in_transaction (sqlite3 *db)
{
  return get_depth (db) > 0;
}

gboolean
sp_db_step_done (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 const char    *what,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, what);
      return FALSE;
    }
  /* Reset at once, so a prepared statement used in a loop is ready to be
   * bound again; sqlite3_changes() and the last rowid survive the reset. */
  sqlite3_reset (stmt);
  return TRUE;
}

int
sp_db_exec_int64 (sqlite3     *db,
                  const char  *sql,
                  gint64       id,
                  const char  *what,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_db_prepare_with_id (db, sql, id, error);

  if (stmt == NULL)
    return -1;
  if (!sp_db_step_done (db, stmt, what, error))
    return -1;
  return sqlite3_changes (db);
}

gboolean
sp_db_query_int64 (sqlite3       *db,
                   sqlite3_stmt  *stmt,
                   gint64        *out,
                   const char    *what,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      sp_db_set_error (error, db, rc, what);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
sp_db_for_each_row (sqlite3        *db,
                    sqlite3_stmt   *stmt,
                    SpDbEachFunc    each,
                    gpointer        user_data,
                    const char     *what,
                    GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    each (stmt, user_data);
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  SpDbRowFunc  from_row;
  GPtrArray   *items;
} Collect;

static void
collect_row (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  Collect *collect = user_data;

  g_ptr_array_add (collect->items, collect->from_row (stmt));
}

GPtrArray *
sp_db_collect (sqlite3         *db,
               sqlite3_stmt    *stmt,
               SpDbRowFunc      from_row,
               GDestroyNotify   free_func,
               const char      *what,
               GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  Collect collect = { from_row, items };

  if (!sp_db_for_each_row (db, stmt, collect_row, &collect, what, error))
    return NULL;
  return g_steal_pointer (&items);
}

static void
collect_id (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) user_data, id);
}

GArray *
sp_db_collect_ids (sqlite3       *db,
                   sqlite3_stmt  *stmt,
                   GArray        *into,
                   const char    *what,
                   GError       **error)
{
  if (!sp_db_for_each_row (db, stmt, collect_id, into, what, error))
    return NULL;
  sqlite3_reset (stmt);
  return into;
}

char *
sp_db_column_dup (sqlite3_stmt *stmt,
                  int           i)
{
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

sqlite3_stmt *
sp_db_prepare_with_id (sqlite3     *db,
                       const char  *sql,
                       gint64       id,
                       GError     **error)
{
  sqlite3_stmt *stmt = sp_db_prepare (db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

void
sp_db_bind_id_or_null (sqlite3_stmt *stmt,
                       int           i,
                       gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, i, id);
  else
    sqlite3_bind_null (stmt, i);
}

gboolean
sp_db_step_maybe (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  gboolean      *found,
                  const char    *what,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_db_step_row (sqlite3       *db,
                sqlite3_stmt  *stmt,
                const char    *what,
                const char    *not_found,
                GError       **error)
{
  gboolean found;

  if (!sp_db_step_maybe (db, stmt, &found, what, error))
    return FALSE;
  if (!found)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, not_found);
  return found;
}

gpointer
sp_db_get_row (sqlite3       *db,
               sqlite3_stmt  *stmt,
               SpDbRowFunc    from_row,
               const char    *what,
               const char    *not_found,
               GError       **error)
{
  if (!sp_db_step_row (db, stmt, what, not_found, error))
    return NULL;
  return from_row (stmt);
}

GPtrArray *
sp_db_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

static void
copy_row (sqlite3_stmt *stmt,
          gpointer      user_data)
{
  int n_columns = sqlite3_column_count (stmt);
  GPtrArray *row = g_ptr_array_new_full ((guint) n_columns, (GDestroyNotify) sqlite3_value_free);

  for (int i = 0; i < n_columns; i++)
    g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
  g_ptr_array_add (user_data, row);
}

gboolean
sp_db_copy_rows (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 GPtrArray     *rows,
                 const char    *what,
                 GError       **error)
{
  if (!sp_db_for_each_row (db, stmt, copy_row, rows, what, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sp_db_write_rows (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  GPtrArray     *rows,
                  const char    *what,
                  GError       **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < row->len; j++)
        sqlite3_bind_value (stmt, (int) j + 1, g_ptr_array_index (row, j));
      if (!sp_db_step_done (db, stmt, what, error))
        return FALSE;
    }
  return TRUE;
}

gint64
sp_db_row_int64 (GPtrArray *row,
                 guint      i)
{
  g_return_val_if_fail (i < row->len, 0);
  return sqlite3_value_int64 (g_ptr_array_index (row, i));
}
