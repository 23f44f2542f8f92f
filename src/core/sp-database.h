/* sp-database.h: small helpers over sqlite3 that turn its result codes into
 * SP_ERROR GErrors with a message a person can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void      sp_db_set_error   (GError      **error,
                             sqlite3      *db,
                             int           rc,
                             const char   *what);
gboolean  sp_db_exec        (sqlite3      *db,
                             const char   *sql,
                             GError      **error);
sqlite3_stmt *sp_db_prepare (sqlite3      *db,
                             const char   *sql,
                             GError      **error);
gboolean  sp_db_begin       (sqlite3      *db,
                             GError      **error);
gboolean  sp_db_commit      (sqlite3      *db,
                             GError      **error);
void      sp_db_rollback    (sqlite3      *db);
/* Text of column i as a newly allocated string, or NULL for SQL NULL. */
char     *sp_db_column_dup  (sqlite3_stmt *stmt,
                             int           i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
