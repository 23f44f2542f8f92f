/* sp-project-stakeholders.c: the people and organisations whose positions
 * a project records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-undo-manager.h"

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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  if ((stmt = sp_db_prepare (db, STAKEHOLDER_SELECT "ORDER BY k.name COLLATE NOCASE", error)) == NULL)
    return NULL;

  return sp_db_collect (db, stmt, (SpDbRowFunc) stakeholder_from_row,
                        (GDestroyNotify) sp_stakeholder_info_free,
                        _("Could not read the stakeholders"), error);
}

SpStakeholderInfo *
sp_project_find_stakeholder (SpProject   *self,
                             const char  *name_or_alias,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *missing = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_alias != NULL, NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  stmt = sp_db_prepare (db,
                        STAKEHOLDER_SELECT
                        "WHERE k.name = ?1 OR k.id IN"
                        " (SELECT stakeholder_id FROM stakeholder_aliases WHERE alias = ?1)"
                        " ORDER BY k.name = ?1 DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name_or_alias, -1, SQLITE_TRANSIENT);

  missing = g_strdup_printf (_("There is no stakeholder “%s” in this project"), name_or_alias);
  return sp_db_get_row (db, stmt, (SpDbRowFunc) stakeholder_from_row,
                        _("Could not read the stakeholders"), missing, error);
}

/* Reports cite people by surname ("As Mueller observes"), so a speaker
 * name of two or more words also gets its last word as an alias. Short
 * surnames ("Li", "An") are left out: as words they occur in ordinary
 * text and would be found everywhere. */
static gboolean
add_surname_alias (sqlite3     *db,
                   gint64       id,
                   const char  *name,
                   GError     **error)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  g_autoptr(sqlite3_stmt) insert = NULL;
  const char *surname = NULL;
  guint n_words = 0;
  guint n_letters = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        surname = words[i];
        n_words++;
      }
  if (n_words < 2)
    return TRUE;

  for (const char *p = surname; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      n_letters++;
  if (n_letters < 3)
    return TRUE;

  insert = sp_db_prepare (db,
                          "INSERT OR IGNORE INTO stakeholder_aliases (stakeholder_id, alias)"
                          " VALUES (?1, ?2)",
                          error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_text (insert, 2, surname, -1, SQLITE_STATIC);
  return sp_db_step_done (db, insert, _("Could not add the stakeholder"), error);
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
  gboolean found;
  gint64 id;

  find = sp_db_prepare (db,
                        "SELECT id FROM stakeholders WHERE name = ?1"
                        " UNION ALL SELECT stakeholder_id FROM stakeholder_aliases WHERE alias = ?1"
                        " LIMIT 1",
                        error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_STATIC);

  if (!sp_db_step_maybe (db, find, &found, _("Could not read the stakeholders"), error))
    return 0;
  if (found)
    return sqlite3_column_int64 (find, 0);

  now = _sp_project_now ();
  insert = sp_db_prepare (db, "INSERT INTO stakeholders (name, created_at) VALUES (?1, ?2)", error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
  if (!sp_db_step_done (db, insert, _("Could not add the stakeholder"), error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  if (!add_surname_alias (db, id, name, error))
    return 0;
  return id;
}

/* Changes, as undoable commands. Each one snapshots the rows of the
 * stakeholders it touches (their aliases, turns and annotations included)
 * before changing anything; undo writes the snapshot back, so ids and
 * attributions come back exactly. */

static const char * const sectors[] = {
  "", "government", "industry", "academia", "civil society",
  "international organisation", "media", "other", NULL
};

const char * const *
sp_stakeholder_sectors (void)
{
  return sectors;
}

typedef enum
{
  OP_UPDATE,
  OP_ADD_ALIAS,
  OP_REMOVE_ALIAS,
  OP_MERGE,
  OP_DELETE,
} StakeholderOp;

/* What the snapshot copies of each stakeholder a command touches, one
 * query a part; stakeholder_command_revert binds the copied rows back in
 * the same column order. */
enum
{
  PART_ROWS,
  PART_ALIASES,
  PART_TURNS,
  PART_ANNOTATIONS,
  N_PARTS
};

static const char * const snapshot_queries[N_PARTS] = {
  [PART_ROWS] = "SELECT id, name, organisation, role, sector, region, color, notes,"
                " created_at FROM stakeholders WHERE id = ?1",
  [PART_ALIASES] = "SELECT id, stakeholder_id, alias FROM stakeholder_aliases WHERE stakeholder_id = ?1",
  [PART_TURNS] = "SELECT id, stakeholder_id FROM segments WHERE stakeholder_id = ?1",
  [PART_ANNOTATIONS] = "SELECT id, stakeholder_id FROM annotations WHERE stakeholder_id = ?1",
};

/* Writes one row of each part back. */
static const char * const restore_statements[N_PARTS] = {
  [PART_ROWS] = "INSERT INTO stakeholders (id, name, organisation, role, sector, region,"
                " color, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                " ON CONFLICT (id) DO UPDATE SET name = ?2, organisation = ?3, role = ?4,"
                " sector = ?5, region = ?6, color = ?7, notes = ?8, created_at = ?9",
  [PART_ALIASES] = "INSERT INTO stakeholder_aliases (id, stakeholder_id, alias) VALUES (?1, ?2, ?3)",
  [PART_TURNS] = "UPDATE segments SET stakeholder_id = ?2 WHERE id = ?1",
  [PART_ANNOTATIONS] = "UPDATE annotations SET stakeholder_id = ?2 WHERE id = ?1",
};

typedef struct
{
  StakeholderOp       op;
  gint64              id;
  gint64              into_id;
  SpStakeholderInfo  *update;  /* OP_UPDATE: new values; a NULL field stays */
  char               *alias;

  GPtrArray          *snapshot[N_PARTS];  /* rows from sp_db_copy_rows() */
} StakeholderCommand;

static void
stakeholder_command_free (StakeholderCommand *command)
{
  sp_stakeholder_info_free (command->update);
  g_free (command->alias);
  for (guint p = 0; p < N_PARTS; p++)
    g_clear_pointer (&command->snapshot[p], g_ptr_array_unref);
  g_free (command);
}

static gboolean
run_done (sqlite3       *db,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  return sp_db_step_done (db, stmt, _("Could not change the stakeholder"), error);
}

static gboolean
take_snapshot (sqlite3             *db,
               StakeholderCommand  *command,
               GError             **error)
{
  gint64 ids[2] = { command->id, command->into_id };

  for (guint p = 0; p < N_PARTS; p++)
    {
      g_autoptr(sqlite3_stmt) stmt = sp_db_prepare (db, snapshot_queries[p], error);

      if (stmt == NULL)
        return FALSE;
      g_clear_pointer (&command->snapshot[p], g_ptr_array_unref);
      command->snapshot[p] = sp_db_rows_new ();

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          if (ids[i] == 0)
            continue;
          sqlite3_bind_int64 (stmt, 1, ids[i]);
          if (!sp_db_copy_rows (db, stmt, command->snapshot[p], _("Could not read the stakeholders"), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
stakeholder_command_revert (SpProject  *project,
                            gpointer    data,
                            GError    **error)
{
  StakeholderCommand *command = data;
  sqlite3 *db = _sp_project_get_db (project);
  GPtrArray *rows = command->snapshot[PART_ROWS];
  g_autoptr(sqlite3_stmt) unalias = NULL;

  unalias = sp_db_prepare (db, "DELETE FROM stakeholder_aliases WHERE stakeholder_id = ?1", error);
  if (unalias == NULL)
    return FALSE;

  /* Aliases first: a merged stakeholder's name is one of them now, and
   * names and aliases are looked up together. */
  for (guint i = 0; i < rows->len; i++)
    {
      sqlite3_bind_int64 (unalias, 1, sp_db_row_int64 (g_ptr_array_index (rows, i), 0));
      if (!run_done (db, unalias, error))
        return FALSE;
    }

  for (guint p = 0; p < N_PARTS; p++)
    {
      g_autoptr(sqlite3_stmt) restore = sp_db_prepare (db, restore_statements[p], error);

      if (restore == NULL ||
          !sp_db_write_rows (db, restore, command->snapshot[p], _("Could not change the stakeholder"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
exec_with (sqlite3     *db,
           const char  *sql,
           gint64       a,
           gint64       b,
           const char  *text,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  return run_done (db, stmt, error);
}

static gboolean
stakeholder_command_apply (SpProject  *project,
                           gpointer    data,
                           GError    **error)
{
  StakeholderCommand *command = data;
  sqlite3 *db = _sp_project_get_db (project);

  if (!take_snapshot (db, command, error))
    return FALSE;

  switch (command->op)
    {
    case OP_UPDATE:
      {
        g_autoptr(sqlite3_stmt) stmt = NULL;
        const SpStakeholderInfo *u = command->update;

        stmt = sp_db_prepare (db,
                              "UPDATE stakeholders SET name = coalesce(?2, name),"
                              " organisation = coalesce(?3, organisation), role = coalesce(?4, role),"
                              " sector = coalesce(?5, sector), region = coalesce(?6, region),"
                              " color = coalesce(?7, color), notes = coalesce(?8, notes) WHERE id = ?1",
                              error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, command->id);
        sqlite3_bind_text (stmt, 2, u->name, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, u->organisation, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 4, u->role, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 5, u->sector, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 6, u->region, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 7, u->color, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 8, u->notes, -1, SQLITE_STATIC);
        return run_done (db, stmt, error);
      }

    case OP_ADD_ALIAS:
      return exec_with (db, "INSERT INTO stakeholder_aliases (stakeholder_id, alias) VALUES (?1, ?3)",
                        command->id, 0, command->alias, error);

    case OP_REMOVE_ALIAS:
      return exec_with (db, "DELETE FROM stakeholder_aliases WHERE stakeholder_id = ?1 AND alias = ?3",
                        command->id, 0, command->alias, error);

    case OP_MERGE:
      return exec_with (db, "UPDATE segments SET stakeholder_id = ?2 WHERE stakeholder_id = ?1",
                        command->id, command->into_id, NULL, error) &&
             exec_with (db, "UPDATE annotations SET stakeholder_id = ?2 WHERE stakeholder_id = ?1",
                        command->id, command->into_id, NULL, error) &&
             exec_with (db,
                        "INSERT OR IGNORE INTO stakeholder_aliases (stakeholder_id, alias)"
                        " SELECT ?2, n FROM (SELECT name AS n FROM stakeholders WHERE id = ?1"
                        "   UNION ALL SELECT alias FROM stakeholder_aliases WHERE stakeholder_id = ?1)"
                        " WHERE n <> (SELECT name FROM stakeholders WHERE id = ?2) COLLATE NOCASE",
                        command->id, command->into_id, NULL, error) &&
             exec_with (db, "DELETE FROM stakeholders WHERE id = ?1", command->id, 0, NULL, error);

    case OP_DELETE:
      /* Turns become unattributed through ON DELETE SET NULL. */
      return exec_with (db, "DELETE FROM stakeholders WHERE id = ?1", command->id, 0, NULL, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
execute_command (SpProject           *self,
                 const char          *label,
                 SpProjectChange      changes,
                 StakeholderCommand  *command,
                 GError             **error)
{
  return sp_undo_manager_execute (sp_project_get_undo_manager (self),
                                  sp_command_new (label, changes,
                                                  stakeholder_command_apply,
                                                  stakeholder_command_revert,
                                                  command,
                                                  (GDestroyNotify) stakeholder_command_free),
                                  error);
}

static StakeholderCommand *
stakeholder_command_new (StakeholderOp op,
                         gint64        id)
{
  StakeholderCommand *command = g_new0 (StakeholderCommand, 1);

  command->op = op;
  command->id = id;
  return command;
}

SpStakeholderInfo *
sp_project_get_stakeholder (SpProject  *self,
                            gint64      id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *missing = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  if ((stmt = sp_db_prepare_with_id (db, STAKEHOLDER_SELECT "WHERE k.id = ?1", id, error)) == NULL)
    return NULL;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  missing = g_strdup_printf (_("There is no stakeholder with id %s in this project"), id_text);
  return sp_db_get_row (db, stmt, (SpDbRowFunc) stakeholder_from_row,
                        _("Could not read the stakeholders"), missing, error);
}

/* The id of the stakeholder called @name, other than @except_id; 0 if
 * none, -1 on error. */
static gint64
stakeholder_by_name (sqlite3     *db,
                     const char  *name,
                     gint64       except_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  stmt = sp_db_prepare (db, "SELECT id FROM stakeholders WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!sp_db_step_maybe (db, stmt, &found, _("Could not read the stakeholders"), error))
    return -1;
  return found ? sqlite3_column_int64 (stmt, 0) : 0;
}

static char *
trimmed (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

gboolean
sp_project_update_stakeholder (SpProject                *self,
                               gint64                    id,
                               const SpStakeholderInfo  *changes,
                               GError                  **error)
{
  g_autoptr(SpStakeholderInfo) current = NULL;
  StakeholderCommand *command;
  SpStakeholderInfo *u;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!_sp_project_check_writable (self, error) ||
      (current = sp_project_get_stakeholder (self, id, error)) == NULL)
    return FALSE;
  db = _sp_project_get_db (self);

  command = stakeholder_command_new (OP_UPDATE, id);
  u = command->update = g_new0 (SpStakeholderInfo, 1);
  u->name = trimmed (changes->name);
  u->organisation = trimmed (changes->organisation);
  u->role = trimmed (changes->role);
  u->sector = trimmed (changes->sector);
  u->region = trimmed (changes->region);
  u->color = changes->color != NULL ? g_ascii_strdown (changes->color, -1) : NULL;
  u->notes = changes->notes != NULL ? g_strdup (changes->notes) : NULL;

  if (u->name != NULL)
    {
      gint64 other;

      if (*u->name == '\0')
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("A stakeholder needs a name"));
          goto fail;
        }
      if ((other = stakeholder_by_name (db, u->name, id, error)) < 0)
        goto fail;
      if (other > 0)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_EXISTS, _("A stakeholder “%s” already exists"), u->name);
          goto fail;
        }
    }

  if (u->sector != NULL && !g_strv_contains (sectors, u->sector))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a sector: use government, industry, academia, civil society, "
                     "international organisation, media or other"), u->sector);
      goto fail;
    }

  if (u->color != NULL && *u->color != '\0')
    {
      gboolean ok = strlen (u->color) == 7 && u->color[0] == '#';

      for (guint i = 1; ok && i < 7; i++)
        ok = g_ascii_isxdigit (u->color[i]);
      if (!ok)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a colour: use the form #rrggbb, e.g. #3584e4"), changes->color);
          goto fail;
        }
    }

  return execute_command (self, _("Edit stakeholder"), SP_PROJECT_CHANGE_STAKEHOLDERS, command, error);

fail:
  stakeholder_command_free (command);
  return FALSE;
}

static gboolean
has_name (const SpStakeholderInfo *info,
          const char              *name)
{
  if (g_ascii_strcasecmp (info->name, name) == 0)
    return TRUE;
  for (guint i = 0; info->aliases[i] != NULL; i++)
    if (g_ascii_strcasecmp (info->aliases[i], name) == 0)
      return TRUE;
  return FALSE;
}

gboolean
sp_project_add_stakeholder_alias (SpProject   *self,
                                  gint64       id,
                                  const char  *alias,
                                  GError     **error)
{
  g_autoptr(SpStakeholderInfo) info = NULL;
  g_autofree char *clean = trimmed (alias != NULL ? alias : "");
  StakeholderCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error) ||
      (info = sp_project_get_stakeholder (self, id, error)) == NULL)
    return FALSE;

  if (*clean == '\0')
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("An alias cannot be empty"));
      return FALSE;
    }
  if (has_name (info, clean))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_EXISTS, _("%s is already known as “%s”"), info->name, clean);
      return FALSE;
    }

  command = stakeholder_command_new (OP_ADD_ALIAS, id);
  command->alias = g_steal_pointer (&clean);
  return execute_command (self, _("Add alias"), SP_PROJECT_CHANGE_STAKEHOLDERS, command, error);
}

gboolean
sp_project_remove_stakeholder_alias (SpProject   *self,
                                     gint64       id,
                                     const char  *alias,
                                     GError     **error)
{
  g_autoptr(SpStakeholderInfo) info = NULL;
  StakeholderCommand *command;
  gboolean found = FALSE;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (!_sp_project_check_writable (self, error) ||
      (info = sp_project_get_stakeholder (self, id, error)) == NULL)
    return FALSE;

  for (guint i = 0; info->aliases[i] != NULL; i++)
    found |= g_ascii_strcasecmp (info->aliases[i], alias) == 0;
  if (!found)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("%s has no alias “%s”"), info->name, alias);
      return FALSE;
    }

  command = stakeholder_command_new (OP_REMOVE_ALIAS, id);
  command->alias = g_strdup (alias);
  return execute_command (self, _("Remove alias"), SP_PROJECT_CHANGE_STAKEHOLDERS, command, error);
}

gboolean
sp_project_merge_stakeholders (SpProject  *self,
                               gint64      id,
                               gint64      into_id,
                               GError    **error)
{
  g_autoptr(SpStakeholderInfo) from = NULL;
  g_autoptr(SpStakeholderInfo) into = NULL;
  StakeholderCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error) ||
      (from = sp_project_get_stakeholder (self, id, error)) == NULL ||
      (into = sp_project_get_stakeholder (self, into_id, error)) == NULL)
    return FALSE;
  if (id == into_id)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("%s cannot be merged into themselves"), from->name);
      return FALSE;
    }

  command = stakeholder_command_new (OP_MERGE, id);
  command->into_id = into_id;
  return execute_command (self, _("Merge stakeholders"),
                          SP_PROJECT_CHANGE_STAKEHOLDERS | SP_PROJECT_CHANGE_ANNOTATIONS |
                          SP_PROJECT_CHANGE_DOCUMENTS,
                          command, error);
}

gint64
sp_project_count_stakeholder_annotations (SpProject  *self,
                                          gint64      id,
                                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 n;

  g_return_val_if_fail (SP_IS_PROJECT (self), -1);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return -1;
  if ((stmt = sp_db_prepare (db, "SELECT count(*) FROM annotations WHERE stakeholder_id = ?1", error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_db_query_int64 (db, stmt, &n, _("Could not read the annotations"), error))
    return -1;
  return n;
}

gboolean
sp_project_delete_stakeholder (SpProject  *self,
                               gint64      id,
                               GError    **error)
{
  g_autoptr(SpStakeholderInfo) info = NULL;
  gint64 n_annotations;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error) ||
      (info = sp_project_get_stakeholder (self, id, error)) == NULL ||
      (n_annotations = sp_project_count_stakeholder_annotations (self, id, error)) < 0)
    return FALSE;

  /* Annotations say who holds a position; losing that silently would lose
   * the analyst's work, so they must be moved or removed first. */
  if (n_annotations > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_annotations);

      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %s annotation; merge %s into another stakeholder or remove it first",
                                "%s has %s annotations; merge %s into another stakeholder or remove them first",
                                (gulong) n_annotations),
                   info->name, count, info->name);
      return FALSE;
    }

  return execute_command (self, _("Delete stakeholder"),
                          SP_PROJECT_CHANGE_STAKEHOLDERS | SP_PROJECT_CHANGE_DOCUMENTS,
                          stakeholder_command_new (OP_DELETE, id), error);
}
